import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerCall } from './ipcServer';
import type { Session } from '../host/dispatch';

function recordingSession(): Session & { seen: unknown[] } {
  const seen: unknown[] = [];
  return {
    seen,
    call: async (method, params) => { seen.push([method, params]); if (method === 'boom') throw new Error('boom\nat x'); return 42; },
    openCaptures: () => [],
    dispose: async () => undefined,
  };
}

test('a call from the app page reaches the session', async () => {
  const s = recordingSession();
  assert.deepEqual(await answerCall(s, true, ['recentCaptures', {}]), { ok: true, result: 42 });
  assert.deepEqual(s.seen, [['recentCaptures', {}]]);
});

test('a call from a foreign page is refused before the session sees it', async () => {
  const s = recordingSession();
  const r = await answerCall(s, false, ['recentCaptures', {}]);
  assert.equal(r.ok, false);
  assert.deepEqual(s.seen, []);
});

test('malformed envelopes and failures come back as one-line errors', async () => {
  const s = recordingSession();
  assert.deepEqual(await answerCall(s, true, [17]), { ok: false, error: { code: 'bad-request', message: 'a call is (method, request)' } });
  assert.deepEqual(await answerCall(s, true, ['boom', {}]), { ok: false, error: { code: 'internal', message: 'boom' } });
  assert.equal((await answerCall(undefined, true, ['recentCaptures', {}])).ok, false);
});
