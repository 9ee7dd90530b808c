/**
 * The preload: the page's only door to main. It exposes one object, `window.syscope`, whose
 * functions each use one allow-listed channel; ipcRenderer itself never reaches the page.
 * Method names are checked here against the shared list and requests again (by zod) in main.
 */
import type { PreloadApi } from '../main/electronApi';
import { ipcChannels, type CallReply, type MenuCommand, type SyscopeBridge } from '../../shared/ipc/bridge';
import type { EventEnvelope } from '../../shared/ipc/wire';
import { isAppMethod } from '../../shared/ipc/schemas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { contextBridge, ipcRenderer, webUtils } = require('electron') as PreloadApi;

function subscribe(channel: string, deliver: (payload: unknown) => void): () => void {
  const listener = (_event: unknown, payload: unknown) => deliver(payload);
  ipcRenderer.on(channel, listener);
  return () => ipcRenderer.removeListener(channel, listener);
}

const bridge: SyscopeBridge = {
  platform: 'electron',
  async call(method, params) {
    if (!isAppMethod(method)) return { ok: false, error: { code: 'bad-request', message: `unknown call '${String(method).slice(0, 60)}'` } };
    return (await ipcRenderer.invoke(ipcChannels.call, method, params)) as CallReply;
  },
  onEvent(event, listener) {
    return subscribe(ipcChannels.event, (payload) => {
      const e = payload as EventEnvelope;
      if (e && e.event === event) listener(e.data as never);
    });
  },
  onMenuCommand(listener) {
    return subscribe(ipcChannels.menu, (payload) => listener(payload as MenuCommand));
  },
  pathForFile(file) {
    try { return webUtils.getPathForFile(file) || null; } catch { return null; }
  },
};

contextBridge.exposeInMainWorld('syscope', bridge);
