/**
 * Starts the real indexing engine (electron/engine/api's EngineHost: one worker thread per
 * open capture) for a transport. Electron main passes the worker's path because its CommonJS
 * bundle cannot locate files through import.meta. The engine answers the evidence calls too
 * (events, streams, tree, search, in the capture's worker), so composeAppApi forwards them.
 */
import type { EngineApi } from '../../shared/ipc/contract';
import { EngineHost } from '../engine/api/engineHost';
import type { EngineEventSource } from './browserHost';

export interface RunningEngine {
  api: EngineApi;
  events: EngineEventSource;
  close(): Promise<void>;
}

/** cacheDir: where indexes are kept between launches (null: nowhere, as tests want; absent: the user's cache). */
export async function startEngine(opts: { workerPath?: string; cacheDir?: string | null } = {}): Promise<RunningEngine> {
  const host = new EngineHost({ workerPath: opts.workerPath, cacheDir: opts.cacheDir });
  return { api: host, events: host, close: () => host.close() };
}
