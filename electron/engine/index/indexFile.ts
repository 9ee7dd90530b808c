/**
 * The on-disk form of an index: one file holding a JSON header and the raw bytes of each
 * typed-array column, 8-byte aligned, followed by a CRC-32 of everything before it. Anything
 * that does not decode exactly is refused with a one-line reason (the cache then rebuilds the
 * entry).
 *
 *   "SYSCOPEIDX" u16 formatVersion u16 0 u32 headerLength u64 fileBytes  header JSON  pad  columns...  u32 crc32
 *
 * Reopening must stay well under a second for ~1 GB of columns, so a file is read once into one
 * buffer (readIndexFile), its checksum is computed while the rest is still being read, and the
 * columns are views onto that buffer, never copies. Files are written, hashed and read in
 * slices (`slicing.bytes`) because single calls refuse 2 GiB and more.
 */
import { closeSync, fstatSync, openSync, promises as fsp, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** 2: CRC-32 instead of SHA-256, file length in the fixed header. */
export const INDEX_FORMAT_VERSION = 2;
const MAGIC = Buffer.from('SYSCOPEIDX', 'latin1');
const FIXED_BYTES = MAGIC.length + 16;
const CHECKSUM_BYTES = 4;

/** Largest piece handed to one write, checksum or read call; tests shrink it to cross many slices. */
export const slicing = { bytes: 1 << 30 };
/**
 * Reads in flight at once, and their size. Measured on a 546 MB index in the page cache
 * (2 cores, median of 5): one synchronous read then CRC 319 ms, 16 MiB reads 4 in flight with the
 * CRC of each finished piece taken meanwhile 216 ms, the same reads without any CRC 166 ms.
 * Later, on a loaded machine, pieces of 1–64 MiB with 2–8 in flight all had medians of 317–370 ms
 * (median of 7), one synchronous 8 MiB read-then-CRC loop 352 ms: 16 MiB × 4 stays, within noise.
 */
const READ_BYTES = 16 << 20;
const READS_IN_FLIGHT = 4;

export type ColumnArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
const kinds = { Float64Array, Int32Array, Uint32Array, Uint16Array, Uint8Array } as const;
type Kind = keyof typeof kinds;

interface ColumnEntry { name: string; kind: Kind; offset: number; length: number }

export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexFormatError';
  }
}

// Arithmetic, not `& ~7`: bitwise operators wrap at 2^31 and an index can pass 2 GiB.
export const align8 = (n: number) => Math.ceil(n / 8) * 8;

function kindOf(a: ColumnArray): Kind {
  for (const [k, ctor] of Object.entries(kinds)) if (a instanceof ctor) return k as Kind;
  throw new IndexFormatError('unsupported column type');
}

/**
 * Why CRC-32 and not SHA-256: the check is against damage (a torn write, a truncated copy, a
 * flipped bit), which a CRC is made to catch; neither stops someone who can write the cache
 * folder, as an unkeyed hash is recomputed as easily as a CRC. Measured over the same 546 MB:
 * zlib.crc32 88 ms, SHA-1 268 ms, SHA-256 282 ms, BLAKE2b 388 ms, SHA-512 481 ms, MD5 645 ms.
 * Structure is still checked field by field, so a file that passes yields in-bounds columns.
 */
export function checksum(data: Uint8Array, from = 0, to = data.length, crc = 0): number {
  for (let off = from; off < to; off += slicing.bytes) crc = crc32(data.subarray(off, Math.min(to, off + slicing.bytes)), crc);
  return crc;
}

/** Buffers whose checksum readIndexFile already verified as they were read (decode skips it). */
const verified = new WeakSet<Uint8Array>();

/** The fixed header, JSON header and padding, and where each column goes after them. */
function layout(meta: unknown, columns: Record<string, ColumnArray>): { head: Buffer; entries: ColumnEntry[]; fileBytes: number } {
  const entries: ColumnEntry[] = [];
  let at = 0;
  for (const [name, arr] of Object.entries(columns)) {
    entries.push({ name, kind: kindOf(arr), offset: at, length: arr.length });
    at = align8(at + arr.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, columns: entries }), 'utf8');
  const bodyStart = align8(FIXED_BYTES + header.length);
  const fileBytes = bodyStart + at + CHECKSUM_BYTES;
  const head = Buffer.alloc(bodyStart);
  MAGIC.copy(head, 0);
  head.writeUInt16LE(INDEX_FORMAT_VERSION, MAGIC.length);
  head.writeUInt32LE(header.length, MAGIC.length + 4);
  head.writeBigUInt64LE(BigInt(fileBytes), MAGIC.length + 8);
  header.copy(head, FIXED_BYTES);
  return { head, entries, fileBytes };
}

const bytesOf = (arr: ColumnArray) => new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);

export function encodeIndexFile(meta: unknown, columns: Record<string, ColumnArray>): Buffer {
  const { head, entries, fileBytes } = layout(meta, columns);
  const out = Buffer.alloc(fileBytes);
  head.copy(out, 0);
  for (const e of entries) out.set(bytesOf(columns[e.name]), head.length + e.offset);
  out.writeUInt32LE(checksum(out, 0, fileBytes - CHECKSUM_BYTES), fileBytes - CHECKSUM_BYTES);
  return out;
}

const STEP_BYTES = 16 << 20;

/**
 * The same file as encodeIndexFile gives, written column by column with the checksum taken on
 * the way: storing an index then needs no second copy of it in memory (at 16 M events that
 * copy was as large as the index, and the largest moment of the worker's memory). It is
 * written a step of STEP_BYTES at a time with the event loop let through between steps: the
 * index worker stores a fresh index after it is ready, so questions asked meanwhile wait one
 * step (≈ 16 MiB written and checksummed, tens of ms) instead of the whole store (1.8 s for
 * the 771 MB index of the 1 GB bench capture).
 */
export async function writeIndexColumns(path: string, meta: unknown, columns: Record<string, ColumnArray>): Promise<void> {
  const { head, entries, fileBytes } = layout(meta, columns);
  const fd = openSync(path, 'w');
  let crc = 0;
  let written = 0;
  const put = async (data: Uint8Array) => {
    for (let from = 0; from < data.length; from += STEP_BYTES) {
      const piece = data.subarray(from, Math.min(data.length, from + STEP_BYTES));
      crc = checksum(piece, 0, piece.length, crc);
      for (let off = 0; off < piece.length;) off += writeSync(fd, piece, off, Math.min(slicing.bytes, piece.length - off));
      written += piece.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await put(head);
    for (const e of entries) {
      const padding = head.length + e.offset - written;
      if (padding > 0) await put(new Uint8Array(padding));
      await put(bytesOf(columns[e.name]));
    }
    const end = fileBytes - CHECKSUM_BYTES - written;
    if (end > 0) await put(new Uint8Array(end));
    const tail = Buffer.alloc(CHECKSUM_BYTES);
    tail.writeUInt32LE(crc, 0);
    writeSync(fd, tail, 0, CHECKSUM_BYTES);
  } finally {
    closeSync(fd);
  }
}

/** The file length the fixed header announces, after checking magic and version. */
function announcedBytes(buf: Buffer): number {
  if (buf.length < FIXED_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new IndexFormatError('not a Syscope index file');
  const version = buf.readUInt16LE(MAGIC.length);
  if (version !== INDEX_FORMAT_VERSION) throw new IndexFormatError(`index format ${version}, expected ${INDEX_FORMAT_VERSION}`);
  const bytes = Number(buf.readBigUInt64LE(MAGIC.length + 8));
  if (bytes < FIXED_BYTES + CHECKSUM_BYTES) throw new IndexFormatError('index file header is damaged');
  return bytes;
}

function checkLength(announced: number, actual: number): void {
  if (actual < announced) throw new IndexFormatError(`index file is truncated (${actual} of ${announced} bytes)`);
  if (actual > announced) throw new IndexFormatError(`index file has ${actual - announced} bytes past its end`);
}

/**
 * Columns are views onto `buf` (no copy) when it is 8-byte aligned, as readIndexFile's buffer
 * is; the caller must then leave `buf` unchanged.
 */
export function decodeIndexFile(buf: Buffer): { meta: unknown; columns: Record<string, ColumnArray> } {
  checkLength(announcedBytes(buf), buf.length);
  const bodyEnd = buf.length - CHECKSUM_BYTES;
  if (!verified.has(buf) && checksum(buf, 0, bodyEnd) !== buf.readUInt32LE(bodyEnd)) throw new IndexFormatError('index file checksum mismatch');
  const headerLength = buf.readUInt32LE(MAGIC.length + 4);
  const bodyStart = align8(FIXED_BYTES + headerLength);
  if (bodyStart > bodyEnd) throw new IndexFormatError('index header overruns the file');
  let parsed: { meta: unknown; columns: ColumnEntry[] };
  try {
    parsed = JSON.parse(buf.subarray(FIXED_BYTES, FIXED_BYTES + headerLength).toString('utf8'));
  } catch {
    throw new IndexFormatError('index header is not valid JSON');
  }
  if (!Array.isArray(parsed?.columns)) throw new IndexFormatError('index header lists no columns');
  let body = buf.subarray(bodyStart, bodyEnd);
  // Typed-array views need aligned memory; a Buffer from Node's small-buffer pool may not be.
  if (body.byteOffset % 8 !== 0) body = Buffer.from(new Uint8Array(body));
  const columns: Record<string, ColumnArray> = {};
  for (const e of parsed.columns) {
    const ctor = kinds[e?.kind];
    if (!ctor) throw new IndexFormatError(`unknown column type '${String(e?.kind)}'`);
    if (!Number.isSafeInteger(e.offset) || !Number.isSafeInteger(e.length) || e.offset < 0 || e.length < 0 || e.offset % 8 !== 0 ||
      e.offset + e.length * ctor.BYTES_PER_ELEMENT > body.length) {
      throw new IndexFormatError(`column '${String(e.name)}' overruns the file`);
    }
    columns[e.name] = new ctor(body.buffer as ArrayBuffer, body.byteOffset + e.offset, e.length);
  }
  return { meta: parsed.meta, columns };
}

/**
 * The whole index file in one buffer, checksum verified. A wrong magic, version or length is
 * refused before the body is read, so a truncated 1 GB entry costs no more than its header.
 */
export async function readIndexFile(path: string): Promise<Buffer> {
  const file = await fsp.open(path, 'r');
  const pending = new Set<Promise<unknown>>();
  try {
    const size = (await file.stat()).size;
    const fixed = Buffer.alloc(FIXED_BYTES);
    await readFully(file, fixed, 0, Math.min(size, FIXED_BYTES), 0);
    checkLength(announcedBytes(size < FIXED_BYTES ? fixed.subarray(0, size) : fixed), size);
    // Unpooled, so its memory starts 8-byte aligned and columns can be views onto it.
    const buf = Buffer.allocUnsafeSlow(size);
    const piece = Math.min(READ_BYTES, slicing.bytes);
    const pieces = Math.ceil(size / piece);
    const reads: Array<Promise<void>> = [];
    const start = (i: number) => {
      const read = readFully(file, buf, i * piece, Math.min(piece, size - i * piece), i * piece);
      pending.add(read);
      void read.then(() => pending.delete(read), () => pending.delete(read));
      reads[i] = read;
    };
    let next = 0;
    for (; next < Math.min(READS_IN_FLIGHT, pieces); next++) start(next);
    const bodyEnd = size - CHECKSUM_BYTES;
    let crc = 0;
    for (let i = 0; i < pieces; i++) {
      await reads[i];
      if (next < pieces) start(next++);
      crc = checksum(buf, Math.min(i * piece, bodyEnd), Math.min((i + 1) * piece, bodyEnd), crc);
    }
    if (crc !== buf.readUInt32LE(bodyEnd)) throw new IndexFormatError('index file checksum mismatch');
    verified.add(buf);
    return buf;
  } finally {
    // Closing under a read still in flight would fail it (or read another file that took the fd).
    await Promise.allSettled(pending);
    await file.close();
  }
}

async function readFully(file: fsp.FileHandle, buf: Buffer, at: number, length: number, position: number): Promise<void> {
  for (let done = 0; done < length;) {
    const { bytesRead } = await file.read(buf, at + done, length - done, position + done);
    if (bytesRead <= 0) throw new IndexFormatError('index file ended early');
    done += bytesRead;
  }
}

/** Writes `data` to `path` in slices: one write call refuses 2 GiB and more. */
export function writeIndexFile(path: string, data: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    for (let off = 0; off < data.length;) off += writeSync(fd, data, off, Math.min(slicing.bytes, data.length - off));
  } finally {
    closeSync(fd);
  }
}

/**
 * The meta of an index file from its header alone (a few KiB of a file that may hold a GiB), for
 * a caller that wants one fact of the capture (its reader warnings) and will not use the
 * columns: magic, version and length are checked, the body and its checksum are not read.
 */
export function readIndexMeta(path: string): unknown {
  const fd = openSync(path, 'r');
  try {
    const fixed = Buffer.alloc(FIXED_BYTES);
    readSync(fd, fixed, 0, FIXED_BYTES, 0);
    checkLength(announcedBytes(fixed), fstatSync(fd).size);
    const headerLength = fixed.readUInt32LE(MAGIC.length + 4);
    const header = Buffer.alloc(headerLength);
    if (readSync(fd, header, 0, headerLength, FIXED_BYTES) !== headerLength) throw new IndexFormatError('index header overruns the file');
    try {
      return (JSON.parse(header.toString('utf8')) as { meta?: unknown }).meta;
    } catch {
      throw new IndexFormatError('index header is not valid JSON');
    }
  } finally {
    closeSync(fd);
  }
}
