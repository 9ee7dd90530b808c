/**
 * The event group's tuple of each event (evt.type, evt.category, evt.res, byte and error
 * counts...), a part of the recorder (eventValues.ts). It is decided by the event kind (id,
 * generic syscall code, parameter count, fd types) and its result, and for procinfo events by
 * their CPU tick totals too. The latest pair of each slot of kinds, and each tid's latest
 * procinfo sample, are compared before any hashed lookup.
 */
import type { EventContext } from '../inspector/eventContext';
import { eventFd } from '../fields/fdFields';
import { PROCINFO } from '../views/tableFields';
import { NumberPairTable } from './numberPairTable';
import type { TupleGroup } from './tupleGroup';
import type { RecordedField } from './valueColumns';

// Event kinds: the key packs id (or generic syscall code), parameter count and two fd types
// into 28 bits, a small integer V8 does not box (a 36-bit key was a heap number per event).
const MAX_CODE = 1024;
export const MAX_KIND_ID = 1024;
const NO_RESULT = -0.5;
// Procinfo samples kept by tid (its low bits pick the slot). The bench copy's come from 1,005
// tids: 213 of them shared one of 4,096 slots with another, and each sample of two such tids
// pushed the other's out (400,667 of 1,880,626 samples missed for that alone); at 16,384
// slots 16 share one.
const SAMPLE_SLOTS = 16384;
// A sample's tid, kind and tick totals sit side by side (one place read per lookup, not four).
const SAMPLE_WORDS = 4;
// Recent event kinds, by a hash of the whole kind (2^RECENT_KIND_BITS slots). Picked by the
// event id and parameter count alone, the kinds of one event on different fd types shared a
// slot and pushed each other out (91,830 of 1,386,978 lookups on the 200 MB bench copy).
const RECENT_KIND_BITS = 12;
const RECENT_KIND_SLOTS = 1 << RECENT_KIND_BITS;

/**
 * A procinfo tick total as a lookup key: u64Param's value (what the recorded field reads), as a
 * small integer when it fits 31 bits so that it is not boxed.
 */
function ticksKey(ev: EventContext['ev'], i: number): number | undefined {
  if (i >= ev.nparams || ev.paramLength[i] < 8) return undefined;
  const o = ev.paramOffset[i];
  const d = ev.data;
  const lo = d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24);
  const hi = (d[o + 4] | (d[o + 5] << 8) | (d[o + 6] << 16) | (d[o + 7] << 24)) >>> 0;
  if (hi === 0 && lo >= 0) return lo;
  return hi * 0x100000000 + (lo >>> 0);
}

function genericCode(ctx: EventContext): number {
  const ev = ctx.ev;
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0 && ev.paramLength[0] === 2) return ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8);
  return 0;
}

export class EventKindTuples {
  /** (event kind, result) → tuple. */
  private readonly eventTuples = new NumberPairTable();
  /**
   * The latest (kind, result) of each slot and its tuple + 1 (0 = none), in front of eventTuples:
   * enter events have no result, and many exits repeat the result of the kind's previous one
   * (on the 200 MB copy 1,140,308 of 1,386,978 lookups are the slot's previous pair).
   */
  private readonly recentKinds = new Int32Array(RECENT_KIND_SLOTS);
  private readonly recentResults = new Float64Array(RECENT_KIND_SLOTS);
  private readonly recentKindTuples = new Int32Array(RECENT_KIND_SLOTS);
  /** procinfo event kind → (user ticks, system ticks) → tuple. */
  private readonly procinfoTuples = new Map<number, NumberPairTable>();
  private lastProcinfoKind = -1;
  private lastProcinfoTuples = new NumberPairTable();
  /**
   * Each tid's latest procinfo sample (tid, kind, tick totals) and its tuple + 1 (0 = none), in
   * front of the lookup by tick totals: a thread's sample mostly repeats its previous one (on the
   * 200 MB copy 1,776,558 of 1,880,626 carry the tick totals of their tid's previous sample), and
   * comparing four numbers costs less than a hashed lookup.
   */
  private readonly samples = new Float64Array(SAMPLE_SLOTS * SAMPLE_WORDS);
  private readonly sampleTuples = new Int32Array(SAMPLE_SLOTS);

  constructor(
    private readonly event: TupleGroup<EventContext>,
    private readonly rawres: RecordedField<EventContext>['field']['get'],
  ) {}

  tupleOf(ctx: EventContext): number {
    const ev = ctx.ev;
    const code = genericCode(ctx);
    if (code >= MAX_CODE || ev.nparams >= 64 || ev.type >= MAX_KIND_ID) return this.event.resolve(ctx);
    const esFd = ctx.es.fd;
    // The table layer's byte and error counts read fd.type (the table entry, eventFd).
    const tableFd = eventFd(ctx);
    // Generic events (ids 0 and 1) by their syscall code below 2 × MAX_CODE, other ids above.
    const id = ev.type < 2 ? ev.type * MAX_CODE + code : 2 * MAX_CODE + ev.type;
    const kind = ((id * 64 + ev.nparams) * 32 + (esFd ? esFd.type + 1 : 0)) * 32 + (tableFd ? tableFd.type + 1 : 0);
    // evt.count.procinfo counts only a main thread's procinfo events: that goes into the kind.
    if (ev.type === PROCINFO) return this.procinfoTuple(ctx, ctx.es.thread?.isMainThread ? kind : -1 - kind);
    const res = this.rawres(ctx);
    const resKey = typeof res === 'number' ? res : res === undefined ? NO_RESULT : NaN;
    if (Number.isNaN(resKey)) return this.event.resolve(ctx);
    const slot = Math.imul(kind, 0x9e3779b1) >>> (32 - RECENT_KIND_BITS);
    if (this.recentKindTuples[slot] !== 0 && this.recentKinds[slot] === kind && this.recentResults[slot] === resKey) return this.recentKindTuples[slot] - 1;
    let tuple = this.eventTuples.get(kind, resKey);
    if (tuple < 0) this.eventTuples.add(kind, resKey, (tuple = this.event.resolve(ctx)));
    this.recentKinds[slot] = kind;
    this.recentResults[slot] = resKey;
    this.recentKindTuples[slot] = tuple + 1;
    return tuple;
  }

  /**
   * A procinfo event of a thread the table lacks: with no thread there is no fd (hasFd), so its
   * kind is its parameter count alone and only its tick totals are looked up.
   */
  threadlessProcinfoTuple(ctx: EventContext): number {
    const nparams = ctx.ev.nparams;
    if (nparams >= 64) return this.event.resolve(ctx);
    return this.procinfoTuple(ctx, -1 - ((2 * MAX_CODE + PROCINFO) * 64 + nparams) * 32 * 32);
  }

  /**
   * procinfo events (half the events of some captures) differ only in their CPU tick totals:
   * one lookup by both totals (the kind rarely changes, so its table is kept at hand).
   */
  private procinfoTuple(ctx: EventContext, kind: number): number {
    const usr = ticksKey(ctx.ev, 0);
    const sys = ticksKey(ctx.ev, 1);
    if (usr === undefined || sys === undefined || this.rawres(ctx) !== undefined) return this.event.resolve(ctx);
    const tid = ctx.ev.tid;
    const slot = tid & (SAMPLE_SLOTS - 1);
    const samples = this.samples;
    const at = slot * SAMPLE_WORDS;
    if (this.sampleTuples[slot] !== 0 && samples[at] === tid && samples[at + 1] === kind
      && samples[at + 2] === usr && samples[at + 3] === sys) return this.sampleTuples[slot] - 1;
    let byTicks = this.lastProcinfoTuples;
    if (kind !== this.lastProcinfoKind) {
      let tuples = this.procinfoTuples.get(kind);
      if (!tuples) this.procinfoTuples.set(kind, (tuples = new NumberPairTable()));
      byTicks = tuples;
      this.lastProcinfoKind = kind;
      this.lastProcinfoTuples = byTicks;
    }
    let tuple = byTicks.get(usr, sys);
    if (tuple < 0) byTicks.add(usr, sys, (tuple = this.event.resolve(ctx)));
    samples[at] = tid;
    samples[at + 1] = kind;
    samples[at + 2] = usr;
    samples[at + 3] = sys;
    this.sampleTuples[slot] = tuple + 1;
    return tuple;
  }
}
