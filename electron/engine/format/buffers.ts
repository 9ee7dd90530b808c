/**
 * BYTEBUF text in sysdig's buffer formats: default (printable ASCII kept, every other byte a
 * '.', cut to 80 characters ending in '...'), -A (printable ASCII and line breaks only, led by
 * a newline), -x/-X (hex rows, -X with an ASCII column) and -b (base64).
 */

export type BufferFormat = 'normal' | 'ascii' | 'hex' | 'hexascii' | 'base64';

/** sysdig's default cut for buffers printed in the normal format (m_max_evt_output_len). */
export const DEFAULT_MAX_BUFFER_CHARS = 80;

function isPrint(b: number): boolean {
  return b >= 0x20 && b <= 0x7e;
}

function dots(d: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += isPrint(d[k]) ? String.fromCharCode(d[k]) : '.';
  return s;
}

function hex2(b: number): string {
  return (b < 16 ? '0' : '') + b.toString(16);
}

function hexRows(d: Uint8Array, from: number, to: number, ascii: boolean): string {
  let out = '';
  for (let row = from; row < to; row += 16) {
    let line = '\n\t0x' + (row - from).toString(16).padStart(4, '0') + ':';
    let chunks = 0;
    for (let k = row; chunks < 8 && k < to; k += 2, chunks++) {
      line += k === to - 1 ? ' ' + hex2(d[k]) : ' ' + hex2(d[k]) + hex2(d[k + 1]);
    }
    if (ascii) line += '     '.repeat(8 - chunks) + '  ' + dots(d, row, Math.min(row + 16, to));
    out += line;
  }
  return out + '\n';
}

function printableWithLineBreaks(d: Uint8Array, from: number, to: number): string {
  let s = '\n';
  for (let k = from; k < to; k++) {
    const b = d[k];
    if (isPrint(b)) s += String.fromCharCode(b);
    else if (b === 0x0d) s += '\n';
    else if (b === 0x0a && k > from && d[k - 1] !== 0x0d) s += '\n';
  }
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(d: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k += 3) {
    const n = (d[k] << 16) | ((k + 1 < to ? d[k + 1] : 0) << 8) | (k + 2 < to ? d[k + 2] : 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    s += k + 1 < to ? B64[(n >> 6) & 63] : '=';
    s += k + 2 < to ? B64[n & 63] : '=';
  }
  return s;
}

/** Text of bytes d[from, to) in the given format; `maxChars` (0 = no cut) applies to 'normal' only. */
export function renderBuffer(d: Uint8Array, from: number, to: number, format: BufferFormat = 'normal', maxChars = DEFAULT_MAX_BUFFER_CHARS): string {
  if (to <= from) return '';
  switch (format) {
    case 'ascii': return printableWithLineBreaks(d, from, to);
    case 'hex': return hexRows(d, from, to, false);
    case 'hexascii': return hexRows(d, from, to, true);
    case 'base64': return base64(d, from, to);
    default:
      if (maxChars > 0 && to - from > maxChars) return dots(d, from, from + Math.max(0, maxChars - 3)) + (maxChars > 3 ? '...' : '');
      return dots(d, from, to);
  }
}
