/**
 * Electron main: windows, menu, dialogs and the bridge. Deliberately thin — every decision
 * (request checking, sessions, recent files, the menu, navigation policy) lives in plain
 * modules with unit tests; this file only wires them to Electron.
 *
 * One window shows one capture; the window's session owns the engine workers it opened, and
 * closing the window cancels their loads and frees them.
 */
import { join } from 'node:path';
import type { ElectronApi, BrowserWindowInstance, MenuItemTemplate } from './electronApi';
import { secureWebPreferences, allowNavigation, allowPermission, isAppPage } from './windowSecurity';
import { buildMenuModel, nextZoomLevel, type MenuAction, type MenuEntry } from './menuModel';
import { captureFromArgv } from './commandLine';
import { answerCall } from './ipcServer';
import { ipcChannels, type MenuCommand } from '../../shared/ipc/bridge';
import { createSession, type Session } from '../host/dispatch';
import { composeAppApi, findSampleCapture } from '../host/appApi';
import { recentFiles } from '../host/recentFiles';
import { startEngine } from '../host/engine';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const electron = require('electron') as ElectronApi;
const { app, BrowserWindow, Menu, dialog, ipcMain, nativeTheme } = electron;

const distDir = __dirname.endsWith('electron') ? join(__dirname, '..') : __dirname;
const indexHtml = join(distDir, 'renderer', 'index.html');
const preloadPath = join(__dirname, 'preload.cjs');
const sessions = new Map<number, Session>();
let theme: 'light' | 'dark' | 'system' = 'system';

async function run(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit();
  await app.whenReady();
  const engine = await startEngine({ workerPath: join(distDir, 'indexWorker.mjs') });
  const recent = recentFiles(join(app.getPath('userData'), 'recent-captures.json'));
  const api = composeAppApi(engine.api, {
    recent,
    samplePath: findSampleCapture(distDir),
    chooseCapture: () => chooseCapture(BrowserWindow.getFocusedWindow() ?? undefined),
  });

  engine.events.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (sessions.get(win.webContents.id)?.openCaptures().includes(event.data.captureId)) win.webContents.send(ipcChannels.event, event);
    }
  });
  ipcMain.handle(ipcChannels.call, async (event, ...args) => {
    const reply = await answerCall(sessions.get(event.sender.id), isAppPage(event.senderFrame?.url ?? event.sender.getURL(), indexHtml), args);
    if (reply.ok && args[0] === 'openCapture') {
      const path = (args[1] as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') app.addRecentDocument(path);
      refreshMenu();
    }
    return reply;
  });

  // Every web contents (including any a bug might create) gets the same locks.
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (ev, url) => { if (!allowNavigation(url, indexHtml)) ev.preventDefault(); });
    contents.on('will-redirect', (ev, url) => { if (!allowNavigation(url, indexHtml)) ev.preventDefault(); });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.session.setPermissionRequestHandler((_wc, permission, callback) => callback(allowPermission(permission)));
  });

  function openWindow(capturePath: string | null): BrowserWindowInstance {
    const win = new BrowserWindow({
      width: 1400, height: 900, minWidth: 800, minHeight: 500, show: false, title: 'Syscope',
      backgroundColor: '#1b1d21', webPreferences: secureWebPreferences(preloadPath),
    });
    const id = win.webContents.id;
    sessions.set(id, createSession(api));
    win.on('closed', () => { void sessions.get(id)?.dispose(); sessions.delete(id); });
    win.once('ready-to-show', () => win.show());
    void win.loadFile(indexHtml, capturePath ? { hash: `open=${encodeURIComponent(capturePath)}` } : undefined);
    return win;
  }

  function send(win: BrowserWindowInstance | null, command: MenuCommand): void {
    if (win) win.webContents.send(ipcChannels.menu, command);
  }

  async function chooseCapture(win: BrowserWindowInstance | undefined): Promise<string | null> {
    const picked = await dialog.showOpenDialog(win, {
      title: 'Open capture', properties: ['openFile'],
      filters: [{ name: 'Captures', extensions: ['scap', 'gz', 'scap.gz'] }, { name: 'All files', extensions: ['*'] }],
    });
    return picked.canceled ? null : picked.filePaths[0] ?? null;
  }

  async function perform(action: MenuAction): Promise<void> {
    const win = BrowserWindow.getFocusedWindow();
    switch (action.kind) {
      case 'open-dialog': {
        const path = await chooseCapture(win ?? undefined);
        if (path) (win ? send(win, { kind: 'open', path }) : openWindow(path));
        break;
      }
      case 'open': win ? send(win, { kind: 'open', path: action.path }) : openWindow(action.path); break;
      case 'clear-recent': recent.clear(); refreshMenu(); break;
      case 'close': send(win, { kind: 'close' }); break;
      case 'export': send(win, { kind: 'export' }); break;
      case 'theme': theme = action.theme; nativeTheme.themeSource = theme; send(win, { kind: 'theme', theme }); refreshMenu(); break;
      case 'zoom': if (win) win.webContents.setZoomLevel(nextZoomLevel(win.webContents.getZoomLevel(), action.step)); break;
      case 'shortcuts': send(win, { kind: 'shortcuts' }); break;
      case 'about':
        await dialog.showMessageBox(win ?? undefined, { type: 'info', title: 'About Syscope', message: `Syscope ${app.getVersion()}`, detail: 'An inspector for sysdig and Falco system-call captures.' });
        break;
      case 'quit': app.quit(); break;
    }
  }

  function toTemplate(entries: MenuEntry[]): MenuItemTemplate[] {
    return entries.map((e) => {
      if (e.separator) return { type: 'separator' };
      if (e.role) return { label: e.label, role: e.role };
      const action = e.action;
      return {
        label: e.label, accelerator: e.accelerator, enabled: e.enabled ?? true,
        type: e.checked !== undefined ? 'radio' : e.submenu ? 'submenu' : 'normal', checked: e.checked,
        submenu: e.submenu ? toTemplate(e.submenu) : undefined,
        click: action ? () => { void perform(action); } : undefined,
      };
    });
  }

  function refreshMenu(): void {
    const model = buildMenuModel({ recent: recent.list(), theme, hasCapture: true, isMac: process.platform === 'darwin' });
    Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(model)));
  }

  app.on('open-file', (ev, path) => { ev.preventDefault(); openWindow(path); });
  app.on('second-instance', (_e, argv) => {
    const path = captureFromArgv(argv, process.cwd(), app.isPackaged);
    openWindow(path);
  });
  app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) openWindow(null); });
  app.on('before-quit', () => { void engine.close(); });

  refreshMenu();
  openWindow(captureFromArgv(process.argv, process.cwd(), app.isPackaged));
}

run().catch((err: unknown) => {
  console.error(`syscope: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  app.quit();
});
