import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSession } from './dispatch';
import type { AppApi } from '../../shared/ipc/schemas';

/** Test-only stand-in for the engine: hands out numbered captures and records what happens. */
function recordingTestApi() {
  const calls: string[] = [];
  let n = 0;
  const api = {
    openCapture: async () => ({ captureId: `c${++n}` }),
    cancelLoad: async ({ captureId }: { captureId: string }) => { calls.push(`cancel ${captureId}`); },
    closeCapture: async ({ captureId }: { captureId: string }) => { calls.push(`close ${captureId}`); },
    captureInfo: async ({ captureId }: { captureId: string }) => ({ captureId }),
  } as unknown as AppApi;
  return { api, calls };
}

test('a window can ask only about captures it opened', async () => {
  const { api } = recordingTestApi();
  const a = createSession(api);
  const b = createSession(api);
  await a.call('openCapture', { path: '/x.scap' });
  assert.deepEqual(await a.call('captureInfo', { captureId: 'c1' }), { captureId: 'c1' });
  await assert.rejects(b.call('captureInfo', { captureId: 'c1' }), /no open capture 'c1'/);
});

test('closing a capture releases it; disposing closes the rest once', async () => {
  const { api, calls } = recordingTestApi();
  const s = createSession(api);
  await s.call('openCapture', { path: '/a.scap' });
  await s.call('openCapture', { path: '/b.scap' });
  await s.call('closeCapture', { captureId: 'c1' });
  assert.deepEqual(s.openCaptures(), ['c2']);
  await s.dispose();
  await s.dispose();
  assert.deepEqual(calls, ['close c1', 'cancel c2', 'close c2']);
  await assert.rejects(s.call('openCapture', { path: '/c.scap' }), /closing/);
});
