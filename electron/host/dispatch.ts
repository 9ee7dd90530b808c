/**
 * One checked entry point for every call from a renderer, shared by Electron main and the
 * browser host. A session remembers the captures its renderer opened so that closing the
 * window (or the socket) cancels their loads and frees their workers.
 */
import type { AppApi, AppMethod } from '../../shared/ipc/schemas';
import { parseRequest } from '../../shared/ipc/schemas';
import { ApiFailure } from '../../shared/ipc/errors';

export interface Session {
  call(method: unknown, params: unknown): Promise<unknown>;
  /** Captures this renderer opened and has not closed. */
  openCaptures(): string[];
  /** Closes every capture this renderer left open; safe to call twice. */
  dispose(): Promise<void>;
}

export function createSession(api: AppApi): Session {
  const owned = new Set<string>();
  let disposed = false;

  async function call(method: unknown, params: unknown): Promise<unknown> {
    if (disposed) throw new ApiFailure('cancelled', 'this window is closing');
    const request = parseRequest(method, params) as never;
    const name = method as AppMethod;
    const captureId = (request as { captureId?: string }).captureId;
    // A renderer may only touch captures it opened itself.
    if (captureId !== undefined && !owned.has(captureId)) throw new ApiFailure('not-found', `no open capture '${captureId}'`);
    const result = await (api[name] as (req: never) => Promise<unknown>)(request);
    if (name === 'openCapture') owned.add((result as { captureId: string }).captureId);
    if (name === 'closeCapture' && captureId !== undefined) owned.delete(captureId);
    return result ?? null;
  }

  async function dispose(): Promise<void> {
    if (disposed) return;
    disposed = true;
    const ids = [...owned];
    owned.clear();
    await Promise.allSettled(ids.map(async (captureId) => {
      await api.cancelLoad({ captureId }).catch(() => undefined);
      await api.closeCapture({ captureId });
    }));
  }

  return { call, openCaptures: () => [...owned], dispose };
}
