/** Application-wide state: theme, overlays, the open capture's store, and welcome-screen errors. */
import { create } from 'zustand';
import type { CaptureStore } from './captureStore';

export type Theme = 'light' | 'dark' | 'system';

export interface AppState {
  theme: Theme;
  helpOpen: boolean;
  capture: CaptureStore | null;
  notice: string | null;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
  setCapture(capture: CaptureStore | null): void;
  setNotice(notice: string | null): void;
}

function savedTheme(): Theme {
  try {
    const t = globalThis.localStorage?.getItem('syscope.theme');
    return t === 'light' || t === 'dark' ? t : 'system';
  } catch {
    return 'system';
  }
}

export const useApp = create<AppState>()((set) => ({
  theme: savedTheme(),
  helpOpen: false,
  capture: null,
  notice: null,
  setTheme: (theme) => {
    try { globalThis.localStorage?.setItem('syscope.theme', theme); } catch { /* private mode: theme just isn't remembered */ }
    set({ theme });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setCapture: (capture) => set({ capture }),
  setNotice: (notice) => set({ notice }),
}));
