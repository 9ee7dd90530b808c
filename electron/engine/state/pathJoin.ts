/**
 * sinsp's path joining (sinsp-state.md §5.8): the base (a cwd or a directory fd's name, normally
 * ending in '/') is taken as is; only the appended part is normalised against it.
 */
const MAX_PATH = 1024;

export function joinPath(base: string, path: string): string {
  if (path.length === 0 || path.charCodeAt(0) === 47 /* / */) return isNormal(path) ? path : normaliseFrom('', path);
  if (base.length + path.length + 1 > MAX_PATH) return '/DIR_TOO_LONG/FILENAME_TOO_LONG';
  // Most opened paths are already normal: the result is then the two joined as they are.
  if ((base.length === 0 || base.charCodeAt(base.length - 1) === 47) && isNormal(path)) return base + path;
  return normaliseFrom(base, path);
}

/**
 * Whether normalising `path` after a base ending in '/' (or none) leaves it as it is: no '//',
 * no '.' or '..' component, no trailing '/' (but '/' itself), not longer than MAX_PATH.
 */
function isNormal(path: string): boolean {
  const n = path.length;
  if (n > MAX_PATH) return false;
  for (let i = 0; i < n; i++) {
    const c = path.charCodeAt(i);
    if (c === 47) {
      if (i + 1 < n && path.charCodeAt(i + 1) === 47) return false;
    } else if (c === 46 && (i === 0 || path.charCodeAt(i - 1) === 47)) {
      // '.' or '..' as a whole component
      const next = i + 1 < n ? path.charCodeAt(i + 1) : 47;
      if (next === 47) return false;
      if (next === 46 && (i + 2 >= n || path.charCodeAt(i + 2) === 47)) return false;
    }
  }
  return n <= 1 || path.charCodeAt(n - 1) !== 47;
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
