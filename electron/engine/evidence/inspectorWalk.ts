/**
 * The evidence builders' pass over a real capture: the reader feeds the inspector (state
 * engine + evt.num), and each shown event is handed on as the inspector's context plus the
 * evidence view of it. The evidence view uses the event in the newest layout (the ids and
 * parameter positions the builders know), and the recorded event when the upgrade merged it.
 *
 * The walk can resume (ResumableWalk): a snapshot is the inspector (and what the pass tracks
 * alongside it) frozen into compressed bytes (frozenState.ts) just before the block after a
 * visited event, with that block's offset; a resumed walk reads from that offset with a fresh
 * inspector thawed from the snapshot (the snapshot stays untouched).
 */
import { readCapture } from '../capture/readCapture';
import type { CaptureEvent, CaptureVisitor } from '../capture/types';
import type { EventContext } from '../inspector/eventContext';
import { Inspector } from '../inspector/inspector';
import type { EvidenceEvent, EvidenceLookup, EvidenceThread } from './evidenceEvent';
import type { ResumableWalk } from './eventWalk';
import { CheckpointUnsupported } from './stateCheckpoint';
import { freeze, thaw, type FrozenState } from './frozenState';
import { usePortableState } from './portableState';

/** Where and in what state a walk resumes. */
export interface WalkSnapshot {
  /** The inspector and what the pass tracked alongside it (see ResumableWalk.snapshotAfterCurrent). */
  state: FrozenState;
  /** Stream offset of the first block to read. */
  offset: number;
  /** Bytes the snapshot holds. */
  bytes: number;
  /** Whether something was tracked alongside the state. */
  hasAlongside: boolean;
}

/**
 * A resumed pass usually reads a page's worth (≤ one checkpoint spacing, ≈ 1.3 MB at 20,000
 * events of ~65 bytes): smaller chunks than a whole-capture pass's waste less reading ahead.
 * A page's pass from the start of the capture reads in the same chunks (PAGE_CHUNK_BYTES).
 */
const RESUMED_CHUNK_BYTES = 1 << 20;

/**
 * Chunks for a pass that stops once its page is found, resumed or not. Measured on
 * large-200000000.scap, the first page of `evt.type=kill` (the pass reads ≈ 10 MB from the
 * start, 160,000 events): with the reader's 4 MB chunks the parse waits for each whole chunk
 * and reads up to a chunk past the page; 1 MB chunks took the pass from 154 to 91 ms at the
 * first quartile of 30 interleaved runs (a whole-capture pass was no slower).
 */
export const PAGE_CHUNK_BYTES = RESUMED_CHUNK_BYTES;

class StopWalk {}
const stop = new StopWalk();

/**
 * The threads a walk's visitors are seeded with, at its first shown event: those the state knows
 * then that were not cloned during the capture (they ran before it started).
 */
export function forInitialThreads(threads: Iterable<EvidenceThread & { cloneTs: bigint }>, take: (t: EvidenceThread) => void): void {
  for (const t of threads) if (t.tid >= 0 && t.cloneTs === 0n) take(t);
}

export class InspectorWalk implements ResumableWalk<EventContext, WalkSnapshot> {
  private inspector: Inspector | undefined;
  /** The reader's warnings after a walk that read to the end (EventWalk.readWarnings). */
  readWarnings: readonly string[] | undefined;
  private resume: { inspector: Inspector; offset: number } | undefined;
  private wantSnapshot: ((s: WalkSnapshot) => void) | undefined;
  private alongside: object | undefined;
  readonly lookup: EvidenceLookup = {
    container: (id) => {
      const c = this.inspector?.state.containers.get(id);
      // An entry made from cgroups alone carries no metadata.
      return c && (c.name !== '' || c.image !== '') ? { name: c.name, image: c.image } : undefined;
    },
    userName: (uid, cid) => {
      const users = this.inspector?.state.users;
      return users?.user(uid, cid)?.name ?? (cid ? users?.user(uid, '')?.name : undefined) ?? '';
    },
    thread: (tid) => this.inspector?.state.threads.get(tid),
    containerIds: () => [...(this.inspector?.state.containers.keys() ?? [])],
  };

  /** `chunkBytes`: the read's chunk size (tests use small ones, so that a pass yields as often as on a large capture). */
  constructor(private readonly path: string, private readonly signal?: AbortSignal, private readonly chunkBytes?: number) {
    // Before this thread freezes anything, so that its checkpoints can be handed to another.
    usePortableState();
  }

  snapshotAfterCurrent(take: (s: WalkSnapshot) => void, alongside?: object): void {
    this.wantSnapshot = take;
    this.alongside = alongside;
  }

  resumeAt(s: WalkSnapshot): unknown {
    const c = thaw<{ inspector: Inspector; alongside: unknown }>(s.state);
    this.resume = { inspector: c.inspector, offset: s.offset };
    return c.alongside;
  }

  async walk(visit: (ctx: EventContext, e: EvidenceEvent) => boolean | void, onInitialThread?: (t: EvidenceThread) => void): Promise<void> {
    const e: EvidenceEvent = { evtNum: 0, raw: undefined as never, recorded: undefined as never, thread: undefined, fdNum: -1, fd: undefined };
    let first = this.resume === undefined;
    const seed = (threads: Iterable<EvidenceThread & { cloneTs: bigint }>) => {
      first = false;
      if (onInitialThread) forInitialThreads(threads, onInitialThread);
    };
    const onShown = (ctx: EventContext) => {
      if (first) seed(ctx.state.threads.values());
      e.evtNum = ctx.num;
      e.raw = ctx.upgraded ?? ctx.ev;
      e.recorded = ctx.ev;
      e.thread = ctx.es.thread;
      e.fdNum = ctx.es.fdNum;
      e.fd = ctx.es.fd;
      if (visit(ctx, e) === false) throw stop;
    };
    let inspector: Inspector;
    // Resuming is for the next walk() only: the restored state is this pass's own.
    const resume = this.resume;
    this.resume = undefined;
    if (resume) {
      inspector = resume.inspector;
      inspector.redirect(onShown);
    } else inspector = new Inspector(onShown);
    this.inspector = inspector;
    this.wantSnapshot = undefined;
    // The reader's current event is left out of snapshots: its bytes are a whole read chunk.
    let current: CaptureEvent | undefined;
    const visitor: CaptureVisitor = {
      onSection: (s) => inspector.onSection(s),
      onMachineInfo: (m) => inspector.onMachineInfo(m),
      onProcess: (p) => inspector.onProcess(p),
      onFd: (f) => inspector.onFd(f),
      onInterface: (i) => inspector.onInterface(i),
      onUser: (u) => inspector.onUser(u),
      onGroup: (g) => inspector.onGroup(g),
      onEvent: (ev) => { current = ev; inspector.onEvent(ev); },
      onBlock: (_type, at) => {
        const take = this.wantSnapshot;
        if (take === undefined) return;
        this.wantSnapshot = undefined;
        let state: FrozenState;
        try {
          // The callback belongs to this pass (and holds its events): a resumed pass sets its own.
          state = freeze({ inspector, alongside: this.alongside }, [current, onShown]);
        } catch (err) {
          // A state that cannot be frozen leaves no checkpoint: pages read from the start.
          if (err instanceof CheckpointUnsupported) return;
          throw err;
        }
        take({ state, offset: at, bytes: state.bytes.length + 64 * state.shared.length, hasAlongside: this.alongside !== undefined });
      },
    };
    try {
      this.readWarnings = undefined;
      const summary = await readCapture(this.path, visitor, { layout: 'file', signal: this.signal, startOffset: resume?.offset, chunkBytes: this.chunkBytes ?? (resume ? RESUMED_CHUNK_BYTES : undefined) });
      this.readWarnings = summary.warnings;
      // A capture without a single shown event still has its process list.
      if (first) seed(inspector.state.threads.values());
    } catch (err) {
      if (err !== stop) throw err;
    }
  }
}
