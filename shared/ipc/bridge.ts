/**
 * What the renderer is given by its host: `window.syscope` from the Electron preload, or the
 * WebSocket client in the browser. Calls go by name through `call` and are checked on the
 * other side; replies come back as envelopes so errors keep their one-line message and code.
 */
import type { ApiError, EngineEvents } from './contract';

export type CallReply = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** Commands from the native menu that the renderer carries out. */
export type MenuCommand =
  | { kind: 'open'; path: string }
  | { kind: 'close' }
  | { kind: 'export' }
  | { kind: 'theme'; theme: 'light' | 'dark' | 'system' }
  | { kind: 'shortcuts' };

export interface SyscopeBridge {
  readonly platform: 'electron' | 'browser';
  call(method: string, params: unknown): Promise<CallReply>;
  onEvent<K extends keyof EngineEvents>(event: K, listener: (data: EngineEvents[K]) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** The local path of a dropped file (Electron only; null in the browser). */
  pathForFile(file: unknown): string | null;
}

/** The IPC channels the preload may use; nothing else is reachable from the page. */
export const ipcChannels = {
  call: 'syscope:call',
  event: 'syscope:event',
  menu: 'syscope:menu',
} as const;
