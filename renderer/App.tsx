/**
 * The renderer's root: welcome screen or the open capture, theme, global shortcuts, native
 * menu commands and drag-and-drop. Everything reaches the engine through the bridge client.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { Client } from './api/client';
import { messageOf } from './api/client';
import { useApp, type Theme } from './state/appStore';
import { CaptureContext } from './state/context';
import { initialHash, startSession } from './state/session';
import type { DataGridHandle } from './grid/DataGrid';
import { Welcome } from './components/Welcome';
import { Inspector } from './components/Inspector';
import { HelpOverlay } from './components/HelpOverlay';
import { Notice } from './components/Notice';
import { exportCurrent } from './exportTable';

function resolvedTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return globalThis.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
}

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function App({ client }: { client: Client }) {
  const capture = useApp((s) => s.capture);
  const theme = useApp((s) => s.theme);
  const session = useMemo(() => startSession(client), [client]);
  const gridRef = useRef<DataGridHandle | null>(null);

  useEffect(() => {
    document.documentElement.dataset.theme = resolvedTheme(theme);
  }, [theme]);

  useEffect(() => {
    const restored = initialHash();
    if (restored.open) void session.open(restored.open, restored);
    return session.followLocation();
  }, [session]);

  useEffect(() => client.bridge.onMenuCommand((cmd) => {
    const app = useApp.getState();
    switch (cmd.kind) {
      case 'open': void session.open(cmd.path); break;
      case 'close': void session.close(); break;
      case 'theme': app.setTheme(cmd.theme); break;
      case 'shortcuts': app.setHelpOpen(true); break;
      case 'export': if (app.capture) exportCurrent(client, app.capture).then(app.setNotice, (e) => app.setNotice(messageOf(e))); break;
    }
  }), [client, session]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const app = useApp.getState();
      if (e.key === 'Escape' && app.helpOpen) { app.setHelpOpen(false); return; }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && app.capture) {
        e.preventDefault();
        const s = app.capture.getState();
        if (s.panel !== 'views') s.switchView(s.trail[s.trail.length - 1]?.viewId ?? 'procs');
        setTimeout(() => document.getElementById('find-input')?.focus(), 0);
        return;
      }
      if (typingIn(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = app.capture?.getState();
      switch (e.key) {
        case '?': app.setHelpOpen(!app.helpOpen); break;
        case '/': if (s) { e.preventDefault(); document.getElementById('filter-input')?.focus(); } break;
        case 'o': s?.showOverview(); break;
        case 'v': s?.switchView(s.trail[s.trail.length - 1]?.viewId ?? 'procs'); break;
        case 'l': s?.showPanel('events'); break;
        case 'i': s?.showPanel('streams'); break;
        case 'p': s?.showPanel('tree'); break;
        case 't': app.setTheme(resolvedTheme(app.theme) === 'dark' ? 'light' : 'dark'); break;
        case 'Backspace': if (s) { e.preventDefault(); s.goBack(); } break;
        default: return;
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onDrop(e: React.DragEvent) {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const path = client.bridge.pathForFile(file);
    if (path) void session.open(path);
    else useApp.getState().setNotice(`The browser cannot see where ${file.name} is; type its path instead (drag and drop works in the desktop app).`);
  }

  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      {capture ? (
        <CaptureContext.Provider value={capture}>
          <Notice />
          <Inspector gridRef={gridRef} onClose={() => void session.close()} onCancel={() => void session.cancel()} />
        </CaptureContext.Provider>
      ) : (
        <Welcome onOpen={(p) => void session.open(p)} />
      )}
      <HelpOverlay />
    </div>
  );
}
