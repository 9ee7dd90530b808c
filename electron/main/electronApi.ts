/**
 * The slice of Electron's API the shell uses, declared here because the `electron` package
 * cannot be installed on every build machine (its binary download is blocked). At runtime the
 * real module is loaded with require('electron') and cast to this shape.
 */
export interface WebPreferences {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
  preload: string;
}

export interface WebContents {
  id: number;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { preventDefault(): void; url: string }, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void;
  getZoomLevel(): number;
  setZoomLevel(level: number): void;
  getURL(): string;
  session: {
    setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  };
}

export interface BrowserWindowInstance {
  webContents: WebContents;
  loadFile(path: string, options?: { hash?: string }): Promise<void>;
  on(event: 'closed', listener: () => void): void;
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  focus(): void;
  close(): void;
  setTitle(title: string): void;
}

export interface BrowserWindowStatic {
  new (options: { width: number; height: number; minWidth?: number; minHeight?: number; show?: boolean; title?: string; backgroundColor?: string; webPreferences: WebPreferences }): BrowserWindowInstance;
  getFocusedWindow(): BrowserWindowInstance | null;
  getAllWindows(): BrowserWindowInstance[];
  fromWebContents(wc: unknown): BrowserWindowInstance | null;
}

export interface MenuItemTemplate {
  label?: string;
  role?: string;
  type?: 'separator' | 'normal' | 'submenu' | 'radio' | 'checkbox';
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

export interface ElectronApi {
  app: {
    whenReady(): Promise<void>;
    on(event: 'window-all-closed' | 'activate' | 'before-quit', listener: () => void): void;
    on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): void;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): void;
    on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): void;
    requestSingleInstanceLock(): boolean;
    getPath(name: 'userData'): string;
    getVersion(): string;
    addRecentDocument(path: string): void;
    isPackaged: boolean;
    quit(): void;
  };
  BrowserWindow: BrowserWindowStatic;
  Menu: {
    buildFromTemplate(template: MenuItemTemplate[]): unknown;
    setApplicationMenu(menu: unknown): void;
  };
  dialog: {
    showOpenDialog(window: BrowserWindowInstance | undefined, options: { title: string; properties: string[]; filters: Array<{ name: string; extensions: string[] }> }): Promise<{ canceled: boolean; filePaths: string[] }>;
    showMessageBox(window: BrowserWindowInstance | undefined, options: { type: string; title: string; message: string; detail?: string }): Promise<unknown>;
  };
  ipcMain: {
    handle(channel: string, listener: (event: { sender: WebContents; senderFrame?: { url: string } | null }, ...args: unknown[]) => Promise<unknown>): void;
  };
  nativeTheme: { themeSource: 'system' | 'light' | 'dark' };
}

export interface PreloadApi {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): void;
  };
  webUtils: { getPathForFile(file: unknown): string };
}
