/**
 * Renderings of captured I/O payloads, as the I/O streams view shows them.
 *
 * dotted, printable and hex follow sysdig's buffer formats byte for byte (csysdig's echo
 * view without a flag, with -A and with -X, after csysdig trims one leading and one trailing
 * newline), so a user who knows sysdig sees the same text. json and text are Syscope's own:
 * a pretty-printed JSON document when the payload is one, and log-style lines otherwise.
 */

export type StreamMode = 'dotted' | 'printable' | 'hex' | 'json' | 'text';
export const streamModes: readonly StreamMode[] = ['dotted', 'printable', 'hex', 'json', 'text'];

/** C-locale isprint: space through tilde. */
function isPrintable(b: number): boolean {
  return b >= 0x20 && b <= 0x7e;
}

/** Printable bytes as themselves, everything else as '.'. */
export function renderDotted(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += isPrintable(b) ? String.fromCharCode(b) : '.';
  }
  return out;
}

/**
 * Printable bytes and line breaks only: CR becomes a line break, an LF right after a CR
 * (or at the very start) is dropped, other control and non-ASCII bytes disappear.
 */
export function renderPrintable(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (isPrintable(b)) out += String.fromCharCode(b);
    else if (b === 0x0d) out += '\n';
    else if (b === 0x0a && i > 0 && bytes[i - 1] !== 0x0d) out += '\n';
  }
  // sysdig prefixes a newline that csysdig then trims; only the trailing one is ours to drop.
  return trimTrailingNewline(out);
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16);
}

/** tcpdump-style rows of 16 bytes: offset, 2-byte groups, and the dotted ASCII column. */
export function renderHex(bytes: Uint8Array): string {
  const rows: string[] = [];
  for (let row = 0; row < bytes.length; row += 16) {
    let line = '\t0x' + row.toString(16).padStart(4, '0') + ':';
    let groups = 0;
    for (let i = row; i < row + 16 && i < bytes.length; i += 2) {
      line += i + 1 < bytes.length ? ' ' + hex2(bytes[i]) + hex2(bytes[i + 1]) : ' ' + hex2(bytes[i]);
      groups++;
    }
    line += '     '.repeat(8 - groups) + '  ';
    line += renderDotted(bytes.subarray(row, Math.min(row + 16, bytes.length)));
    rows.push(line);
  }
  return rows.join('\n');
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * The payload pretty-printed when it is (or contains, after HTTP-style headers) one JSON
 * document; null when it is not JSON. A payload cut short by the snaplen is usually not
 * valid JSON, so this returns null for it rather than guessing.
 */
export function renderJson(bytes: Uint8Array): string | null {
  const text = utf8.decode(bytes);
  const start = jsonStart(text);
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(text.slice(start));
    if (value === null || typeof value !== 'object') return null;
    const pretty = JSON.stringify(value, null, 2);
    return start > 0 ? text.slice(0, start) + pretty : pretty;
  } catch {
    return null;
  }
}

/** Where the JSON body begins: at 0, or after a blank line ending HTTP-style headers. */
function jsonStart(text: string): number {
  const first = text.search(/\S/);
  if (first < 0) return -1;
  if (text[first] === '{' || text[first] === '[') return first;
  const headersEnd = text.indexOf('\r\n\r\n');
  const body = headersEnd >= 0 ? headersEnd + 4 : text.indexOf('\n\n') >= 0 ? text.indexOf('\n\n') + 2 : -1;
  if (body < 0) return -1;
  const rest = text.slice(body).search(/\S/);
  if (rest < 0) return -1;
  const at = body + rest;
  return text[at] === '{' || text[at] === '[' ? at : -1;
}

/**
 * Line-oriented text for logs and protocols: decoded as UTF-8, CRLF and CR become LF, other
 * control characters (but tab) shown as '.', one trailing newline dropped.
 */
export function renderText(bytes: Uint8Array): string {
  const text = utf8.decode(bytes).replace(/\r\n?/g, '\n');
  // eslint-disable-next-line no-control-regex
  return trimTrailingNewline(text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '.'));
}

function trimTrailingNewline(s: string): string {
  return s.charCodeAt(s.length - 1) === 10 ? s.slice(0, -1) : s;
}

/** The payload in the given mode; json falls back to text when the payload is not JSON. */
export function renderPayload(bytes: Uint8Array, mode: StreamMode): string {
  switch (mode) {
    case 'dotted': return renderDotted(bytes);
    case 'printable': return renderPrintable(bytes);
    case 'hex': return renderHex(bytes);
    case 'json': return renderJson(bytes) ?? renderText(bytes);
    case 'text': return renderText(bytes);
  }
}

/** Whether a payload looks like text rather than binary (mostly printable or whitespace). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let printable = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (isPrintable(b) || b === 9 || b === 10 || b === 13 || b >= 0x80) printable++;
  }
  return printable / bytes.length >= 0.9;
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (shared/ cannot use Node's Buffer). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += b64[n >> 18] + b64[(n >> 12) & 63] + b64[(n >> 6) & 63] + b64[n & 63];
  }
  const left = bytes.length - i;
  if (left === 1) {
    const n = bytes[i] << 16;
    out += b64[n >> 18] + b64[(n >> 12) & 63] + '==';
  } else if (left === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += b64[n >> 18] + b64[(n >> 12) & 63] + b64[(n >> 6) & 63] + '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = b64.indexOf(clean[i]);
    if (v < 0) throw new Error(`invalid base64 character '${clean[i]}'`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
