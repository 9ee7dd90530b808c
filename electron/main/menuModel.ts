/**
 * The native menu as plain data (labels, shortcuts, what each item does), built without
 * Electron so it can be tested; main.ts turns it into an Electron Menu and wires the actions.
 */
import { basename } from 'node:path';

export type MenuAction =
  | { kind: 'open-dialog' }
  | { kind: 'open'; path: string }
  | { kind: 'clear-recent' }
  | { kind: 'close' }
  | { kind: 'export' }
  | { kind: 'theme'; theme: 'light' | 'dark' | 'system' }
  | { kind: 'zoom'; step: 1 | -1 | 0 }
  | { kind: 'shortcuts' }
  | { kind: 'about' }
  | { kind: 'quit' };

export interface MenuEntry {
  label: string;
  accelerator?: string;
  action?: MenuAction;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuEntry[];
  separator?: boolean;
  /** An Electron role (standard edit items keep native behaviour). */
  role?: string;
}

export interface MenuState {
  recent: string[];
  theme: 'light' | 'dark' | 'system';
  hasCapture: boolean;
  isMac: boolean;
}

const separator: MenuEntry = { label: '', separator: true };

export function buildMenuModel(state: MenuState): MenuEntry[] {
  const recent: MenuEntry[] = state.recent.length
    ? [...state.recent.map((path) => ({ label: basename(path), action: { kind: 'open', path } as MenuAction })),
      separator, { label: 'Clear Recent', action: { kind: 'clear-recent' } }]
    : [{ label: 'No Recent Captures', enabled: false }];
  const themes: Array<['light' | 'dark' | 'system', string]> = [['system', 'System'], ['light', 'Light'], ['dark', 'Dark']];
  return [
    {
      label: 'File',
      submenu: [
        { label: 'Open...', accelerator: 'CmdOrCtrl+O', action: { kind: 'open-dialog' } },
        { label: 'Open Recent', submenu: recent },
        { label: 'Close', accelerator: 'CmdOrCtrl+W', action: { kind: 'close' }, enabled: state.hasCapture },
        separator,
        { label: 'Export...', accelerator: 'CmdOrCtrl+E', action: { kind: 'export' }, enabled: state.hasCapture },
        separator,
        { label: state.isMac ? 'Quit Syscope' : 'Exit', accelerator: 'CmdOrCtrl+Q', action: { kind: 'quit' } },
      ],
    },
    { label: 'Edit', submenu: [{ label: 'Copy', role: 'copy' }, { label: 'Select All', role: 'selectAll' }] },
    {
      label: 'View',
      submenu: [
        { label: 'Theme', submenu: themes.map(([theme, label]) => ({ label, checked: state.theme === theme, action: { kind: 'theme', theme } as MenuAction })) },
        separator,
        { label: 'Zoom In', accelerator: 'CmdOrCtrl+=', action: { kind: 'zoom', step: 1 } },
        { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-', action: { kind: 'zoom', step: -1 } },
        { label: 'Actual Size', accelerator: 'CmdOrCtrl+0', action: { kind: 'zoom', step: 0 } },
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', action: { kind: 'shortcuts' } },
        { label: 'About Syscope', action: { kind: 'about' } },
      ],
    },
  ];
}

/** Zoom levels are clamped so repeated presses cannot make the window unusable. */
export function nextZoomLevel(current: number, step: 1 | -1 | 0): number {
  if (step === 0) return 0;
  return Math.max(-3, Math.min(4, current + step * 0.5));
}
