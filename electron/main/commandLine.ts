/**
 * Finds the capture to open in Electron's argv (`npm start -- capture.scap`, a file manager's
 * "open with", or a second instance). Electron and Chromium flags and the app path are skipped.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function captureFromArgv(argv: string[], cwd: string, isPackaged: boolean): string | null {
  // Unpackaged: argv = [electron, appPath, ...]; packaged: argv = [syscope, ...].
  const args = argv.slice(isPackaged ? 1 : 2);
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const full = resolve(cwd, arg);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
}
