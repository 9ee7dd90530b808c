/**
 * The whole API a renderer sees (engine + shell), assembled the same way for Electron main and
 * the browser host: opening a capture checks the path first (a clear one-line error instead of
 * a worker failure) and remembers it in the recent list.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { EngineApi } from '../../shared/ipc/contract';
import type { AppApi } from '../../shared/ipc/schemas';
import { ApiFailure } from '../../shared/ipc/errors';
import type { RecentFiles } from './recentFiles';

export interface ShellServices {
  recent: RecentFiles;
  samplePath: string | null;
  /** Electron's open dialog; absent in the browser host. */
  chooseCapture?: () => Promise<string | null>;
}

export function composeAppApi(engine: EngineApi, shell: ShellServices): AppApi {
  return {
    openCapture: async ({ path }) => {
      const full = resolve(path);
      if (!existsSync(full)) throw new ApiFailure('not-found', `no such file: ${full}`);
      if (!statSync(full).isFile()) throw new ApiFailure('bad-capture', `not a file: ${full}`);
      const opened = await engine.openCapture({ path: full });
      shell.recent.remember(full);
      return opened;
    },
    cancelLoad: (req) => engine.cancelLoad(req),
    closeCapture: (req) => engine.closeCapture(req),
    captureInfo: (req) => engine.captureInfo(req),
    tiles: (req) => engine.tiles(req),
    view: (req) => engine.view(req),
    recentCaptures: async () => shell.recent.list(),
    sampleCapture: async () => (shell.samplePath && existsSync(shell.samplePath) ? shell.samplePath : null),
    chooseCapture: async () => (shell.chooseCapture ? shell.chooseCapture() : null),
  };
}

/** The bundled sample, built into dist/sample by the capture writer. */
export function findSampleCapture(fromDir: string): string {
  for (const candidate of [join(fromDir, 'sample'), join(fromDir, '..', '..', 'dist', 'sample'), join(fromDir, '..', 'dist', 'sample')]) {
    const p = join(candidate, 'crashloop-nginx.scap');
    if (existsSync(p)) return normalize(p);
  }
  return normalize(join(fromDir, 'sample', 'crashloop-nginx.scap'));
}
