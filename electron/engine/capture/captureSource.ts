/**
 * Opens a capture file as a stream of large chunks, gunzipping transparently (all members).
 * Every failure to open becomes a one-line CaptureError naming the file.
 */
import { open, stat } from 'node:fs/promises';
import { createReadStream, type ReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import { basename } from 'node:path';
import { CaptureError } from './types';

export const FILE_CHUNK_BYTES = 4 << 20;
export const GUNZIP_CHUNK_BYTES = 1 << 20;
/**
 * zlib discards the output of an input write that ends in an error (damage, junk after the last
 * member), so compressed input is written in slices: at most one slice's worth is lost.
 */
const GUNZIP_INPUT_SLICE = 64 << 10;

export interface CaptureSource {
  compressed: boolean;
  totalBytes: number;
  /** Bytes read from the file so far (compressed bytes for gzip files). */
  bytesRead(): number;
  chunks: AsyncIterable<Buffer>;
  close(): void;
}

function openError(path: string, err: unknown): CaptureError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'no such file'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EISDIR' ? 'is a directory'
    : (err instanceof Error ? err.message.split('\n')[0] : String(err));
  return new CaptureError(`${basename(path)}: cannot open capture: ${why}`);
}

/**
 * A failure while iterating `source.chunks`, told apart: a gzip stream that is cut off or damaged
 * is a place where reading stops (what was decompressed before it stays good), returned as its
 * one-line zlib message; anything else (the file's own errors, a cancellation) is rethrown.
 */
export function streamBreak(err: unknown, source: CaptureSource): string {
  if (err instanceof CaptureError || !source.compressed) throw err;
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

export async function openCaptureSource(path: string, chunkBytes = FILE_CHUNK_BYTES, startOffset = 0): Promise<CaptureSource> {
  let size: number;
  let magic: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
    const fh = await open(path, 'r');
    try {
      magic = Buffer.alloc(2);
      const { bytesRead } = await fh.read(magic, 0, 2, 0);
      magic = magic.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw openError(path, err);
  }
  const compressed = magic.length === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  // A plain file resumes by seeking; a gzip stream can only be decompressed from its start.
  const file: ReadStream = createReadStream(path, { highWaterMark: chunkBytes, start: compressed ? 0 : startOffset });
  let gunzip: Gunzip | undefined;
  if (compressed) {
    gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
    // Errors of the file stream must reach the consumer through the gunzip stream it iterates.
    file.on('error', (err) => gunzip!.destroy(err));
    feedInSlices(file, gunzip);
  }
  return {
    compressed,
    totalBytes: size,
    bytesRead: () => file.bytesRead,
    chunks: compressed && startOffset > 0 ? dropLeading(drain(gunzip!), startOffset) : drain(gunzip ?? file),
    close() { gunzip?.destroy(); file.destroy(); },
  };
}

function feedInSlices(file: ReadStream, gunzip: Gunzip): void {
  file.on('data', (chunk: Buffer | string) => {
    const b = chunk as Buffer;
    let ok = true;
    for (let o = 0; o < b.length; o += GUNZIP_INPUT_SLICE) ok = gunzip.write(b.subarray(o, o + GUNZIP_INPUT_SLICE));
    if (!ok) {
      file.pause();
      gunzip.once('drain', () => file.resume());
    }
  });
  file.on('end', () => gunzip.end());
}

/**
 * The stream's chunks, then its error if it failed. Unlike a stream's own async iterator this
 * never drops chunks that arrived before the error (zlib decompresses a whole input chunk, then
 * fails on what follows it), so a damaged gzip file still yields everything before the damage.
 */
async function* drain(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let done = false;
  let error: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => { const w = wake; wake = null; w?.(); };
  stream.on('data', (chunk: Buffer) => {
    queue.push(chunk);
    if (queue.length >= 4) stream.pause();
    notify();
  });
  stream.on('end', () => { done = true; notify(); });
  stream.on('error', (err) => { error ??= err; done = true; notify(); });
  stream.on('close', () => { done = true; notify(); });
  while (true) {
    const chunk = queue.shift();
    if (chunk !== undefined) {
      if (queue.length < 2 && stream.isPaused()) stream.resume();
      yield chunk;
      continue;
    }
    if (done) {
      if (error !== null) throw error;
      return;
    }
    await new Promise<void>((resolve) => { wake = resolve; });
  }
}

/** The stream without its first `n` bytes. */
async function* dropLeading(chunks: AsyncIterable<Buffer>, n: number): AsyncIterable<Buffer> {
  for await (const c of chunks) {
    if (n >= c.length) { n -= c.length; continue; }
    yield n > 0 ? c.subarray(n) : c;
    n = 0;
  }
}
