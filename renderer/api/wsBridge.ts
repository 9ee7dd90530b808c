/**
 * The browser's bridge: the same SyscopeBridge the preload gives Electron, spoken over the
 * browser host's WebSocket. The token comes from the page URL the host printed; calls made
 * while the socket is still connecting wait for it.
 */
import type { CallReply, MenuCommand, SyscopeBridge } from '../../shared/ipc/bridge';
import type { EngineEvents } from '../../shared/ipc/contract';
import { tokenParam, type ServerMessage } from '../../shared/ipc/wire';

export function connectWebSocketBridge(location: { host: string; search: string; protocol: string }): SyscopeBridge {
  const token = new URLSearchParams(location.search).get(tokenParam) ?? '';
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new WebSocket(`${scheme}://${location.host}/api?${tokenParam}=${encodeURIComponent(token)}`);
  const pending = new Map<number, (reply: CallReply) => void>();
  const listeners = new Set<(m: ServerMessage) => void>();
  let nextId = 1;
  let closedReason: string | null = null;
  const opened = new Promise<void>((resolve) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('close', () => resolve());
  });

  socket.addEventListener('message', (ev) => {
    const message = JSON.parse(String(ev.data)) as ServerMessage;
    if ('event' in message) { for (const l of listeners) l(message); return; }
    const settle = pending.get(message.id);
    pending.delete(message.id);
    settle?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
  });
  socket.addEventListener('close', () => {
    closedReason = token ? 'the connection to the Syscope host was lost; restart `syscope serve` and open its new URL'
      : 'this page was opened without its token; open the URL `syscope serve` printed';
    for (const settle of pending.values()) settle({ ok: false, error: { code: 'cancelled', message: closedReason } });
    pending.clear();
  });

  return {
    platform: 'browser',
    async call(method, params) {
      await opened;
      if (closedReason || socket.readyState !== WebSocket.OPEN) {
        return { ok: false, error: { code: 'cancelled', message: closedReason ?? 'not connected to the Syscope host' } };
      }
      const id = nextId++;
      return new Promise<CallReply>((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    onEvent<K extends keyof EngineEvents>(event: K, listener: (data: EngineEvents[K]) => void) {
      const l = (m: ServerMessage) => { if ('event' in m && m.event === event) listener(m.data as EngineEvents[K]); };
      listeners.add(l);
      return () => { listeners.delete(l); };
    },
    onMenuCommand(_listener: (command: MenuCommand) => void) {
      return () => undefined;
    },
    pathForFile: () => null,
  };
}
