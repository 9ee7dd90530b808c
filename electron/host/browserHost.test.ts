import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { startBrowserHost, type EngineEventSource } from './browserHost';
import type { AppApi } from '../../shared/ipc/schemas';
import type { EventEnvelope, ReplyEnvelope, ServerMessage } from '../../shared/ipc/wire';

/** Test-only stand-in for the engine: records calls, opens numbered captures. */
function inMemoryTestEngine() {
  const calls: string[] = [];
  let listeners: Array<(e: EventEnvelope) => void> = [];
  let next = 1;
  const api = {
    openCapture: async ({ path }: { path: string }) => { calls.push(`open ${path}`); return { captureId: `c${next++}` }; },
    cancelLoad: async ({ captureId }: { captureId: string }) => { calls.push(`cancel ${captureId}`); },
    closeCapture: async ({ captureId }: { captureId: string }) => { calls.push(`close ${captureId}`); },
    captureInfo: async () => { throw Object.assign(new Error('not loaded yet\nstack'), { code: 'not-found' }); },
    tiles: async () => [],
    view: async () => ({ columns: [], rows: [], totalRows: 0, offset: 0 }),
    recentCaptures: async () => ['/a.scap'],
    sampleCapture: async () => null,
    chooseCapture: async () => null,
  } as unknown as AppApi;
  const events: EngineEventSource = {
    onEvent(l) { listeners.push(l); return () => { listeners = listeners.filter((x) => x !== l); }; },
  };
  const push = (e: EventEnvelope) => listeners.forEach((l) => l(e));
  return { api, events, calls, push, listenerCount: () => listeners.length };
}

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Syscope</title>');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(tmpdir(), 'syscope-secret.txt'), 'secret');
  return dir;
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function client(ws: WebSocket) {
  let id = 0;
  const pending = new Map<number, (m: ReplyEnvelope) => void>();
  const events: EventEnvelope[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw)) as ServerMessage;
    if ('event' in m) events.push(m); else pending.get(m.id)?.(m);
  });
  return {
    events,
    call: (method: string, params?: unknown) => new Promise<ReplyEnvelope>((resolve) => {
      const n = id++;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, params }));
    }),
  };
}

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; csp?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the page is served with a strict CSP, and only files of the renderer', async (t) => {
  const engine = inMemoryTestEngine();
  const host = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir() });
  t.after(() => host.close());
  const page = await get(host.port, '/');
  assert.equal(page.status, 200);
  assert.match(page.csp ?? '', /script-src 'self'/);
  assert.equal((await get(host.port, '/../syscope-secret.txt')).status, 404);
  assert.equal((await get(host.port, '/%2e%2e/syscope-secret.txt')).status, 404);
  assert.equal((await get(host.port, '/sub')).status, 404);
  assert.equal((await get(host.port, '/', 'evil.example:80')).status, 421);
});

test('the first URL line carries the token and binds to loopback', async (t) => {
  const engine = inMemoryTestEngine();
  const host = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir(), openPath: '/x y.scap' });
  t.after(() => host.close());
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}#open=%2Fx%20y\.scap$/);
  const other = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir() });
  t.after(() => other.close());
  assert.notEqual(other.token, host.token);
});

test('sockets without the token, with a wrong token or from another origin are refused', async (t) => {
  const engine = inMemoryTestEngine();
  const host = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir() });
  t.after(() => host.close());
  const origin = `http://127.0.0.1:${host.port}`;
  await assert.rejects(connect(`ws://127.0.0.1:${host.port}/api`, origin), /403/);
  await assert.rejects(connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}x`, origin), /403/);
  await assert.rejects(connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, 'https://evil.example'), /403/);
  const ws = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, origin);
  ws.close();
});

test('requests are checked by the shared schemas and failures arrive as one line', async (t) => {
  const engine = inMemoryTestEngine();
  const host = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir() });
  t.after(() => host.close());
  const ws = await connect(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, `http://127.0.0.1:${host.port}`);
  t.after(() => ws.close());
  const c = client(ws);
  assert.deepEqual(await c.call('recentCaptures', {}), { id: 0, ok: true, result: ['/a.scap'] });
  const bad = await c.call('openCapture', { path: 7 });
  assert.equal(bad.ok === false && bad.error.code, 'bad-request');
  const unknown = await c.call('exec', { cmd: 'rm' });
  assert.equal(unknown.ok === false && unknown.error.code, 'bad-request');
  const notMine = await c.call('captureInfo', { captureId: 'c99' });
  assert.equal(notMine.ok === false && notMine.error.code, 'not-found');
  const opened = await c.call('openCapture', { path: '/x.scap' });
  assert.deepEqual(opened, { id: 4, ok: true, result: { captureId: 'c1' } });
  const failed = await c.call('captureInfo', { captureId: 'c1' });
  assert.deepEqual(failed, { id: 5, ok: false, error: { message: 'not loaded yet', code: 'not-found' } });
});

test('progress events reach only the socket that opened the capture, and closing it frees the capture', async (t) => {
  const engine = inMemoryTestEngine();
  const host = await startBrowserHost({ api: engine.api, events: engine.events, rendererDir: rendererDir() });
  t.after(() => host.close());
  const url = `ws://127.0.0.1:${host.port}/api?token=${host.token}`;
  const origin = `http://127.0.0.1:${host.port}`;
  const a = await connect(url, origin);
  const b = await connect(url, origin);
  const ca = client(a);
  const cb = client(b);
  await ca.call('openCapture', { path: '/a.scap' });
  await cb.call('recentCaptures', {});
  const progress = { captureId: 'c1', bytesRead: 1, totalBytes: 2, events: 3, eventsPerSecond: 4, secondsLeft: 1, done: false };
  engine.push({ event: 'loadProgress', data: progress });
  await cb.call('recentCaptures', {});
  await ca.call('recentCaptures', {});
  assert.deepEqual(ca.events, [{ event: 'loadProgress', data: progress }]);
  assert.deepEqual(cb.events, []);
  a.close();
  for (let i = 0; i < 50 && !engine.calls.includes('close c1'); i++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(engine.calls, ['open /a.scap', 'cancel c1', 'close c1']);
  b.close();
});
