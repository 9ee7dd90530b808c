/**
 * Main's side of the bridge: one handler for every renderer call. It checks who is calling
 * (only the app page, never a navigated-away or foreign frame), the envelope, and then the
 * request itself against the shared zod schemas (inside the window's session).
 */
import { z } from 'zod';
import type { CallReply } from '../../shared/ipc/bridge';
import { ApiFailure, toApiError } from '../../shared/ipc/errors';
import type { Session } from '../host/dispatch';

const callArgs = z.tuple([z.string().min(1).max(100), z.unknown()]);

export async function answerCall(session: Session | undefined, senderIsApp: boolean, args: unknown[]): Promise<CallReply> {
  try {
    if (!senderIsApp) throw new ApiFailure('bad-request', 'calls are accepted only from the Syscope page');
    if (!session) throw new ApiFailure('cancelled', 'this window is closing');
    const parsed = callArgs.safeParse(args);
    if (!parsed.success) throw new ApiFailure('bad-request', 'a call is (method, request)');
    const [method, params] = parsed.data;
    return { ok: true, result: await session.call(method, params) };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}
