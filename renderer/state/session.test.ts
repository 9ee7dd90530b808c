import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { CallReply, MenuCommand, SyscopeBridge } from '../../shared/ipc/bridge';
import type { EngineEvents, LoadProgress } from '../../shared/ipc/contract';
import { createClient } from '../api/client';
import { startSession } from './session';
import { useApp } from './appStore';
import { findingsStoreFor } from '../findings/findingsStore';

// The page globals the session keeps the hash in, for a test without a browser: a history of
// hashes with Back/Forward that fire popstate, as a browser's does.
const page = { pathname: '/', search: '?token=t', hash: '' };
const hashOf = (url: string) => (url.includes('#') ? url.slice(url.indexOf('#')) : '');
const entries: string[] = [''];
let at = 0;
const listeners = new Map<string, Set<() => void>>();
function fire(type: string): void { for (const l of listeners.get(type) ?? []) l(); }
const browser = {
  back() { at = Math.max(0, at - 1); page.hash = entries[at]; fire('popstate'); },
  forward() { at = Math.min(entries.length - 1, at + 1); page.hash = entries[at]; fire('popstate'); },
  /** The user edits the hash in the address bar: a new entry, popstate then hashchange. */
  typeHash(hash: string) { entries.splice(at + 1, Infinity, hash); at++; page.hash = hash; fire('popstate'); fire('hashchange'); },
};
Object.assign(globalThis, {
  location: page,
  history: {
    replaceState: (_s: unknown, _t: string, url: string) => { page.hash = hashOf(url); entries[at] = page.hash; },
    pushState: (_s: unknown, _t: string, url: string) => { page.hash = hashOf(url); entries.splice(at + 1, Infinity, page.hash); at++; },
  },
  addEventListener: (type: string, l: () => void) => { if (!listeners.has(type)) listeners.set(type, new Set()); listeners.get(type)!.add(l); },
  removeEventListener: (type: string, l: () => void) => { listeners.get(type)?.delete(l); },
});

/** Test-only bridge: answers calls from a table and lets the test push progress events. */
function testBridge(answers: Record<string, (params: unknown) => unknown>) {
  const calls: string[] = [];
  let listener: ((p: LoadProgress) => void) | null = null;
  const bridge: SyscopeBridge = {
    platform: 'browser',
    async call(method, params): Promise<CallReply> {
      calls.push(method);
      try { return { ok: true, result: await answers[method]?.(params) }; } catch (e) { return { ok: false, error: { code: 'not-found', message: (e as Error).message } }; }
    },
    onEvent<K extends keyof EngineEvents>(_e: K, l: (d: EngineEvents[K]) => void) { listener = l as (p: LoadProgress) => void; return () => { listener = null; }; },
    onMenuCommand: (_l: (c: MenuCommand) => void) => () => undefined,
    pathForFile: () => null,
  };
  return { bridge, calls, push: (p: LoadProgress) => listener?.(p) };
}

/** Waits for the engine's fake replies (open, close) to settle. */
const tick = () => new Promise((r) => setTimeout(r, 5));

const progress = (over: Partial<LoadProgress>): LoadProgress => ({ captureId: 'c1', bytesRead: 5, totalBytes: 10, events: 3, eventsPerSecond: 1, secondsLeft: 2, done: false, ...over });
const info = { captureId: 'c1', path: '/a.scap', fileName: 'a.scap', sizeBytes: 10, events: 3, firstTs: '1', lastTs: '2', hostname: 'h', numCpus: 1, warnings: [] };

beforeEach(() => { useApp.setState({ capture: null, notice: null, openError: null }); page.hash = ''; entries.splice(0, Infinity, ''); at = 0; listeners.clear(); });

test('progress before the open reply is kept; done fetches the capture info', async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }), captureInfo: () => info });
  const session = startSession(createClient(t.bridge));
  t.push(progress({}));
  await session.open('/a.scap');
  const store = useApp.getState().capture;
  assert.ok(store);
  assert.equal(store.getState().progress?.bytesRead, 5);
  assert.equal(store.getState().status, 'loading');
  t.push(progress({ done: true, bytesRead: 10 }));
  for (let i = 0; i < 20 && store.getState().status === 'loading'; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(store.getState().status, 'ready');
  assert.equal(store.getState().info?.fileName, 'a.scap');
  assert.match(page.hash, /open=%2Fa\.scap/);
});

test('a failed load returns to the welcome screen with its one-line error, frees the capture and clears the hash', async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }), closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  await session.open('/a.scap');
  assert.match(page.hash, /open=/);
  t.push(progress({ done: true, error: 'not a capture: bad magic' }));
  await tick();
  assert.equal(useApp.getState().capture, null);
  assert.deepEqual(useApp.getState().openError, { path: '/a.scap', message: 'not a capture: bad magic' });
  assert.equal(page.hash, '');
  assert.ok(t.calls.includes('closeCapture'));
});

test('a cancelled load stays on its own screen (the user chose it), not as an error', async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }), closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  await session.open('/a.scap');
  t.push(progress({ error: 'loading was cancelled' }));
  assert.equal(useApp.getState().capture?.getState().status, 'cancelled');
  assert.equal(useApp.getState().openError, null);
});

test('an old error is gone after opening and closing a capture, and after Back to the welcome screen', async () => {
  const t = testBridge({ openCapture: (p) => { if ((p as { path: string }).path === '/x.scap') throw new Error('no such file: /x.scap'); return { captureId: 'c1' }; }, closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  const stop = session.followLocation();
  await session.open('/x.scap');
  assert.equal(useApp.getState().openError?.message, 'no such file: /x.scap');
  await session.open('/a.scap');
  assert.equal(useApp.getState().openError, null);
  useApp.getState().setOpenError({ path: '/y.scap', message: 'stale' }); // as if set behind the open capture
  browser.back();
  await tick();
  assert.equal(useApp.getState().capture, null);
  assert.equal(useApp.getState().openError, null);
  stop();
});

test('a refused open leaves the welcome screen with the reason', async () => {
  const t = testBridge({ openCapture: () => { throw new Error('no such file: /x.scap'); } });
  const session = startSession(createClient(t.bridge));
  await session.open('/x.scap');
  assert.equal(useApp.getState().capture, null);
  assert.deepEqual(useApp.getState().openError, { path: '/x.scap', message: 'no such file: /x.scap' });
});

test('progress of another capture does not touch this one', async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }) });
  const session = startSession(createClient(t.bridge));
  await session.open('/a.scap');
  t.push(progress({ captureId: 'c9', bytesRead: 9 }));
  assert.equal(useApp.getState().capture?.getState().progress, null);
});


test('browser Back returns to the previous drill-down step and Forward comes back', async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }), closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  const stop = session.followLocation();
  await session.open('/a.scap');
  const store = useApp.getState().capture!;
  store.getState().openView('procs');
  store.getState().setFilter('proc.name=nginx'); // not a place of its own
  store.getState().drillRow('1021');
  assert.equal(store.getState().trail.length, 2);
  browser.back();
  assert.equal(useApp.getState().capture, store, 'the same capture stays open');
  assert.equal(store.getState().trail.length, 1, 'back to the Processes table');
  assert.equal(store.getState().panel, 'views');
  assert.equal(store.getState().filter, 'proc.name=nginx');
  browser.forward();
  assert.equal(store.getState().trail.length, 2);
  assert.match(store.getState().trail[1].filter, /1021/);
  browser.back();
  browser.back();
  assert.equal(store.getState().panel, 'overview');
  browser.back(); // before the capture was opened: the welcome screen
  await tick();
  assert.equal(useApp.getState().capture, null);
  stop();
});

test('an edited #open= opens the capture it names, with the state it names', async () => {
  let n = 0;
  const t = testBridge({ openCapture: () => ({ captureId: `c${++n}` }), closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  const stop = session.followLocation();
  await session.open('/a.scap');
  browser.typeHash('#open=%2Fb.scap&panel=events');
  await tick();
  const now = useApp.getState().capture;
  assert.equal(now?.getState().path, '/b.scap');
  assert.equal(now?.getState().panel, 'events');
  assert.match(page.hash, /^#open=%2Fb\.scap&panel=events/);
  assert.equal(entries.length, 3, 'following the URL adds no entry of its own');
  assert.ok(t.calls.includes('closeCapture'), 'the other capture is closed');
  browser.back();
  await tick();
  assert.equal(useApp.getState().capture?.getState().path, '/a.scap', 'Back reopens the capture before');
  stop();
});

test("closing a capture keeps its findings and forgets what the findings drawer last said (QA 20: a stale error came back with it)", async () => {
  const t = testBridge({ openCapture: () => ({ captureId: 'c1' }), closeCapture: () => null });
  const session = startSession(createClient(t.bridge));
  await session.open('/status.scap');
  const findings = findingsStoreFor('/status.scap');
  findings.getState().recordStep({ title: 'Processes', viewId: 'procs', trail: [], filter: '', tiles: [], note: '' });
  findings.getState().setStatus({ text: 'An event number is a whole number from 1.', error: true });
  await session.close();
  assert.equal(findings.getState().status, null);
  assert.equal(findings.getState().findings.steps.length, 1);
});
