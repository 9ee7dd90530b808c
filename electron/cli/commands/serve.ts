/**
 * `syscope serve [capture] [--port N]`: the browser host. The first line printed is the URL
 * to open (with its per-launch token); the host runs until interrupted.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from '../main';
import { startBrowserHost } from '../../host/browserHost';
import { findRendererDir } from '../../host/staticFiles';
import { composeAppApi, findSampleCapture } from '../../host/appApi';
import { recentFiles, defaultRecentStore } from '../../host/recentFiles';
import { startEngine } from '../../host/engine';
import { UsageError } from '../../engine/evidence/commandLine';

export interface ServeOptions { capture?: string; port: number }

export function parseServeArgs(args: string[]): ServeOptions {
  const opts: ServeOptions = { port: 0 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port' || a === '-p') {
      const v = args[++i];
      const n = Number(v);
      if (!v || !Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port needs a port number (0-65535), got '${v ?? ''}'`);
      opts.port = n;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option '${a}' (usage: syscope serve [capture] [--port N])`);
    } else if (opts.capture === undefined) {
      opts.capture = a;
    } else {
      throw new UsageError(`one capture at a time (got '${opts.capture}' and '${a}')`);
    }
  }
  return opts;
}

export const command: Command = {
  summary: 'serve the inspector on 127.0.0.1 for a browser: syscope serve [capture] [--port N]',
  async run(args) {
    const opts = parseServeArgs(args);
    const here = dirname(fileURLToPath(import.meta.url));
    const rendererDir = findRendererDir(here);
    if (!rendererDir) throw new Error('the renderer is not built; run `npm run build` first');
    if (opts.capture !== undefined && !existsSync(resolve(opts.capture))) throw new Error(`no such file: ${resolve(opts.capture)}`);
    const engine = await startEngine();
    const api = composeAppApi(engine.api, { recent: recentFiles(defaultRecentStore()), samplePath: findSampleCapture(here) });
    const host = await startBrowserHost({
      api, events: engine.events, rendererDir, port: opts.port,
      openPath: opts.capture !== undefined ? resolve(opts.capture) : undefined,
    });
    console.log(host.url);
    console.log('Open the URL above in a browser; press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      const stop = () => { void host.close().then(() => engine.close()).then(done); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
