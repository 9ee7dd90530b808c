/**
 * Where an export goes: a file (written in large chunks as rows arrive, so an export of a big
 * capture never holds its text in memory) or standard output.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ExportSink {
  write(chunk: string | Uint8Array): void;
  close(): void;
  /** Ends an export that has nothing to give: what is not yet written is dropped, and a file not yet created is not created. */
  abandon(): void;
}

const flushAt = 1 << 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * One write; standard output may be a non-blocking pipe (EAGAIN: wait a moment and retry) or
 * a reader that stopped listening (EPIPE, `| head`: a normal way to finish).
 */
function writeAll(fd: number, buf: Buffer, off: number): number {
  for (;;) {
    try {
      return writeSync(fd, buf, off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { Atomics.wait(pause, 0, 0, 2); continue; }
      if (code === 'EPIPE' && fd === 1) process.exit(0);
      throw new Error(`cannot write the export: ${code ?? (err as Error).message}`);
    }
  }
}

export function openSink(path: string | undefined): ExportSink {
  // The file is created on the first write (or at the end), so an export that fails before
  // producing anything (unknown view, bad field) leaves no empty file behind.
  let fd = path === undefined || path === '-' ? 1 : -1;
  if (fd < 0 && !existsSync(dirname(path as string))) throw new Error(`cannot write ${path}: the folder ${dirname(path as string)} does not exist`);
  const ensureOpen = () => {
    if (fd >= 0) return;
    try {
      fd = openSync(path as string, 'w');
    } catch (err) {
      throw new Error(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  const parts: Buffer[] = [];
  let size = 0;
  const flush = () => {
    ensureOpen();
    if (size === 0) return;
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    for (let off = 0; off < all.length;) off += writeAll(fd, all, off);
    parts.length = 0;
    size = 0;
  };
  return {
    write(chunk) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      parts.push(b);
      size += b.length;
      if (size >= flushAt) flush();
    },
    close() {
      flush();
      if (fd !== 1) closeSync(fd);
    },
    abandon() {
      parts.length = 0;
      size = 0;
      if (fd >= 0 && fd !== 1) closeSync(fd);
    },
  };
}

/**
 * A sink that keeps everything in memory (tests, and the engine API's exports, which travel to
 * the renderer whole); past `maxBytes` it stops the export with a one-line error.
 */
export function memorySink(maxBytes = Infinity, tooLarge = 'the export is too large'): ExportSink & { text(): string; bytes(): Uint8Array } {
  const parts: Buffer[] = [];
  let size = 0;
  return {
    write(chunk) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      size += b.length;
      if (size > maxBytes) throw new Error(tooLarge);
      parts.push(b);
    },
    close() { /* nothing to release */ },
    abandon() { parts.length = 0; size = 0; },
    text() { return Buffer.concat(parts).toString('utf8'); },
    bytes() { return new Uint8Array(Buffer.concat(parts)); },
  };
}
