/**
 * Decodes the event inside an event block (scap-file-format.md §9, §11) into one reused
 * CaptureEvent: no allocation per event. `data` is the chunk buffer itself and the parameter
 * offsets point into it, so the event is only valid during the visitor call.
 */
import type { CaptureEvent } from './types';
import { BlockType, hasEventFlags } from './blockTypes';
import { EVENT_COUNT, EVENT_LARGE_PAYLOAD, EVENT_PARAM_COUNT } from '../../../shared/scap/eventTable';
import { u32, u64FromHalves } from './byteCursor';

const V1_HEADER = 22;
/** Far above any event type's count (the largest has 31); bounds memory on damaged input. */
const MAX_PARAMS = 4096;
const V2_HEADER = 26;
// v1 events of these types were written with a length 3 bytes too long (§11).
const NOTIFICATION_E = 280;
const INFRA_E = 286;

/** The reader's single, reused event. */
export class DecodedEvent implements CaptureEvent {
  fileOffset = 0;
  blockType = 0;
  tsHi = 0;
  tsLo = 0;
  tid = 0;
  type = 0;
  cpu = 0;
  flags = 0;
  nparams = 0;
  data: Uint8Array = new Uint8Array(0);
  paramOffset = new Uint32Array(32);
  paramLength = new Uint32Array(32);

  // The state engine, the inspector and the indexer each read ts; building the bigint once per
  // event instead of per read took 5% off the indexing pass.
  private tsCache = 0n;
  private tsCacheHi = 0;
  private tsCacheLo = 0;

  get ts(): bigint {
    if (this.tsHi !== this.tsCacheHi || this.tsLo !== this.tsCacheLo) {
      this.tsCacheHi = this.tsHi;
      this.tsCacheLo = this.tsLo;
      this.tsCache = u64FromHalves(this.tsHi, this.tsLo);
    }
    return this.tsCache;
  }

  ensureParams(n: number): void {
    if (n <= this.paramOffset.length) return;
    let size = this.paramOffset.length;
    while (size < n) size *= 2;
    this.paramOffset = new Uint32Array(size);
    this.paramLength = new Uint32Array(size);
  }
}

/**
 * Whether an event block is just its event plus at most 3 bytes of padding: where its trailer
 * disagrees, this decides whether its length is believable (libscap checks the trailers of
 * metadata blocks only).
 */
export function blockFitsEvent(b: Uint8Array, pos: number, len: number, type: number): boolean {
  const head = 10 + (hasEventFlags(type) ? 4 : 0);
  const slack = len - 4 - head - u32(b, pos + head + 16);
  return slack >= 0 && slack <= 3;
}

// The reader reads the chunk through a DataView made once per chunk: one bounds-checked load
// per field, where assembling bytes took a load and a check per byte (and made every u32 a
// double). Kept here, not on the event, because the event is part of checkpointed state.
let viewed: Uint8Array | null = null;
let view: DataView = new DataView(new ArrayBuffer(0));

/** A DataView of all of b, made again only when b is another chunk. */
export function chunkView(b: Uint8Array): DataView {
  if (b !== viewed) {
    viewed = b;
    view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  return view;
}

/** A signed 64-bit value as a number: exact within ±2^53 (as byteCursor's i64n). */
function i64At(v: DataView, o: number): number {
  const lo = v.getInt32(o, true);
  const hi = v.getInt32(o + 4, true);
  // A tid that fits 32 bits stays a small integer, which V8 keeps unboxed.
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return lo;
  return hi * 0x100000000 + (lo >>> 0);
}

/**
 * Fills `ev` from the event block at b[blockStart .. blockStart+blockLen). Returns null on
 * success, or a one-line description of what is wrong with the event.
 */
export function decodeEventBlock(ev: DecodedEvent, b: Uint8Array, blockStart: number, blockLen: number, blockType: number): string | null {
  const v = chunkView(b);
  const bodyEnd = blockStart + blockLen - 4;
  const flagged = hasEventFlags(blockType);
  const e = blockStart + (flagged ? 14 : 10);
  const v1 = blockType === BlockType.EVENT || blockType === BlockType.EVENT_FLAGS || blockType === BlockType.EVENT_LEGACY;
  const header = v1 ? V1_HEADER : V2_HEADER;
  // Checked before any read: a DataView throws past its end, where byte reads gave undefined.
  if (e + header > bodyEnd) return `event header does not fit in a block of ${blockLen} bytes`;
  const flags = flagged ? v.getUint32(blockStart + 10, true) : 0;
  const type = v.getUint16(e + 20, true);
  let len = v.getUint32(e + 16, true);
  ev.blockType = blockType;
  ev.tsLo = v.getUint32(e, true);
  ev.tsHi = v.getUint32(e + 4, true);
  ev.tid = i64At(v, e + 8);
  ev.type = type;
  ev.cpu = v.getUint16(blockStart + 8, true);
  ev.flags = flags;
  ev.nparams = 0;
  // The chunk changes once per chunk: a store per event costs a write barrier each time, the
  // chunk being young and the reused event old.
  if (ev.data !== b) ev.data = b;
  if (v1 && (type === NOTIFICATION_E || type === INFRA_E)) len -= 3;
  if (len < header) return `event length ${len} is shorter than its header`;
  if (e + len > bodyEnd) return `event length ${len} runs past the end of its ${blockLen}-byte block`;
  let nparams: number;
  if (v1) {
    // Older captures write v1 events: the count that fits is laid out as it is found, not read twice.
    if (type < EVENT_COUNT) return fillV1Params(ev, v, e, len, type) ? null : v1Mismatch(type, len);
    nparams = v1ParamCount(v, e, len);
    if (nparams < 0) return v1Mismatch(type, len);
    return fillParams(ev, v, e, len, header, nparams, 2);
  }
  nparams = v.getUint32(e + 22, true);
  const large = type < EVENT_COUNT && EVENT_LARGE_PAYLOAD[type] === 1;
  let problem = fillParams(ev, v, e, len, header, nparams, large ? 4 : 2);
  // A producer that wrote a large-payload type before it became one used u16 lengths.
  if (problem !== null && large && fillParams(ev, v, e, len, header, nparams, 2) === null) problem = null;
  return problem;
}

function fillParams(ev: DecodedEvent, v: DataView, e: number, len: number, header: number, nparams: number, width: number): string | null {
  const type = ev.type;
  if (header + nparams * width > len) return `event of type ${type} claims ${nparams} parameters, more than its length ${len} can hold`;
  if (nparams > MAX_PARAMS) return `event of type ${type} claims ${nparams} parameters (no event type has more than ${MAX_PARAMS})`;
  ev.ensureParams(nparams);
  const offs = ev.paramOffset, lens = ev.paramLength;
  const end = e + len;
  let l = e + header;
  let p = l + nparams * width;
  for (let i = 0; i < nparams; i++, l += width) {
    const n = width === 2 ? v.getUint16(l, true) : v.getUint32(l, true);
    offs[i] = p;
    lens[i] = n;
    p += n;
  }
  if (p > end) return `parameters of event type ${type} need ${p - e} bytes but the event is ${len} bytes long`;
  ev.nparams = nparams;
  return null;
}

function v1Mismatch(type: number, len: number): string {
  return `old-format event of type ${type} has parameter lengths that do not add up to its length ${len}`;
}

/**
 * v1 headers lack nparams: the count is the one whose lengths exactly fill the event (§11),
 * tried from the table's count down. Fills ev's parameters for it; false when no count fits.
 */
function fillV1Params(ev: DecodedEvent, v: DataView, e: number, len: number, type: number): boolean {
  const most = EVENT_PARAM_COUNT[type];
  ev.ensureParams(most);
  const offs = ev.paramOffset, lens = ev.paramLength;
  for (let n = most; n >= 0; n--) {
    if (V1_HEADER + 2 * n > len) continue;
    let end = V1_HEADER + 2 * n;
    for (let k = 0; k < n; k++) {
      const l = v.getUint16(e + V1_HEADER + 2 * k, true);
      offs[k] = e + end;
      lens[k] = l;
      end += l;
    }
    if (end === len) { ev.nparams = n; return true; }
    if (end < len) return false;
  }
  return false;
}

/** The count of a v1 event whose id is newer than the table: the smallest that fills it exactly; -1 when none does. */
function v1ParamCount(v: DataView, e: number, len: number): number {
  let end = V1_HEADER;
  for (let n = 0; V1_HEADER + 2 * n <= len; n++) {
    if (end === len) return n;
    if (end > len) return -1;
    end += 2 + v.getUint16(e + V1_HEADER + 2 * n, true);
  }
  return -1;
}
