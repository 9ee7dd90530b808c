/**
 * Layout upgrade ("scap converter", scap-file-format.md §12, table in scap-event-table.md §4):
 * presents events recorded with old layouts (old ids, fewer parameters, separate enter
 * events) in the newest layout, as libscap does before sinsp sees them, so consumers handle
 * one layout per event type.
 *
 * Where libscap fails hard (a missing table entry, an enter event of the wrong type stored for
 * the thread) this converter is tolerant: it passes the event unchanged, or behaves as if no
 * enter event was stored, and counts the problem. Converted events are built in one of two
 * reused scratch events (conversions chain, e.g. execve 13→155→173→...), so the result is
 * valid only until the next call, like every event the reader hands out.
 */
import type { CaptureEvent } from './types';
import { CONVERTER_ROWS } from '../../../shared/scap/eventConverterData';
import { EVENTS, EventFlag, PARAM_TYPE_SIZE, ParamType } from '../../../shared/scap/eventTable';
import { text, u64FromHalves } from './byteCursor';

const enum Action { STORE, STORE_AND_PASS, PASS, ADD_PARAMS, CHANGE_TYPE }
const enum Op { OLD, ENTER, DEFAULT, EMPTY, CALLBACK }
interface Instruction { op: Op; index: number; fallbackEmpty: boolean }
interface Conversion { action: Action; newType: number; instructions: Instruction[] }

const ACTIONS: Record<string, Action> = {
  STORE: Action.STORE, STORE_AND_PASS: Action.STORE_AND_PASS, PASS: Action.PASS, ADD_PARAMS: Action.ADD_PARAMS, CHANGE_TYPE: Action.CHANGE_TYPE,
};
const INSTR_RE = /^(OLD|ENTER|DEFAULT|EMPTY|CALLBACK)(?:\((\d+)\))?(\(fb:empty\))?$/;

/** By event id, then by parameter count (looked up for most events of old captures). */
const conversions: Array<Array<Conversion | undefined> | undefined> = [];
for (const [type, nparams, action, newType, instr] of CONVERTER_ROWS) {
  const instructions = instr === '' ? [] : instr.split(',').map((s) => {
    const m = INSTR_RE.exec(s.trim());
    if (!m) throw new Error(`converter table: unreadable instruction '${s}' for event ${type}`);
    const op = { OLD: Op.OLD, ENTER: Op.ENTER, DEFAULT: Op.DEFAULT, EMPTY: Op.EMPTY, CALLBACK: Op.CALLBACK }[m[1]]!;
    return { op, index: m[2] === undefined ? 0 : Number(m[2]), fallbackEmpty: m[3] !== undefined };
  });
  (conversions[type] ??= [])[nparams] = { action: ACTIONS[action], newType, instructions };
}

const MAX_ROUNDS = 20;
const SWEEP_STORED_AT = 1024;
const MAX_VARIABLE_PARAM = 0xffffffff;

/** An event that owns its bytes (stored enter events, conversion results). */
class OwnedEvent implements CaptureEvent {
  fileOffset = 0; blockType = 0; tsHi = 0; tsLo = 0; tid = 0; type = 0; cpu = 0; flags = 0; nparams = 0;
  data: Uint8Array = new Uint8Array(1024);
  paramOffset = new Uint32Array(32);
  paramLength = new Uint32Array(32);
  private used = 0;
  /** A stored enter event already merged into its exit: as good as absent (see LayoutUpgrader.store). */
  consumed = false;

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

  begin(from: CaptureEvent, type: number): void {
    this.fileOffset = from.fileOffset; this.blockType = from.blockType; this.tid = from.tid;
    this.cpu = from.cpu; this.flags = from.flags; this.type = type;
    if (from.tsHi !== undefined && from.tsLo !== undefined) { this.tsHi = from.tsHi; this.tsLo = from.tsLo; }
    else { const ts = from.ts; this.tsHi = Number(ts >> 32n); this.tsLo = Number(ts & 0xffffffffn); }
    // The same instant as the source event: share its bigint rather than build another.
    this.tsCache = from.ts;
    this.tsCacheHi = this.tsHi;
    this.tsCacheLo = this.tsLo;
    this.nparams = 0;
    this.used = 0;
  }

  /** Appends a parameter: `len` bytes of src from `start` (or `fill` repeated when src is null). */
  push(src: Uint8Array | null, start: number, len: number, fill = 0): void {
    const i = this.nparams++;
    if (i >= this.paramOffset.length) {
      const o = new Uint32Array(i * 2), l = new Uint32Array(i * 2);
      o.set(this.paramOffset); l.set(this.paramLength);
      this.paramOffset = o; this.paramLength = l;
    }
    if (this.used + len > this.data.length) {
      const d = new Uint8Array(Math.max(this.data.length * 2, this.used + len));
      d.set(this.data.subarray(0, this.used));
      this.data = d;
    }
    const d = this.data, at = this.used;
    // Most parameters are a few bytes: a loop beats creating a subarray view for set().
    if (src === null) for (let k = 0; k < len; k++) d[at + k] = fill;
    else if (len <= 64) for (let k = 0; k < len; k++) d[at + k] = src[start + k];
    else d.set(src.subarray(start, start + len), at);
    this.paramOffset[i] = this.used;
    this.paramLength[i] = len;
    this.used += len;
  }

  copyFrom(ev: CaptureEvent): this {
    this.begin(ev, ev.type);
    for (let i = 0; i < ev.nparams; i++) this.push(ev.data, ev.paramOffset[i], ev.paramLength[i]);
    return this;
  }
}

export interface UpgradeStats {
  /** Enter events merged into their exit (STORE) or dropped as obsolete. */
  dropped: number;
  /** Events rewritten to a newer layout. */
  converted: number;
  /** Events passed unchanged because the table had no conversion for them (libscap fails there). */
  unconvertible: number;
}

export class LayoutUpgrader {
  readonly stats: UpgradeStats = { dropped: 0, converted: 0, unconvertible: 0 };
  /** First problem of each kind, for the reader's warnings. */
  readonly problems = new Map<string, number>();
  private readonly stored = new Map<number, OwnedEvent>();
  /** Stored entries are swept of consumed ones when the map grows past this. */
  private sweepAt = SWEEP_STORED_AT;
  /** Stored events already used, kept for reuse: old captures store one per syscall. */
  private readonly spare: OwnedEvent[] = [];
  private readonly scratch = [new OwnedEvent(), new OwnedEvent()];

  /** A new section starts: stored enter events belong to the old one. */
  reset(): void {
    for (const ev of this.stored.values()) this.spare.push(ev);
    this.stored.clear();
  }

  /** The event in the newest layout, or null when the converter drops it. */
  upgrade(ev: CaptureEvent): CaptureEvent | null {
    let cur = ev;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const info = EVENTS[cur.type];
      if (info === undefined) return cur; // newer than the table: delivered raw
      const flags = info.flags;
      if (flags & EventFlag.UNUSED) { this.stats.dropped++; return null; }
      const old = (flags & EventFlag.OLD_VERSION) !== 0;
      if (!(flags & EventFlag.CONVERTER_MANAGED)) {
        if (old && info.direction === 'enter') { this.stats.dropped++; return null; }
        return cur;
      }
      const tableCount = info.params.length;
      if (info.direction === 'exit' && !old && cur.nparams === tableCount) return cur;
      if (cur.nparams > tableCount) return this.cannot(cur, `event type ${cur.type} has ${cur.nparams} parameters, more than the ${tableCount} the table knows`);
      const conv = conversions[cur.type]?.[cur.nparams];
      if (conv === undefined) return this.cannot(cur, `no layout upgrade for event type ${cur.type} with ${cur.nparams} parameters`);
      switch (conv.action) {
        case Action.PASS:
          return cur;
        case Action.STORE:
          this.store(cur);
          this.stats.dropped++;
          return null;
        case Action.STORE_AND_PASS:
          this.store(cur);
          return cur;
        default:
          cur = this.convert(cur, conv, round === 0 ? 0 : cur === this.scratch[0] ? 1 : 0);
          if (round === 0) this.stats.converted++;
      }
    }
    return this.cannot(cur, `event type ${cur.type} did not reach the newest layout in ${MAX_ROUNDS} conversions`);
  }

  private cannot(ev: CaptureEvent, problem: string): CaptureEvent {
    this.stats.unconvertible++;
    this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1);
    return ev;
  }

  // A thread's stored enter event stays in the map once consumed, to be overwritten by its next
  // one: deleting and re-adding it for every syscall made the Map rehash (a tenth of the pass's
  // allocations). Consumed entries of threads gone quiet are swept out as the map grows.
  private store(ev: CaptureEvent): void {
    let copy = this.stored.get(ev.tid);
    if (copy === undefined) {
      if (this.stored.size >= this.sweepAt) this.sweep();
      copy = this.spare.pop() ?? new OwnedEvent();
      this.stored.set(ev.tid, copy);
    }
    copy.copyFrom(ev);
    copy.consumed = false;
  }

  private sweep(): void {
    for (const [tid, e] of this.stored) {
      if (e.consumed) { this.stored.delete(tid); this.spare.push(e); }
    }
    this.sweepAt = Math.max(SWEEP_STORED_AT, this.stored.size * 2);
  }

  private convert(cur: CaptureEvent, conv: Conversion, into: number): OwnedEvent {
    const out = this.scratch[into];
    const changeType = conv.action === Action.CHANGE_TYPE;
    const newType = changeType ? conv.newType : cur.type;
    out.begin(cur, newType);
    if (!changeType) for (let i = 0; i < cur.nparams; i++) out.push(cur.data, cur.paramOffset[i], cur.paramLength[i]);
    let enter = this.stored.get(cur.tid);
    if (enter !== undefined && (enter.consumed || enter.type !== cur.type - 1)) enter = undefined;
    const targetParams = EVENTS[newType]?.params ?? [];
    let usedEnter = false;
    for (const ins of conv.instructions) {
      const targetType = targetParams[out.nparams]?.type ?? ParamType.BYTEBUF;
      switch (ins.op) {
        case Op.OLD:
          this.copyParam(out, cur, ins.index, targetType);
          break;
        case Op.ENTER:
          if (enter !== undefined && ins.index < enter.nparams) {
            this.copyParam(out, enter, ins.index, targetType);
            usedEnter = true;
          } else if (ins.fallbackEmpty) out.push(null, 0, 0);
          else pushDefault(out, targetType);
          break;
        case Op.DEFAULT:
          pushDefault(out, targetType);
          break;
        case Op.EMPTY:
          out.push(null, 0, 0);
          break;
        case Op.CALLBACK: {
          const json = oldContainerJson(cur);
          out.push(json, 0, json.length);
          break;
        }
      }
    }
    if (usedEnter) enter!.consumed = true;
    return out;
  }

  // Copied values are cut to the target's size (fixed types) or the variable-size maximum.
  private copyParam(out: OwnedEvent, from: CaptureEvent, i: number, targetType: number): void {
    if (i >= from.nparams) { out.push(null, 0, 0); return; }
    const max = PARAM_TYPE_SIZE[targetType] || MAX_VARIABLE_PARAM;
    out.push(from.data, from.paramOffset[i], Math.min(from.paramLength[i], max));
  }
}

function pushDefault(out: OwnedEvent, type: number): void {
  const size = PARAM_TYPE_SIZE[type];
  out.push(null, 0, size, type === ParamType.UID || type === ParamType.GID ? 0xff : 0);
}

// The very old container event (228: id, type, name, image) becomes the JSON of event 272.
function oldContainerJson(ev: CaptureEvent): Uint8Array {
  const str = (i: number): string => {
    if (i >= ev.nparams || ev.paramLength[i] === 0) return '';
    const o = ev.paramOffset[i];
    let e = o;
    while (e < o + ev.paramLength[i] && ev.data[e] !== 0) e++;
    return text(ev.data, o, e);
  };
  const num = ev.nparams > 1 && ev.paramLength[1] >= 4
    ? new DataView(ev.data.buffer, ev.data.byteOffset + ev.paramOffset[1], 4).getUint32(0, true) : 0;
  const json = `{"id":${JSON.stringify(str(0))},"type":${num},"name":${JSON.stringify(str(2))},"image":${JSON.stringify(str(3))}}`;
  return new TextEncoder().encode(json + '\0');
}
