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
 *
 * Old captures go through here for every syscall (enter stored, exit converted), so the table
 * is compiled once into plans: what each event id needs (by typed arrays), and for each
 * conversion the steps with the target's size cut and default already worked out. An event's
 * own parameters are contiguous bytes in the reader's chunk, so they are copied as one block.
 */
import type { CaptureEvent } from './types';
import { CONVERTER_ROWS } from '../../../shared/scap/eventConverterData';
import { EVENTS, EventFlag, PARAM_TYPE_SIZE, ParamType } from '../../../shared/scap/eventTable';
import { text, u64FromHalves } from './byteCursor';

const enum Action { STORE, STORE_AND_PASS, PASS, ADD_PARAMS, CHANGE_TYPE }
const enum Source { OLD, ENTER, FILL, CALLBACK }
/** One parameter of a conversion's result. */
interface Step {
  source: Source;
  /** Parameter index in the old event (OLD) or in the stored enter event (ENTER). */
  index: number;
  /** Longest copy the target parameter takes: its fixed size, or the variable-size maximum. */
  cut: number;
  /** FILL, and ENTER without a usable enter event: that many bytes of `fill`. */
  fillBytes: number;
  fill: number;
}
interface Conversion {
  action: Action;
  newType: number;
  /** ADD_PARAMS: the event's own parameters come first, uncut. */
  keepsOwn: boolean;
  /** Some step takes a parameter of the thread's stored enter event. */
  usesEnter: boolean;
  /** The lowest enter parameter a step takes: an enter event with more parameters is used up. */
  firstEnterIndex: number;
  /** The result is already in the newest layout (one conversion, nothing stored): it may be built later. */
  final: boolean;
  /** The type of the result. */
  outType: number;
  steps: Step[];
}

const ACTIONS: Record<string, Action> = {
  STORE: Action.STORE, STORE_AND_PASS: Action.STORE_AND_PASS, PASS: Action.PASS, ADD_PARAMS: Action.ADD_PARAMS, CHANGE_TYPE: Action.CHANGE_TYPE,
};
const INSTR_RE = /^(OLD|ENTER|DEFAULT|EMPTY|CALLBACK)(?:\((\d+)\))?(\(fb:empty\))?$/;
const MAX_VARIABLE_PARAM = 0xffffffff;

/** DEFAULT of a type: zero of its size, except ids (-1, all bits set). */
function defaultFill(type: number): number {
  return type === ParamType.UID || type === ParamType.GID ? 0xff : 0;
}

function compileConversion(type: number, nparams: number, action: Action, newType: number, instr: string): Conversion {
  const changeType = action === Action.CHANGE_TYPE;
  const targetParams = EVENTS[changeType ? newType : type]?.params ?? [];
  const keepsOwn = action === Action.ADD_PARAMS;
  const steps = instr === '' ? [] : instr.split(',').map((s, k): Step => {
    const m = INSTR_RE.exec(s.trim());
    if (!m) throw new Error(`converter table: unreadable instruction '${s}' for event ${type}`);
    const index = m[2] === undefined ? 0 : Number(m[2]);
    // Every step adds one parameter, so the target parameter of each step is known here.
    const targetType = targetParams[(changeType ? 0 : nparams) + k]?.type ?? ParamType.BYTEBUF;
    const cut = PARAM_TYPE_SIZE[targetType] || MAX_VARIABLE_PARAM;
    const defaultBytes = PARAM_TYPE_SIZE[targetType];
    switch (m[1]) {
      case 'OLD': // the table is keyed by parameter count: a missing old parameter is always missing
        return index < nparams ? { source: Source.OLD, index, cut, fillBytes: 0, fill: 0 } : { source: Source.FILL, index, cut, fillBytes: 0, fill: 0 };
      case 'ENTER':
        return m[3] !== undefined ? { source: Source.ENTER, index, cut, fillBytes: 0, fill: 0 }
          : { source: Source.ENTER, index, cut, fillBytes: defaultBytes, fill: defaultFill(targetType) };
      case 'DEFAULT':
        return { source: Source.FILL, index, cut, fillBytes: defaultBytes, fill: defaultFill(targetType) };
      case 'EMPTY':
        return { source: Source.FILL, index, cut, fillBytes: 0, fill: 0 };
      default:
        return { source: Source.CALLBACK, index, cut, fillBytes: 0, fill: 0 };
    }
  });
  const enterIndexes = steps.filter((s) => s.source === Source.ENTER).map((s) => s.index);
  return { action, newType, keepsOwn, usesEnter: enterIndexes.length > 0, firstEnterIndex: Math.min(...enterIndexes), final: false, outType: changeType ? newType : type, steps };
}

/** By event id, then by parameter count (looked up for most events of old captures). */
const conversions: Array<Array<Conversion | undefined> | undefined> = [];
for (const [type, nparams, action, newType, instr] of CONVERTER_ROWS) {
  (conversions[type] ??= [])[nparams] = compileConversion(type, nparams, ACTIONS[action], newType, instr);
}

/** What an event id needs, before its parameter count is looked at. */
const enum Route { AS_IS, DROP, CONVERT, CONVERT_UNLESS_CURRENT }
const ROUTES = new Uint8Array(EVENTS.length);
const TABLE_PARAM_COUNT = new Uint16Array(EVENTS.length);
for (const info of EVENTS) {
  const old = (info.flags & EventFlag.OLD_VERSION) !== 0;
  TABLE_PARAM_COUNT[info.id] = info.params.length;
  ROUTES[info.id] = info.flags & EventFlag.UNUSED ? Route.DROP
    : !(info.flags & EventFlag.CONVERTER_MANAGED) ? (old && info.direction === 'enter' ? Route.DROP : Route.AS_IS)
    : info.direction === 'exit' && !old ? Route.CONVERT_UNLESS_CURRENT : Route.CONVERT;
}

const MAX_ROUNDS = 20;

/** The conversion upgrade() applies next to a result of conv, if any. */
function nextConversion(conv: Conversion, nparams: number): Conversion | undefined {
  const outType = conv.outType;
  const outCount = (conv.keepsOwn ? nparams : 0) + conv.steps.length;
  const outRoute = outType < ROUTES.length ? ROUTES[outType] : Route.AS_IS;
  if (outRoute === Route.AS_IS || outRoute === Route.DROP || outCount > TABLE_PARAM_COUNT[outType]) return undefined;
  if (outRoute === Route.CONVERT_UNLESS_CURRENT && outCount === TABLE_PARAM_COUNT[outType]) return undefined;
  return conversions[outType]?.[outCount];
}

/** upgrade() would hand the result of conv out unchanged in the next round. */
function isFinal(conv: Conversion, nparams: number): boolean {
  const outType = conv.outType;
  const outCount = (conv.keepsOwn ? nparams : 0) + conv.steps.length;
  const outRoute = outType < ROUTES.length ? ROUTES[outType] : Route.AS_IS;
  return outRoute === Route.AS_IS
    || (outRoute === Route.CONVERT_UNLESS_CURRENT && outCount === TABLE_PARAM_COUNT[outType])
    || (outRoute !== Route.DROP && outCount <= TABLE_PARAM_COUNT[outType] && conversions[outType]?.[outCount]?.action === Action.PASS);
}

/** A step of `then` that copies parameter j of first's result (cut to `cut`), as a step on first's input. */
function throughFirst(first: Conversion, nparams: number, j: number, cut: number): Step | undefined {
  if (j < nparams) return { source: Source.OLD, index: j, cut, fillBytes: 0, fill: 0 };
  const f = first.steps[j - nparams];
  if (f.source === Source.CALLBACK) return undefined;
  return { source: f.source, index: f.index, cut: Math.min(f.cut, cut), fillBytes: Math.min(f.fillBytes, cut), fill: f.fill };
}

/**
 * Two rounds that each add parameters to the same event (open, socket, connect, fcntl exits of
 * old captures: 4 → 5 → 6 parameters) as one conversion, so the event is built once, and can be
 * deferred. Only where the second round's use of the stored enter event is known in advance:
 * none, the same as the first round's (the first uses none), or none left (the first uses it
 * up from a lower parameter, or finds it unusable for the same reasons).
 */
function composeAdditions(first: Conversion, nparams: number, then: Conversion): Conversion | undefined {
  if (first.action !== Action.ADD_PARAMS || then.action !== Action.ADD_PARAMS) return undefined;
  if (then.usesEnter && first.usesEnter && first.firstEnterIndex > then.firstEnterIndex) return undefined;
  const enterUsedUp = then.usesEnter && first.usesEnter;
  const steps = [...first.steps];
  for (const step of then.steps) {
    if (step.source === Source.OLD) {
      const mapped = throughFirst(first, nparams, step.index, step.cut);
      if (mapped === undefined) return undefined;
      steps.push(mapped);
    } else if (step.source === Source.ENTER && enterUsedUp) {
      steps.push({ source: Source.FILL, index: step.index, cut: step.cut, fillBytes: step.fillBytes, fill: step.fill });
    } else if (step.source === Source.CALLBACK) {
      return undefined;
    } else steps.push(step);
  }
  const byEnter = first.usesEnter ? first : then;
  return { ...first, usesEnter: byEnter.usesEnter, firstEnterIndex: byEnter.firstEnterIndex, final: false, steps };
}

for (const [type, nparams] of CONVERTER_ROWS) {
  let conv = conversions[type]![nparams]!;
  if (conv.action !== Action.ADD_PARAMS && conv.action !== Action.CHANGE_TYPE) continue;
  for (let round = 0; round < MAX_ROUNDS && !isFinal(conv, nparams); round++) {
    const next = nextConversion(conv, nparams);
    const composed = next === undefined ? undefined : composeAdditions(conv, nparams, next);
    if (composed === undefined) break;
    conv = composed;
  }
  conv.final = isFinal(conv, nparams);
  conversions[type]![nparams] = conv;
}

const SWEEP_STORED_AT = 1024;
/** Copies up to this many bytes byte by byte: cheaper than the subarray view set() needs. */
const SMALL_COPY = 64;
/** Impossible as a u32 half: the timestamp cache is stale until ts is read. */
const NO_TS = -1;

function copyBytes(to: Uint8Array, at: number, src: Uint8Array, start: number, len: number): void {
  if (len <= SMALL_COPY) for (let k = 0; k < len; k++) to[at + k] = src[start + k];
  else to.set(src.subarray(start, start + len), at);
}

/** An event that owns its bytes (stored enter events, conversion results). */
export class OwnedEvent implements CaptureEvent {
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

  /**
   * Takes `from`'s header under `type`, with no parameters yet. Its ts bigint is made only if
   * read: the indexing pass reads the recorded event's, never a stored or converted one's.
   */
  begin(from: CaptureEvent, type: number): void {
    this.fileOffset = from.fileOffset; this.blockType = from.blockType; this.tid = from.tid;
    this.cpu = from.cpu; this.flags = from.flags; this.type = type;
    if (from.tsHi !== undefined && from.tsLo !== undefined) { this.tsHi = from.tsHi; this.tsLo = from.tsLo; }
    else { const ts = from.ts; this.tsHi = Number(ts >> 32n); this.tsLo = Number(ts & 0xffffffffn); }
    this.tsCacheHi = NO_TS;
    this.nparams = 0;
    this.used = 0;
  }

  /** Room for `params` more parameters. */
  reserveParams(params: number): void {
    const need = this.nparams + params;
    if (need <= this.paramOffset.length) return;
    const size = Math.max(this.paramOffset.length * 2, need);
    const o = new Uint32Array(size), l = new Uint32Array(size);
    o.set(this.paramOffset); l.set(this.paramLength);
    this.paramOffset = o; this.paramLength = l;
  }

  private reserveBytes(len: number): void {
    if (this.used + len <= this.data.length) return;
    const d = new Uint8Array(Math.max(this.data.length * 2, this.used + len));
    d.set(this.data.subarray(0, this.used));
    this.data = d;
  }

  /** Appends `len` bytes of src from `start` as a parameter (parameter room reserved). */
  append(src: Uint8Array, start: number, len: number): void {
    this.reserveBytes(len);
    copyBytes(this.data, this.used, src, start, len);
    this.close(len);
  }

  /** Appends `len` bytes of `fill` as a parameter (parameter room reserved). */
  appendFill(len: number, fill: number): void {
    this.reserveBytes(len);
    const d = this.data, at = this.used;
    for (let k = 0; k < len; k++) d[at + k] = fill;
    this.close(len);
  }

  private close(len: number): void {
    const i = this.nparams++;
    this.paramOffset[i] = this.used;
    this.paramLength[i] = len;
    this.used += len;
  }

  /** Appends all of ev's parameters, uncut: one copy when they are contiguous, as decoded events' are. */
  appendParamsOf(ev: CaptureEvent): void {
    const n = ev.nparams;
    if (n === 0) return;
    this.reserveParams(n);
    const offs = ev.paramOffset, lens = ev.paramLength;
    const start = offs[0];
    let end = start;
    for (let i = 0; i < n; i++) {
      if (offs[i] !== end) {
        for (let k = 0; k < n; k++) this.append(ev.data, offs[k], lens[k]);
        return;
      }
      end += lens[i];
    }
    const total = end - start;
    this.reserveBytes(total);
    copyBytes(this.data, this.used, ev.data, start, total);
    const shift = this.used - start, np = this.nparams;
    const myOffs = this.paramOffset, myLens = this.paramLength;
    for (let i = 0; i < n; i++) { myOffs[np + i] = offs[i] + shift; myLens[np + i] = lens[i]; }
    this.nparams = np + n;
    this.used += total;
  }
}

/**
 * An event whose conversion to the newest layout is built only when its parameters are first
 * read (LayoutUpgrader.upgradeWhenRead): its type and header are known at once. Like every
 * upgraded event it is valid only until the upgrader's next call.
 */
export class DeferredUpgrade implements CaptureEvent {
  type = 0;
  private source: CaptureEvent | null = null;
  private upgrader: LayoutUpgrader | null = null;
  private conv: Conversion | null = null;
  private enter: OwnedEvent | undefined = undefined;
  /** The conversion once built (null until a parameter is read). */
  built: OwnedEvent | null = null;

  arm(upgrader: LayoutUpgrader, source: CaptureEvent, conv: Conversion, enter: OwnedEvent | undefined): void {
    this.upgrader = upgrader;
    this.source = source;
    this.conv = conv;
    this.enter = enter;
    this.built = null;
    this.type = conv.outType;
  }

  /** The conversion, built on first use. */
  event(): OwnedEvent {
    return this.built ??= this.upgrader!.build(this.source!, this.conv!, 0, this.enter);
  }

  /** Known without building: the kept parameters, then one per step. */
  get nparams(): number {
    if (this.built !== null) return this.built.nparams;
    const conv = this.conv!;
    return (conv.keepsOwn ? this.source!.nparams : 0) + conv.steps.length;
  }

  /**
   * The event holding parameter i at index i. A conversion that keeps the recorded parameters
   * (ADD_PARAMS) leaves them where they were, byte for byte, so while it is unbuilt they are read
   * from the recorded event: the state engine reads only those of most exits it reads at all
   * (a close's res, an mmap's vm sizes, a recvfrom's tuple), and so builds none of them.
   */
  holderOf(i: number): CaptureEvent {
    return this.built === null && this.conv!.keepsOwn && i < this.source!.nparams ? this.source! : this.event();
  }
  get data(): Uint8Array { return this.event().data; }
  get paramOffset(): Uint32Array { return this.event().paramOffset; }
  get paramLength(): Uint32Array { return this.event().paramLength; }
  get fileOffset(): number { return this.source!.fileOffset; }
  get blockType(): number { return this.source!.blockType; }
  get ts(): bigint { return this.source!.ts; }
  get tsHi(): number | undefined { return this.source!.tsHi; }
  get tsLo(): number | undefined { return this.source!.tsLo; }
  get tid(): number { return this.source!.tid; }
  get cpu(): number { return this.source!.cpu; }
  get flags(): number { return this.source!.flags; }
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
  /** The entry of `stored` written last (its exit usually comes next): saves most Map lookups. */
  private lastStored: OwnedEvent | null = null;
  /** Stored entries are swept of consumed ones when the map grows past this. */
  private sweepAt = SWEEP_STORED_AT;
  /** Stored events already used, kept for reuse: old captures store one per syscall. */
  private readonly spare: OwnedEvent[] = [];
  private readonly scratch = [new OwnedEvent(), new OwnedEvent()];
  private readonly deferred = new DeferredUpgrade();
  /**
   * The copy store() made of the event last handed to upgrade() or upgradeWhenRead(), when it
   * stored that event as recorded (else null): the state engine keeps it as the thread's enter
   * event instead of copying the same bytes again. A stored copy changes only when its thread
   * stores its next enter event, or, once an exit of its thread has consumed it, when a sweep
   * hands it to another thread: either way after the thread's exit that could read it.
   */
  storedAsRecorded: OwnedEvent | null = null;

  /** A new section starts: stored enter events belong to the old one. */
  reset(): void {
    for (const ev of this.stored.values()) this.spare.push(ev);
    this.stored.clear();
    this.lastStored = null;
  }

  /** The event in the newest layout, or null when the converter drops it. */
  upgrade(ev: CaptureEvent): CaptureEvent | null {
    this.storedAsRecorded = null;
    let cur = ev;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const type = cur.type;
      const route = type < ROUTES.length ? ROUTES[type] : Route.AS_IS; // newer than the table: delivered raw
      if (route === Route.AS_IS) return cur;
      if (route === Route.DROP) { this.stats.dropped++; return null; }
      const tableCount = TABLE_PARAM_COUNT[type];
      const n = cur.nparams;
      if (n === tableCount && route === Route.CONVERT_UNLESS_CURRENT) return cur;
      if (n > tableCount) return this.cannot(cur, `event type ${type} has ${n} parameters, more than the ${tableCount} the table knows`);
      const conv = conversions[type]?.[n];
      if (conv === undefined) return this.cannot(cur, `no layout upgrade for event type ${type} with ${n} parameters`);
      switch (conv.action) {
        case Action.PASS:
          return cur;
        case Action.STORE:
          return this.storeOnly(cur, round === 0);
        case Action.STORE_AND_PASS:
          this.store(cur, round === 0);
          return cur;
        default:
          cur = this.convert(cur, conv, round === 0 ? 0 : cur === this.scratch[0] ? 1 : 0);
          if (round === 0) this.stats.converted++;
      }
    }
    return this.cannot(cur, `event type ${cur.type} did not reach the newest layout in ${MAX_ROUNDS} conversions`);
  }

  /**
   * upgrade(), except that an event one conversion brings to the newest layout is handed out
   * unbuilt (a DeferredUpgrade, built when its parameters are read): the state engine reads the
   * parameters of few of the exits an old capture converts (reads, futexes, fstats...). The
   * enter event the conversion takes is used up now, as upgrade() would.
   */
  upgradeWhenRead(ev: CaptureEvent): CaptureEvent | null {
    // Most events (procinfo, switch, current layouts) pass as they are: say so before any lookup.
    const type = ev.type;
    this.storedAsRecorded = null;
    if (type >= ROUTES.length || ROUTES[type] === Route.AS_IS) return ev;
    const conv = this.firstConversion(ev);
    if (conv !== undefined && conv.action === Action.STORE) {
      // An old capture's enter event, a third of its events: kept for its exit, handed out as
      // nothing, as upgrade() does, without looking its conversion up again.
      return this.storeOnly(ev, true);
    }
    if (conv === undefined || !conv.final) return this.upgrade(ev);
    const enter = this.usableEnter(ev, conv);
    if (enter !== undefined) enter.consumed = true;
    this.stats.converted++;
    this.deferred.arm(this, ev, conv, enter);
    return this.deferred;
  }

  /** The conversion upgrade() would apply to ev first, if its first step is one. */
  private firstConversion(ev: CaptureEvent): Conversion | undefined {
    const type = ev.type;
    if (type >= ROUTES.length) return undefined;
    const route = ROUTES[type];
    if (route !== Route.CONVERT && route !== Route.CONVERT_UNLESS_CURRENT) return undefined;
    const n = ev.nparams, tableCount = TABLE_PARAM_COUNT[type];
    if (n > tableCount || (n === tableCount && route === Route.CONVERT_UNLESS_CURRENT)) return undefined;
    return conversions[type]?.[n];
  }

  private cannot(ev: CaptureEvent, problem: string): CaptureEvent {
    this.stats.unconvertible++;
    this.problems.set(problem, (this.problems.get(problem) ?? 0) + 1);
    return ev;
  }

  /** An enter event kept for its exit and handed out as nothing (the STORE action). */
  private storeOnly(ev: CaptureEvent, asRecorded: boolean): null {
    this.store(ev, asRecorded);
    this.stats.dropped++;
    return null;
  }

  // A thread's stored enter event stays in the map once consumed, to be overwritten by its next
  // one: deleting and re-adding it for every syscall made the Map rehash (a tenth of the pass's
  // allocations). Consumed entries of threads gone quiet are swept out as the map grows.
  private store(ev: CaptureEvent, asRecorded: boolean): void {
    let copy = this.storedOf(ev.tid);
    if (copy === undefined) {
      if (this.stored.size >= this.sweepAt) this.sweep();
      copy = this.spare.pop() ?? new OwnedEvent();
      this.stored.set(ev.tid, copy);
    }
    copy.begin(ev, ev.type);
    copy.appendParamsOf(ev);
    copy.consumed = false;
    this.lastStored = copy;
    if (asRecorded) this.storedAsRecorded = copy;
  }

  /** The thread's stored enter event, if any. */
  private storedOf(tid: number): OwnedEvent | undefined {
    const last = this.lastStored;
    return last !== null && last.tid === tid ? last : this.stored.get(tid);
  }

  private sweep(): void {
    for (const [tid, e] of this.stored) {
      if (e.consumed) { this.stored.delete(tid); this.spare.push(e); if (e === this.lastStored) this.lastStored = null; }
    }
    this.sweepAt = Math.max(SWEEP_STORED_AT, this.stored.size * 2);
  }

  private convert(cur: CaptureEvent, conv: Conversion, into: number): OwnedEvent {
    const enter = this.usableEnter(cur, conv);
    if (enter !== undefined) enter.consumed = true;
    return this.build(cur, conv, into, enter);
  }

  /** The stored enter event a conversion of cur takes parameters from (and so uses up), if any. */
  private usableEnter(cur: CaptureEvent, conv: Conversion): OwnedEvent | undefined {
    if (!conv.usesEnter) return undefined;
    const enter = this.storedOf(cur.tid);
    if (enter === undefined || enter.consumed || enter.type !== cur.type - 1 || enter.nparams <= conv.firstEnterIndex) return undefined;
    return enter;
  }

  /** Builds the conversion of cur in scratch event `into`, taking parameters of `enter` where the steps say. */
  build(cur: CaptureEvent, conv: Conversion, into: number, enter: OwnedEvent | undefined): OwnedEvent {
    const out = this.scratch[into];
    const steps = conv.steps;
    out.begin(cur, conv.action === Action.CHANGE_TYPE ? conv.newType : cur.type);
    if (conv.keepsOwn) out.appendParamsOf(cur);
    out.reserveParams(steps.length);
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      switch (step.source) {
        case Source.OLD:
          out.append(cur.data, cur.paramOffset[step.index], Math.min(cur.paramLength[step.index], step.cut));
          break;
        case Source.ENTER:
          if (enter !== undefined && step.index < enter.nparams) {
            out.append(enter.data, enter.paramOffset[step.index], Math.min(enter.paramLength[step.index], step.cut));
          } else out.appendFill(step.fillBytes, step.fill);
          break;
        case Source.FILL:
          out.appendFill(step.fillBytes, step.fill);
          break;
        case Source.CALLBACK: {
          const json = oldContainerJson(cur);
          out.append(json, 0, json.length);
          break;
        }
      }
    }
    return out;
  }
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
