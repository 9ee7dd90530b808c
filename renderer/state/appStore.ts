/**
 * Application-wide state: theme, overlays, the open capture's store, a passing notice, and why
 * the last capture could not be opened (shown on the welcome screen, the one place for it).
 */
import { create } from 'zustand';
import type { CaptureStore } from './captureStore';

export type Theme = 'light' | 'dark' | 'system';

export interface AppState {
  theme: Theme;
  helpOpen: boolean;
  capture: CaptureStore | null;
  notice: string | null;
  /** The capture the user tried last and why it could not be opened (refused or failed to load). */
  openError: { path: string; message: string } | null;
  setTheme(theme: Theme): void;
  setHelpOpen(open: boolean): void;
  setCapture(capture: CaptureStore | null): void;
  setNotice(notice: string | null): void;
  setOpenError(openError: { path: string; message: string } | null): void;
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
  openError: null,
  setTheme: (theme) => {
    try { globalThis.localStorage?.setItem('syscope.theme', theme); } catch { /* private mode: theme just isn't remembered */ }
    set({ theme });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setCapture: (capture) => set({ capture }),
  setNotice: (notice) => set({ notice }),
  setOpenError: (openError) => set({ openError }),
}));
