/**
 * `syscope serve [capture] [--port N]`: the browser host. The first line printed is the URL
 * to open (with its per-launch token); the host runs until interrupted.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type { Command } from '../main';
import { startBrowserHost } from '../../host/browserHost';
import { findRendererDir } from '../../host/staticFiles';
import { composeAppApi, findSampleCapture } from '../../host/appApi';
import { recentFiles, defaultRecentStore } from '../../host/recentFiles';
import { startEngine } from '../../host/engine';
import { UsageError } from '../../engine/evidence/commandLine';
import { requireCaptureOpens } from '../inputFile';

const USAGE = 'usage: syscope serve [capture] [--port N]';

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
      throw new UsageError(`unknown option '${a}' (${USAGE})`);
    } else if (opts.capture === undefined) {
      opts.capture = a;
    } else {
      throw new UsageError(`one capture at a time (got '${opts.capture}' and '${a}')`);
    }
  }
  return opts;
}

/** Whether nothing listens on 127.0.0.1:port now. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** The first free port after `port` (a few tried), to suggest when `port` is taken; 0 (any) when none is. */
async function freePortAfter(port: number): Promise<number> {
  for (let p = port + 1; p <= Math.min(port + 20, 65535); p++) if (await portIsFree(p)) return p;
  return 0;
}

/** What to say when the host cannot listen: a busy port in words, with a free one to try. */
export async function listenFailure(err: unknown, port: number): Promise<unknown> {
  if ((err as NodeJS.ErrnoException)?.code !== 'EADDRINUSE') return err;
  return new Error(`port ${port} is in use; try --port ${await freePortAfter(port)}`);
}

export const command: Command = {
  summary: 'serve the inspector on 127.0.0.1 for a browser',
  usage: `${USAGE}\n  -p (--port) N: the port on 127.0.0.1 (default: a free one); a file that is not a capture is refused first`,
  options: { valued: ['--port', '-p'], flags: [] },
  async run(args) {
    const opts = parseServeArgs(args);
    if (opts.capture !== undefined) await requireCaptureOpens(opts.capture);
    const here = dirname(fileURLToPath(import.meta.url));
    const rendererDir = findRendererDir(here);
    if (!rendererDir) throw new Error('the renderer is not built; run `npm run build` first');
    const engine = await startEngine();
    const api = composeAppApi(engine.api, { recent: recentFiles(defaultRecentStore()), samplePath: findSampleCapture(here) });
    let host;
    try {
      host = await startBrowserHost({
        api, events: engine.events, rendererDir, port: opts.port,
        openPath: opts.capture !== undefined ? resolve(opts.capture) : undefined,
      });
    } catch (err) {
      await engine.close();
      throw await listenFailure(err, opts.port);
    }
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
