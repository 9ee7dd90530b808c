/**
 * The recent-captures list, kept as a small JSON file (Electron: in userData; browser host:
 * in $XDG_CONFIG_HOME/syscope). Most recent first, no duplicates, at most `limit` entries;
 * files that disappeared are dropped when the list is read. A damaged file reads as empty.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';

export interface RecentFiles {
  list(): string[];
  remember(path: string): string[];
  clear(): void;
}

export function recentFiles(storePath: string, limit = 10): RecentFiles {
  function read(): string[] {
    try {
      const data: unknown = JSON.parse(readFileSync(storePath, 'utf8'));
      return Array.isArray(data) ? data.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }
  function write(paths: string[]): void {
    mkdirSync(dirname(storePath), { recursive: true });
    // Write then rename, so a crash never leaves half a file.
    const tmp = `${storePath}.tmp`;
    writeFileSync(tmp, JSON.stringify(paths, null, 1));
    renameSync(tmp, storePath);
  }
  return {
    list: () => read().filter((p) => existsSync(p)).slice(0, limit),
    remember(path: string) {
      const full = resolve(path);
      const next = [full, ...read().filter((p) => p !== full)].slice(0, limit);
      write(next);
      return next;
    },
    clear: () => write([]),
  };
}

/** Where the browser host keeps its list when no Electron userData folder exists. */
export function defaultRecentStore(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'syscope', 'recent-captures.json');
}
