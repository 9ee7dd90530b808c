import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebPreferences } from './electronApi';

/** Test-only Electron stand-in: enough of the API for main.ts to start and be observed. */
type Handler = (...args: never[]) => unknown;
const appHandlers = new Map<string, Handler>();
const ipcHandlers = new Map<string, Handler>();
const windows: FakeWindow[] = [];
let menu: unknown = null;
const distDir = mkdtempSync(join(tmpdir(), 'syscope-main-'));
const indexHtml = join(distDir, 'renderer', 'index.html');

class FakeWindow {
  handlers = new Map<string, Handler>();
  loaded: Array<[string, unknown]> = [];
  sent: unknown[][] = [];
  webContents = {
    id: windows.length + 1,
    send: (...args: unknown[]) => { this.sent.push(args); },
    getURL: () => pathToFileURL(indexHtml).href,
    getZoomLevel: () => 0,
    setZoomLevel: () => undefined,
  };
  constructor(readonly options: { webPreferences: WebPreferences }) { windows.push(this); }
  loadFile(path: string, opts: unknown) { this.loaded.push([path, opts]); return Promise.resolve(); }
  on(event: string, h: Handler) { this.handlers.set(event, h); }
  once(event: string, h: Handler) { this.handlers.set(event, h); }
  show() {}
  static getFocusedWindow() { return windows[0] ?? null; }
  static getAllWindows() { return windows; }
}

const fakeElectron = {
  app: {
    whenReady: async () => undefined,
    on: (event: string, h: Handler) => { appHandlers.set(event, h); },
    requestSingleInstanceLock: () => true,
    getPath: () => distDir,
    getVersion: () => '0.0.0-test',
    addRecentDocument: () => undefined,
    isPackaged: false,
    quit: () => undefined,
  },
  BrowserWindow: FakeWindow,
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { menu = m; } },
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showMessageBox: async () => undefined },
  ipcMain: { handle: (ch: string, h: Handler) => { ipcHandlers.set(ch, h); } },
  nativeTheme: { themeSource: 'system' },
};
(globalThis as { require?: unknown }).require = (name: string) => {
  if (name !== 'electron') throw new Error(`unexpected require('${name}')`);
  return fakeElectron;
};
// main.cjs lives in dist/electron; the test pretends the same layout.
(globalThis as { __dirname?: string }).__dirname = join(distDir, 'electron');
await import('./main');
for (let i = 0; i < 50 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));

test('one window opens on the app page with the secure preferences and preload', () => {
  assert.equal(windows.length, 1);
  const prefs = windows[0].options.webPreferences;
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.preload, join(distDir, 'electron', 'preload.cjs'));
  assert.equal(windows[0].loaded[0][0], indexHtml);
});

test('the menu is installed and every web contents gets the navigation locks', () => {
  assert.ok(Array.isArray(menu));
  const locks = new Map<string, Handler>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, h: Handler) => { locks.set(event, h); },
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => { openHandler = h; },
    session: { setPermissionRequestHandler: () => undefined },
  };
  (appHandlers.get('web-contents-created') as unknown as (e: unknown, c: unknown) => void)({}, contents);
  let prevented = false;
  (locks.get('will-navigate') as unknown as (e: { preventDefault(): void }, url: string) => void)({ preventDefault: () => { prevented = true; } }, 'https://evil.example/');
  assert.equal(prevented, true);
  assert.deepEqual(openHandler!({ url: 'https://evil.example/' }), { action: 'deny' });
  assert.ok(locks.has('will-attach-webview'));
});

test('calls from the window are answered through its session, and refused from elsewhere', async () => {
  const handle = ipcHandlers.get('syscope:call') as unknown as (e: unknown, ...a: unknown[]) => Promise<unknown>;
  const sender = windows[0].webContents;
  assert.deepEqual(await handle({ sender, senderFrame: { url: sender.getURL() } }, 'recentCaptures', {}), { ok: true, result: [] });
  const foreign = await handle({ sender, senderFrame: { url: 'https://evil.example/' } }, 'recentCaptures', {}) as { ok: boolean };
  assert.equal(foreign.ok, false);
  const bad = await handle({ sender, senderFrame: { url: sender.getURL() } }, 'openCapture', { path: '/no/such.scap' }) as { ok: boolean; error: { message: string } };
  assert.deepEqual(bad, { ok: false, error: { code: 'not-found', message: '/no/such.scap: no such file' } });
});

test('after its window closes, a window\'s calls are refused', async () => {
  (windows[0].handlers.get('closed') as unknown as () => void)();
  const handle = ipcHandlers.get('syscope:call') as unknown as (e: unknown, ...a: unknown[]) => Promise<{ ok: boolean }>;
  const sender = windows[0].webContents;
  assert.equal((await handle({ sender, senderFrame: { url: sender.getURL() } }, 'recentCaptures', {})).ok, false);
});
