/**
 * Electron's security checklist as data and small predicates, so it is unit-tested rather
 * than trusted: isolated, sandboxed renderers without Node; no navigation away from the app,
 * no new windows, no webviews, no permissions (camera, notifications, ...).
 */
import { pathToFileURL } from 'node:url';
import type { WebPreferences } from './electronApi';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A file dropped outside the drop zone must not replace the app with file://...
    navigateOnDragDrop: false,
    spellcheck: false,
    preload: preloadPath,
  };
}

/** The only document a window may show: the renderer's index.html (any hash). */
export function isAppPage(url: string, indexHtmlPath: string): boolean {
  const page = pathToFileURL(indexHtmlPath).href;
  try {
    const u = new URL(url);
    u.hash = '';
    u.search = '';
    return u.href === page;
  } catch {
    return false;
  }
}

/** Navigation is allowed only within the app page (hash changes); everything else is blocked. */
export function allowNavigation(url: string, indexHtmlPath: string): boolean {
  return isAppPage(url, indexHtmlPath);
}

/** No permission is ever granted: the app needs none. */
export function allowPermission(_permission: string): boolean {
  return false;
}
