/**
 * Test double for component tests: a bridge that answers API calls from canned handlers
 * (no engine, no WebSocket) and records every call, wrapped in the real client.
 */
import type { CallReply, SyscopeBridge } from '../../shared/ipc/bridge';
import { ClientError, createClient, type Client } from '../api/client';

export type FakeHandlers = Record<string, (request: never) => unknown>;

export interface FakeClient extends Client {
  calls: Array<{ method: string; request: unknown }>;
}

export function fakeClient(handlers: FakeHandlers): FakeClient {
  const calls: FakeClient['calls'] = [];
  const bridge: SyscopeBridge = {
    platform: 'browser',
    async call(method, request): Promise<CallReply> {
      calls.push({ method, request });
      const handler = handlers[method];
      if (!handler) return { ok: false, error: { code: 'internal', message: `fake bridge: no handler for ${method}` } };
      try {
        return { ok: true, result: await handler(request as never) };
      } catch (err) {
        return { ok: false, error: { code: err instanceof ClientError ? err.code : 'bad-request', message: err instanceof Error ? err.message : String(err) } };
      }
    },
    onEvent: () => () => {},
    onMenuCommand: () => () => {},
    pathForFile: () => null,
  };
  return Object.assign(createClient(bridge), { calls });
}
