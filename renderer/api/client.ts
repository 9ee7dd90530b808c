/**
 * Typed calls over whichever bridge the page has. Failures become `ClientError` carrying the
 * engine's one-line message and code, so every panel can show them as they are.
 */
import type { SyscopeBridge } from '../../shared/ipc/bridge';
import type { ApiError } from '../../shared/ipc/contract';
import type { AppApi, AppMethod } from '../../shared/ipc/schemas';

export class ClientError extends Error {
  constructor(readonly code: ApiError['code'], message: string) { super(message); }
}

export type Request<M extends AppMethod> = Parameters<AppApi[M]>[0];
export type Reply<M extends AppMethod> = Awaited<ReturnType<AppApi[M]>>;

export interface Client {
  bridge: SyscopeBridge;
  call<M extends AppMethod>(method: M, request: Request<M>): Promise<Reply<M>>;
}

export function createClient(bridge: SyscopeBridge): Client {
  return {
    bridge,
    async call(method, request) {
      const reply = await bridge.call(method, request);
      if (!reply.ok) throw new ClientError(reply.error.code, reply.error.message);
      return reply.result as never;
    },
  };
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
