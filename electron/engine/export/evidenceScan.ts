/**
 * One pass over a capture for a report's bookmarked events and stream operations: each
 * bookmarked event's `-p` text and key fields, each bookmarked read/write with its payload,
 * the operations of the streams they belong to (bounded), and the file offsets of all of them
 * (for the evidence .scap subset). Only bookmarked events and the I/O of their fds are copied.
 */
import type { StreamOperation } from '../../../shared/streams/types';
import type { EventContext } from '../inspector/eventContext';
import type { FieldResolver } from '../filter/resolver';
import { EventFieldSet } from '../evidence/eventFields';
import type { EventWalk } from '../evidence/eventWalk';
import { isStreamEvent, StreamExtractor } from '../evidence/streamExtractor';

/** sysdig's default output line: `%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`. */
const lineFields = ['evt.num', 'evt.time', 'evt.cpu', 'proc.name', 'thread.tid', 'evt.dir', 'evt.type', 'evt.info'];
export const eventFactFields = ['evt.datetime', 'evt.type', 'evt.dir', 'evt.res', 'evt.latency', 'proc.name', 'proc.pid', 'thread.tid', 'proc.cmdline',
  'proc.pname', 'user.name', 'container.name', 'container.id', 'fd.name', 'fd.type'];

export interface ScannedEvent {
  evtNum: number;
  line: string;
  facts: Array<[string, string]>;
  /** The next events of the same thread (at most `threadContext`), as sysdig prints them. */
  next: string[];
}

/** How many of a bookmarked event's thread's following events a report shows. */
export const threadContext = 4;
/** How far past the last bookmark the scan looks for them. */
const contextReach = 100_000;

export interface EvidenceScan {
  events: Map<number, ScannedEvent>;
  operations: Map<number, StreamOperation>;
  /** Per followed stream key, its operations in order (at most `maxStreamOps`). */
  streams: Map<string, StreamOperation[]>;
  /** Stream keys that had more operations than were kept. */
  cutStreams: Set<string>;
  /** File offsets of the bookmarked events, ascending (for the subset writer). */
  offsets: Float64Array;
  offsetCount: number;
  /** The event numbers at those offsets, in the same order (the report names them in the subset). */
  offsetEvtNums: number[];
}

export interface EvidenceWanted { events: ReadonlySet<number>; operations: ReadonlySet<number>; streamKeys: ReadonlySet<string> }

const maxStreamOps = 200;

/** `pid:fd` of a stream key (`pid:fd#n`). */
function streamPrefix(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

export async function scanEvidence(walk: EventWalk<EventContext>, resolve: FieldResolver<EventContext>, want: EvidenceWanted): Promise<EvidenceScan> {
  const line = new EventFieldSet(lineFields, resolve);
  const facts = new EventFieldSet(eventFactFields, resolve, true);
  const extractor = new StreamExtractor(walk.lookup);
  const prefixes = new Set([...want.streamKeys].map(streamPrefix));
  const out: EvidenceScan = { events: new Map(), operations: new Map(), streams: new Map(), cutStreams: new Set(), offsets: new Float64Array(16), offsetCount: 0, offsetEvtNums: [] };
  const remember = (offset: number, evtNum: number) => {
    out.offsetEvtNums.push(evtNum);
    if (out.offsetCount === out.offsets.length) { const g = new Float64Array(out.offsets.length * 2); g.set(out.offsets); out.offsets = g; }
    out.offsets[out.offsetCount++] = offset;
  };
  const lastWanted = Math.max(0, ...want.events, ...want.operations);
  // Per thread, the bookmarked events still collecting their thread's next events.
  const following = new Map<number, ScannedEvent[]>();
  const sysdigLine = (ctx: EventContext) => {
    const t = line.readText(ctx);
    return `${t[0]} ${t[1]} ${t[2]} ${t[3]} (${t[4]}) ${t[5]} ${t[6]} ${t[7]}`;
  };
  await walk.walk((ctx, e) => {
    const n = e.evtNum;
    const tid = e.raw.tid;
    const waiting = following.get(tid);
    if (waiting) {
      const text = sysdigLine(ctx);
      for (const w of waiting) w.next.push(text);
      const left = waiting.filter((w) => w.next.length < threadContext);
      if (left.length) following.set(tid, left); else following.delete(tid);
    }
    const bookmarked = want.events.has(n) || want.operations.has(n);
    if (bookmarked) remember(ctx.ev.fileOffset, n);
    if (want.events.has(n)) {
      const names = facts.names;
      const ev: ScannedEvent = {
        evtNum: n,
        line: sysdigLine(ctx),
        facts: facts.readText(ctx).map((v, i) => [names[i], v] as [string, string]).filter(([, v]) => v !== '<NA>' && v !== ''),
        next: [],
      };
      out.events.set(n, ev);
      following.set(tid, [...(following.get(tid) ?? []), ev]);
    }
    if (isStreamEvent(e.raw.type)) {
      const prefix = `${e.thread ? e.thread.pid : -1}:${e.fdNum}`;
      if (want.operations.has(n) || prefixes.has(prefix)) {
        const op = extractor.extract(e);
        if (op) {
          if (want.operations.has(n)) out.operations.set(n, op);
          const key = want.streamKeys.has(op.streamKey) ? op.streamKey : want.streamKeys.has(prefix) ? prefix : undefined;
          if (key !== undefined) {
            const list = out.streams.get(key) ?? [];
            if (list.length < maxStreamOps) list.push(op); else out.cutStreams.add(key);
            out.streams.set(key, list);
          }
        }
      } else {
        extractor.note(e);
      }
    }
    // Past the last bookmark, its threads' next events found and no stream to follow: done.
    return !(n > lastWanted && want.streamKeys.size === 0 && (following.size === 0 || n > lastWanted + contextReach));
  });
  return out;
}
