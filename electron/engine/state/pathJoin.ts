/**
 * sinsp's path joining (sinsp-state.md §5.8): the base (a cwd or a directory fd's name, normally
 * ending in '/') is taken as is; only the appended part is normalised against it.
 */
const MAX_PATH = 1024;

export function joinPath(base: string, path: string): string {
  if (path.length === 0 || path.charCodeAt(0) === 47 /* / */) return normaliseFrom('', path);
  if (base.length + path.length + 1 > MAX_PATH) return '/DIR_TOO_LONG/FILENAME_TOO_LONG';
  return normaliseFrom(base, path);
}

function normaliseFrom(base: string, path: string): string {
  let cur = base;
  const floor = base.length > 0 ? 1 : 0; // never climb above the base's first character
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    const atComponentStart = cur.length === 0 || cur.endsWith('/');
    if (c === '/') {
      if (cur.endsWith('/')) { i++; continue; }
      cur += '/'; i++; continue;
    }
    if (c === '.' && atComponentStart) {
      const next = path[i + 1];
      if (next === '.' && (path[i + 2] === '/' || i + 2 === path.length)) {
        cur = dropLastComponent(cur, floor);
        i += path[i + 2] === '/' ? 3 : 2;
        continue;
      }
      if (next === '/' ) { i += 2; continue; }
      if (next === undefined) { i += 1; continue; }
    }
    cur += c; i++;
  }
  if (cur.length > 1 && cur.endsWith('/')) cur = cur.slice(0, -1);
  if (cur.length > MAX_PATH) cur = cur.slice(0, MAX_PATH);
  return cur;
}

/** Removes the last component, keeping its leading '/': "/a/b/" → "/a/"; "/" stays. */
function dropLastComponent(cur: string, floor: number): string {
  const end = cur.endsWith('/') ? cur.length - 1 : cur.length;
  const slash = cur.lastIndexOf('/', end - 1);
  if (slash < 0) return cur.slice(0, floor);
  return cur.slice(0, Math.max(slash + 1, floor));
}

/** A cwd as sinsp stores it: always ending with '/'. */
export function asDirectory(path: string): string {
  return path.endsWith('/') ? path : path + '/';
}
