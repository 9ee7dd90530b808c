/**
 * Renderer entry. In Electron the preload has put the bridge at `window.syscope`; in a plain
 * browser the page was served by the browser host and speaks to it over a WebSocket.
 */
import { createRoot } from 'react-dom/client';
import type { SyscopeBridge } from '../shared/ipc/bridge';
import { connectWebSocketBridge } from './api/wsBridge';
import { createClient } from './api/client';
import { ClientContext } from './state/context';
import { App } from './App';
import './styles.css';

const preloaded = (globalThis as { syscope?: SyscopeBridge }).syscope;
const bridge = preloaded ?? connectWebSocketBridge(location);
const client = createClient(bridge);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ClientContext.Provider value={client}>
      <App client={client} />
    </ClientContext.Provider>,
  );
}
