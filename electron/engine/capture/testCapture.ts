/**
 * Builds capture bytes by hand for unit tests: block framing, every block kind, events in v1
 * and v2 layouts. Kept beside the reader because only its tests use it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BlockType } from './blockTypes';

export function le16(v: number): Buffer { const b = Buffer.alloc(2); b.writeUInt16LE(v); return b; }
export function le32(v: number): Buffer { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b; }
export function le64(v: number | bigint): Buffer { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt.asIntN(64, BigInt(v))); return b; }
export function str16(s: string): Buffer { const t = Buffer.from(s); return Buffer.concat([le16(t.length), t]); }
export function cstr(s: string): Buffer { return Buffer.concat([Buffer.from(s), Buffer.from([0])]); }

/** A framed block: type, total length, body, zero padding to 4 bytes, trailer. */
export function block(type: number, body: Uint8Array, opts: { trailer?: number } = {}): Buffer {
  const pad = (4 - (body.length % 4)) % 4;
  const len = 12 + body.length + pad;
  return Buffer.concat([le32(type), le32(len), body, Buffer.alloc(pad), le32(opts.trailer ?? len)]);
}

export function sectionHeader(opts: { major?: number; minor?: number; options?: Array<[number, Buffer]>; magic?: number } = {}): Buffer {
  const optBytes = (opts.options ?? []).map(([code, v]) => Buffer.concat([le16(code), le16(v.length), v, Buffer.alloc((4 - (v.length % 4)) % 4)]));
  if (optBytes.length) optBytes.push(Buffer.alloc(4)); // opt_endofopt
  return block(BlockType.SECTION_HEADER, Buffer.concat([le32(opts.magic ?? 0x1a2b3c4d), le16(opts.major ?? 1), le16(opts.minor ?? 2), le64(-1), ...optBytes]));
}

export function machineInfo(opts: { cpus?: number; memory?: bigint; hostname?: string; bootTs?: bigint; type?: number } = {}): Buffer {
  const host = Buffer.alloc(128);
  host.write(opts.hostname ?? 'testhost');
  return block(opts.type ?? BlockType.MACHINE_INFO, Buffer.concat([le32(opts.cpus ?? 4), le64(opts.memory ?? 8n << 30n), le64(32768), host, le64(opts.bootTs ?? 0n), le64(0), le64(0), le64(0)]));
}

export interface TestEvent {
  type: number;
  params: Uint8Array[];
  ts?: bigint;
  tid?: number;
  cpu?: number;
  flags?: number;
  /** u32 parameter lengths (LARGE_PAYLOAD types). */
  large?: boolean;
}

/** The event itself (v2 header: ts, tid, len, type, nparams; then lengths and data). */
export function eventBytes(e: TestEvent, v1 = false): Buffer {
  const lens = e.params.map((p) => (e.large ? le32(p.length) : le16(p.length)));
  const header = v1 ? 22 : 26;
  const len = header + lens.reduce((a, b) => a + b.length, 0) + e.params.reduce((a, b) => a + b.length, 0);
  return Buffer.concat([le64(e.ts ?? 1_700_000_000_000_000_000n), le64(e.tid ?? 100), le32(len), le16(e.type), ...(v1 ? [] : [le32(e.params.length)]), ...lens, ...e.params]);
}

export function eventBlock(e: TestEvent, blockType: number = BlockType.EVENT_V2): Buffer {
  const withFlags = blockType === BlockType.EVENT_FLAGS || blockType === BlockType.EVENT_FLAGS_V2 || blockType === BlockType.EVENT_FLAGS_V2_LARGE;
  const v1 = blockType === BlockType.EVENT || blockType === BlockType.EVENT_FLAGS || blockType === BlockType.EVENT_LEGACY;
  return block(blockType, Buffer.concat([le16(e.cpu ?? 0), ...(withFlags ? [le32(e.flags ?? 0)] : []), eventBytes(e, v1)]));
}

/** A minimal capture: SHB, MI, then the given blocks. */
export function capture(...blocks: Buffer[]): Buffer {
  return Buffer.concat([sectionHeader(), machineInfo(), ...blocks]);
}

let dir: string | undefined;
let n = 0;
/** Writes bytes to a fresh temporary file and returns its path. */
export function tempCapture(bytes: Uint8Array, opts: { gzip?: boolean } = {}): string {
  dir ??= mkdtempSync(join(tmpdir(), 'syscope-capture-test-'));
  const path = join(dir, `t${n++}.scap`);
  writeFileSync(path, opts.gzip ? gzipSync(bytes) : bytes);
  return path;
}

/** An in-memory CaptureEvent (no file), for parameter and layout-upgrade tests. */
export function memoryEvent(type: number, params: Uint8Array[], opts: { tid?: number; ts?: bigint } = {}): import('./types').CaptureEvent {
  const data = Buffer.concat([Buffer.alloc(3, 0xee), ...params]); // offset 3: params never start at 0
  const paramOffset = new Uint32Array(params.length), paramLength = new Uint32Array(params.length);
  let o = 3;
  params.forEach((p, i) => { paramOffset[i] = o; paramLength[i] = p.length; o += p.length; });
  const ts = opts.ts ?? 1n;
  return { fileOffset: 0, blockType: BlockType.EVENT_V2, ts, tsHi: Number(ts >> 32n), tsLo: Number(ts & 0xffffffffn), tid: opts.tid ?? 1, type, cpu: 0, flags: 0, nparams: params.length, data, paramOffset, paramLength };
}
