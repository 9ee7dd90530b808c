/**
 * Starts the real indexing engine (electron/engine/api's EngineHost: one worker per open
 * capture) and adapts its progress events for the transports.
 */
import type { EngineApi } from '../../shared/ipc/contract';
import { ApiFailure } from '../../shared/ipc/errors';
import type { EngineEventSource } from './browserHost';

export interface RunningEngine {
  api: EngineApi;
  events: EngineEventSource;
  close(): Promise<void>;
}

// The engine's EngineHost has not landed yet: every call fails with one clear line until it does.
export async function startEngine(): Promise<RunningEngine> {
  const missing = async (): Promise<never> => { throw new ApiFailure('internal', 'the indexing engine is not available in this build'); };
  return {
    api: { openCapture: missing, cancelLoad: missing, closeCapture: missing, captureInfo: missing, tiles: missing, view: missing },
    events: { onEvent: () => () => undefined },
    close: async () => undefined,
  };
}
