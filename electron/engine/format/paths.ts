/**
 * Path resolution as sysdig prints it in parentheses after a relative FSPATH/FSRELPATH
 * (`name=foo(/home/u/foo)`): the base directory followed by the path with `.`/`..`/`//`
 * folded, trailing '/' removed and non-printable bytes turned into '.'. Absolute paths get
 * no resolved text at all (sysdig shows them once).
 */

function isInvalid(c: number): boolean {
  return c < 0x20 || c > 0x7e;
}

/**
 * Appends `path` (char codes, stops at NUL) to `base` the way libsinsp's
 * copy_and_sanitize_path does; `base` is kept as given and cannot be climbed out of.
 */
function appendSanitized(base: string, path: ArrayLike<number>, pathLen: number): string {
  const t: number[] = [];
  for (let k = 0; k < base.length; k++) t.push(base.charCodeAt(k));
  let tc = t.length;
  let pc = 0;
  const at = (k: number): number => (k < pathLen ? path[k] : 0);
  const rewind = (delta: number): void => {
    if (tc <= 1) { pc += delta; return; }
    tc--;
    while (tc >= 1 && t[tc - 1] !== 0x2f) tc--;
    pc += delta;
  };
  for (;;) {
    const c = at(pc);
    if (c === 0) {
      if (tc > 1 && t[tc - 1] === 0x2f) tc--;
      break;
    }
    if (isInvalid(c)) { t[tc++] = 0x2e; pc++; continue; }
    if (c === 0x2e && at(pc + 1) === 0x2e && at(pc + 2) === 0x2f) rewind(3);
    else if (c === 0x2e && at(pc + 1) === 0x2e) {
      if (at(pc + 2) === 0) rewind(2);
      else { t[tc++] = 0x2e; t[tc++] = 0x2e; pc += 2; }
    } else if (c === 0x2e && at(pc + 1) === 0x2f) pc += 2;
    else if (c === 0x2e) {
      if (at(pc + 1) === 0) pc++;
      else { t[tc++] = c; pc++; }
    } else if (c === 0x2f) {
      if (tc > 0 && t[tc - 1] === 0x2f) pc++;
      else { t[tc++] = c; pc++; }
    } else { t[tc++] = c; pc++; }
  }
  let s = '';
  for (let k = 0; k < tc; k++) s += String.fromCharCode(t[k]);
  return s;
}

/** Resolved text of a path parameter: '' for an empty or absolute path, else base + path. */
export function resolvePath(base: string, path: ArrayLike<number>, pathLen: number): string {
  if (pathLen === 0 || path[0] === 0x2f) return '';
  return appendSanitized(base, path, pathLen);
}

/** Same, for a JS string path. */
export function resolvePathText(base: string, path: string): string {
  const codes: number[] = [];
  for (let k = 0; k < path.length; k++) codes.push(path.charCodeAt(k));
  return resolvePath(base, codes, codes.length);
}
