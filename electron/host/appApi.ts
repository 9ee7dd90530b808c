/**
 * The whole API a renderer sees (engine + evidence + shell), assembled the same way for
 * Electron main and the browser host: opening a capture checks the path first (a clear
 * one-line error instead of a worker failure); a capture joins the recent list once it has
 * loaded (its info answered), so files that fail to open are never offered again.
 *
 * The evidence calls (events, streams, process tree, search) go to the engine, whose worker
 * answers them from the index and its state checkpoints. An engine without them (a test double)
 * is served here by an EvidenceService per open capture instead.
 */
import { existsSync } from 'node:fs';
import { inputFileProblem } from '../cli/inputFile';
import { join, normalize, resolve } from 'node:path';
import type { EngineApi } from '../../shared/ipc/contract';
import type { AppApi } from '../../shared/ipc/schemas';
import { ApiFailure } from '../../shared/ipc/errors';
import type { RecentFiles } from './recentFiles';
import type { EvidenceApi } from '../../shared/streams/evidenceApi';
import { EvidenceService } from '../engine/evidence/evidenceService';
import { ExportService } from '../engine/export/exportService';

/** Makes the evidence calls for one capture file; closing the capture aborts its signal. */
export type EvidenceFactory = (path: string, signal: AbortSignal) => EvidenceApi;
const evidenceMethods = ['events', 'eventDetail', 'streams', 'tree', 'search'] as const;

export interface ShellServices {
  recent: RecentFiles;
  samplePath: string | null;
  /** Electron's open dialog; absent in the browser host. */
  chooseCapture?: () => Promise<string | null>;
}

export function composeAppApi(engine: EngineApi & Partial<EvidenceApi>, shell: ShellServices,
  makeEvidence: EvidenceFactory = (path, signal) => new EvidenceService(path, signal)): AppApi {
  const open = new Map<string, { path: string; abort: AbortController; evidence?: EvidenceApi; remembered?: boolean }>();
  const engineHasEvidence = evidenceMethods.every((m) => typeof engine[m] === 'function');

  // Findings reports and exports (engineer I): served per capture from its file and the engine.
  function exports(captureId: string): ExportService {
    const c = open.get(captureId);
    if (!c) throw new ApiFailure('not-found', `no open capture '${captureId}'`);
    return new ExportService(c.path, () => ({
      info: () => engine.captureInfo({ captureId }), tiles: (q) => engine.tiles({ captureId, ...q }), view: (q) => engine.view({ captureId, ...q }),
    }), c.abort.signal);
  }

  function evidence(captureId: string): EvidenceApi {
    if (engineHasEvidence) return engine as EvidenceApi;
    const c = open.get(captureId);
    if (!c) throw new ApiFailure('not-found', `no open capture '${captureId}'`);
    c.evidence ??= makeEvidence(c.path, c.abort.signal);
    return c.evidence;
  }

  return {
    openCapture: async ({ path }) => {
      const full = resolve(path);
      // In the CLI's words and form (`<path>: is a directory, not a capture file`): the app said
      // "not a file: …" and "no such file: /path" where the CLI says otherwise (QA 14 B, QA 16).
      const problem = inputFileProblem(full, 'capture file');
      if (problem !== undefined) throw new ApiFailure(existsSync(full) ? 'bad-capture' : 'not-found', `${full}: ${problem}`);
      const opened = await engine.openCapture({ path: full });
      open.set(opened.captureId, { path: full, abort: new AbortController() });
      return opened;
    },
    cancelLoad: (req) => engine.cancelLoad(req),
    closeCapture: async (req) => {
      open.get(req.captureId)?.abort.abort();
      open.delete(req.captureId);
      await engine.closeCapture(req);
    },
    events: async (req) => evidence(req.captureId).events(req),
    eventDetail: async (req) => evidence(req.captureId).eventDetail(req),
    streams: async (req) => evidence(req.captureId).streams(req),
    tree: async (req) => evidence(req.captureId).tree(req),
    search: async (req) => evidence(req.captureId).search(req),
    exportFindings: async (req) => exports(req.captureId).exportFindings(req),
    exportData: async (req) => exports(req.captureId).exportData(req),
    captureInfo: async (req) => {
      // The engine answers only once the load succeeded (a failed load rejects).
      const info = await engine.captureInfo(req);
      const c = open.get(req.captureId);
      if (c && !c.remembered) { c.remembered = true; shell.recent.remember(c.path); }
      return info;
    },
    tiles: (req) => engine.tiles(req),
    view: (req) => engine.view(req),
    searchView: (req) => engine.searchView(req),
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
