/**
 * The on-disk form of an index: one file holding a JSON header and the raw bytes of each
 * typed-array column, 8-byte aligned so columns load as views without copying, followed by a
 * SHA-256 of everything before it. Anything that does not decode exactly is refused with a
 * one-line reason (the cache then rebuilds the entry).
 *
 *   "SYSCOPEIDX" u16 formatVersion u16 0  u32 headerLength  header JSON  pad  columns...  sha256
 */
import { createHash } from 'node:crypto';

export const INDEX_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('SYSCOPEIDX', 'latin1');

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
const align8 = (n: number) => Math.ceil(n / 8) * 8;

function kindOf(a: ColumnArray): Kind {
  for (const [k, ctor] of Object.entries(kinds)) if (a instanceof ctor) return k as Kind;
  throw new IndexFormatError('unsupported column type');
}

/** SHA-256 fed in 1 GiB slices: one hash update refuses data of 2 GiB and more. */
function sha256(data: Uint8Array): Buffer {
  const h = createHash('sha256');
  for (let off = 0; off < data.length; off += 1 << 30) h.update(data.subarray(off, Math.min(data.length, off + (1 << 30))));
  return h.digest();
}

export function encodeIndexFile(meta: unknown, columns: Record<string, ColumnArray>): Buffer {
  const entries: ColumnEntry[] = [];
  let at = 0;
  for (const [name, arr] of Object.entries(columns)) {
    entries.push({ name, kind: kindOf(arr), offset: at, length: arr.length });
    at = align8(at + arr.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, columns: entries }), 'utf8');
  const fixed = MAGIC.length + 8;
  const bodyStart = align8(fixed + header.length);
  const out = Buffer.alloc(bodyStart + at + 32);
  MAGIC.copy(out, 0);
  out.writeUInt16LE(INDEX_FORMAT_VERSION, MAGIC.length);
  out.writeUInt32LE(header.length, MAGIC.length + 4);
  header.copy(out, fixed);
  for (const e of entries) {
    const arr = columns[e.name];
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, bodyStart + e.offset);
  }
  sha256(out.subarray(0, bodyStart + at)).copy(out, bodyStart + at);
  return out;
}

export function decodeIndexFile(buf: Buffer): { meta: unknown; columns: Record<string, ColumnArray> } {
  const fixed = MAGIC.length + 8;
  if (buf.length < fixed + 32 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new IndexFormatError('not a Syscope index file');
  const version = buf.readUInt16LE(MAGIC.length);
  if (version !== INDEX_FORMAT_VERSION) throw new IndexFormatError(`index format ${version}, expected ${INDEX_FORMAT_VERSION}`);
  const digest = sha256(buf.subarray(0, buf.length - 32));
  if (!digest.equals(buf.subarray(buf.length - 32))) throw new IndexFormatError('index file checksum mismatch');
  const headerLength = buf.readUInt32LE(MAGIC.length + 4);
  if (fixed + headerLength > buf.length - 32) throw new IndexFormatError('index header overruns the file');
  let parsed: { meta: unknown; columns: ColumnEntry[] };
  try {
    parsed = JSON.parse(buf.subarray(fixed, fixed + headerLength).toString('utf8'));
  } catch {
    throw new IndexFormatError('index header is not valid JSON');
  }
  const bodyStart = align8(fixed + headerLength);
  const bodyEnd = buf.length - 32;
  // A fresh, aligned copy of the body: Buffer pools may hand out unaligned memory.
  const body = new Uint8Array(bodyEnd - bodyStart);
  body.set(buf.subarray(bodyStart, bodyEnd));
  const columns: Record<string, ColumnArray> = {};
  for (const e of parsed.columns ?? []) {
    const ctor = kinds[e.kind];
    if (!ctor) throw new IndexFormatError(`unknown column type '${String(e.kind)}'`);
    if (e.offset % 8 !== 0 || e.offset + e.length * ctor.BYTES_PER_ELEMENT > body.length) {
      throw new IndexFormatError(`column '${e.name}' overruns the file`);
    }
    columns[e.name] = new ctor(body.buffer, e.offset, e.length);
  }
  return { meta: parsed.meta, columns };
}
