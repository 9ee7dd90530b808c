import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SyscopeBridge } from '../../shared/ipc/bridge';

/** Test-only Electron stand-in: records what the preload exposes and which channels it uses. */
const exposed: Record<string, unknown> = {};
const invoked: unknown[][] = [];
const listening = new Map<string, Array<(e: unknown, payload: unknown) => void>>();
const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => { invoked.push(args); return { ok: true, result: 'fine' }; },
    on: (ch: string, l: (e: unknown, p: unknown) => void) => { listening.set(ch, [...(listening.get(ch) ?? []), l]); },
    removeListener: (ch: string, l: (e: unknown, p: unknown) => void) => { listening.set(ch, (listening.get(ch) ?? []).filter((x) => x !== l)); },
  },
  webUtils: { getPathForFile: (f: { path?: string }) => f.path ?? '' },
};
// The preload is bundled as CommonJS and calls require('electron'); under the test it finds this.
(globalThis as { require?: unknown }).require = (name: string) => {
  if (name !== 'electron') throw new Error(`unexpected require('${name}')`);
  return fakeElectron;
};
await import('./preload');
const bridge = exposed.syscope as SyscopeBridge;

test('the page gets exactly one object, and never ipcRenderer', () => {
  assert.deepEqual(Object.keys(exposed), ['syscope']);
  assert.deepEqual(Object.keys(bridge).sort(), ['call', 'onEvent', 'onMenuCommand', 'pathForFile', 'platform']);
  assert.ok(!Object.values(bridge).includes(fakeElectron.ipcRenderer as never));
});

test('allow-listed calls use the one call channel; others never leave the page', async () => {
  assert.deepEqual(await bridge.call('recentCaptures', {}), { ok: true, result: 'fine' });
  assert.deepEqual(invoked, [['syscope:call', 'recentCaptures', {}]]);
  const refused = await bridge.call('openExternal', { url: 'x' });
  assert.equal(refused.ok, false);
  assert.equal(invoked.length, 1);
});

test('event listeners receive only their event and can unsubscribe', () => {
  const got: unknown[] = [];
  const off = bridge.onEvent('loadProgress', (p) => got.push(p.captureId));
  const deliver = (payload: unknown) => (listening.get('syscope:event') ?? []).forEach((l) => l({}, payload));
  deliver({ event: 'loadProgress', data: { captureId: 'c1' } });
  deliver({ event: 'somethingElse', data: { captureId: 'c2' } });
  off();
  deliver({ event: 'loadProgress', data: { captureId: 'c3' } });
  assert.deepEqual(got, ['c1']);
});

test('a dropped file resolves to its path through webUtils', () => {
  assert.equal(bridge.pathForFile({ path: '/tmp/a.scap' }), '/tmp/a.scap');
  assert.equal(bridge.pathForFile({}), null);
});
