/**
 * C-string reads from event bytes: up to the first NUL (or the parameter's end), optionally
 * "sanitized" as libsinsp does for paths and fd names (every byte outside printable ASCII is
 * dropped).
 */
const utf8 = new TextDecoder('utf-8');

export function cstringEnd(d: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to; k++) if (d[k] === 0) return k;
  return to;
}

/** The string as written (UTF-8), up to the first NUL. */
export function cstring(d: Uint8Array, from: number, to: number): string {
  const end = cstringEnd(d, from, to);
  let ascii = true;
  for (let k = from; k < end; k++) if (d[k] >= 0x80) { ascii = false; break; }
  if (!ascii) return utf8.decode(d.subarray(from, end));
  let s = '';
  for (let k = from; k < end; k++) s += String.fromCharCode(d[k]);
  return s;
}

/** Printable ASCII only, up to the first NUL (libsinsp sanitize_string / strcpy_sanitized). */
export function sanitizedCstring(d: Uint8Array, from: number, to: number): string {
  const end = cstringEnd(d, from, to);
  let s = '';
  for (let k = from; k < end; k++) if (d[k] >= 0x20 && d[k] <= 0x7e) s += String.fromCharCode(d[k]);
  return s;
}

/** Printable ASCII only, of a JS string (fd names, thread-table paths). */
export function sanitizeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x20-\x7e]/.test(s) ? s.replace(/[^\x20-\x7e]/g, '') : s;
}
