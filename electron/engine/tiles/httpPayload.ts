/**
 * Whether an I/O payload starts an HTTP response or request, and whether a response's status
 * is 200, read from the payload's bytes as the chisel reads its text: the overview's HTTP tiles
 * look at every network read and write, and making each payload a string cost more than the
 * rest of the tile's rule.
 */
import type { FieldValue } from '../filter/resolver';
import { HTTP_METHODS } from '../../../shared/tiles/definitions';

/** A field value as text (bytes as latin1), as the tile rules read it. */
export const str = (v: FieldValue | undefined): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : Array.isArray(v) ? str(v[0]) : String(v);

export function startsWithAny(s: string, prefixes: readonly string[]): boolean {
  for (const p of prefixes) if (s.startsWith(p)) return true;
  return false;
}

/** Whether bytes start with the ASCII text `prefix` (compared as latin1, as str reads them). */
function bytesStartWith(v: Uint8Array, prefix: string): boolean {
  if (v.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (v[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/** By byte: 1 if one of `texts` starts with it. */
function firstBytesOf(texts: readonly string[]): Uint8Array {
  const firsts = new Uint8Array(256);
  for (const t of texts) firsts[t.charCodeAt(0) & 0xff] = 1;
  return firsts;
}

const httpRequestStarts = HTTP_METHODS.map((m) => `${m} `);
const httpRequestFirstBytes = firstBytesOf(httpRequestStarts);
export const NOT_HTTP = 0, HTTP_RESPONSE = 1, HTTP_REQUEST = 2;

/** Whether a payload (as `str` reads it) starts an HTTP response, a request, or neither. */
export function httpStart(v: FieldValue | undefined): number {
  if (v instanceof Uint8Array) {
    if (v.length === 0) return NOT_HTTP;
    if (bytesStartWith(v, 'HTTP/')) return HTTP_RESPONSE;
    if (httpRequestFirstBytes[v[0]] === 0) return NOT_HTTP;
    for (const p of httpRequestStarts) if (bytesStartWith(v, p)) return HTTP_REQUEST;
    return NOT_HTTP;
  }
  const text = str(v) ?? '';
  if (text.startsWith('HTTP/')) return HTTP_RESPONSE;
  return startsWithAny(text, httpRequestStarts) ? HTTP_REQUEST : NOT_HTTP;
}

/** How many bytes of a payload's HTTP status are read as digits or made text one by one at most (15 digits are exact in a double). */
const STATUS_TEXT_MAX = 15;

/**
 * Whether an HTTP response's status (the text between its first and second space, read as a
 * number) is 200. A payload's bytes are read as they are: only the status is made text.
 */
export function isStatus200(v: FieldValue | undefined): boolean {
  if (!(v instanceof Uint8Array)) return Number((str(v) ?? '').split(' ')[1]) === 200;
  const from = v.indexOf(0x20) + 1;
  if (from === 0) return false;
  let to = v.indexOf(0x20, from);
  if (to < 0) to = v.length;
  // Digits alone are their decimal value; Number() also takes white space, "0x", "2e2"..., so other text is read as it is.
  let status = 0;
  let i = from;
  while (i < to && i - from < STATUS_TEXT_MAX && v[i] >= 0x30 && v[i] <= 0x39) status = status * 10 + v[i++] - 0x30;
  if (i === to && to > from) return status === 200;
  if (to - from > STATUS_TEXT_MAX) return Number(Buffer.from(v.buffer, v.byteOffset + from, to - from).toString('latin1')) === 200;
  let text = '';
  for (let k = from; k < to; k++) text += String.fromCharCode(v[k]);
  return Number(text) === 200;
}
