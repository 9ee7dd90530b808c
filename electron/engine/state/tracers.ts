/**
 * sysdig tracers (span.* fields): what sysdig 0.29.3 makes of writes to /dev/null.
 *
 * Design: an fd named /dev/null is a tracer candidate. Its first write decides: text that parses
 * as a tracer makes it a tracer fd (every later write on it is a tracer, a malformed one an
 * "invalid tracer"), anything else makes it an ordinary fd for good; a truncated text leaves it
 * undecided and is kept to be completed by the thread's next write. Each thread keeps the last
 * tracer it wrote (id, tags, arguments) and the span it belongs to; open spans live in one list
 * for the whole capture, newest first, at most 128 (sysdig empties the list when it is full),
 * and an exit tracer closes the newest open span with the same id and tags, whichever thread
 * opened it. Nothing here changes threads or fds as other readers see them (an fd's tracer
 * verdict is read by nothing else), so the StateChange contract is untouched. Only plain Maps
 * and arrays: the evidence checkpoints deep-copy the state (no WeakMap there).
 */
import type { CaptureEvent } from '../capture/types';
import { EVENTS } from '../../../shared/scap/eventTable';
import { bytesParam } from './eventParams';
import { eventIdTable, inTable } from './eventTraits';
import type { FdInfo } from './fdInfo';
import type { ThreadInfo } from './threadInfo';
import { parseTracer, TracerParse, type ParsedTracer } from './tracerParser';

export const TRACER_DEVICE = '/dev/null';
/** Open spans sysdig keeps before it drops them all (its partial tracer pool). */
export const MAX_OPEN_SPANS = 128;
/** Longest incomplete tracer text kept for the next write (sysdig's MAX_USER_EVT_BUFFER). */
const MAX_FRAGMENT = 65536;

/** An opened span: its enter tracer. */
export interface Span {
  id: bigint;
  tags: readonly string[];
  argNames: readonly string[];
  argValues: readonly string[];
  /** Time of the enter tracer (ns). */
  ts: bigint;
}

/** What the event just processed is as a tracer (EventState.tracer). */
export interface TracerEvent {
  /** Enter ('>') or exit ('<'); an invalid tracer counts as an enter. */
  enter: boolean;
  id: bigint;
  tags: readonly string[];
  /** The event's own arguments. */
  argNames: readonly string[];
  argValues: readonly string[];
  /** The span's enter tracer (for an exit: the span it closed), if known. */
  span: Span | undefined;
  ts: bigint;
  /** A write whose text stays incomplete: sysdig hides the event; no span field has a value. */
  truncated: boolean;
}

const enum FdVerdict { Undecided = 0, Tracer = 1, NotTracer = 2 }

/** The per-thread parser state sysdig keeps (the last id survives a text that stops early). */
interface ThreadTracer { thread: ThreadInfo; id: bigint; span: Span | undefined; fragment: string }

// Asked for every event with an fd: a table by id.
const WRITE_EXITS = eventIdTable(EVENTS.filter((info) => info && info.direction === 'exit'
  && (info.name === 'write' || info.name === 'pwrite' || info.name === 'writev' || info.name === 'pwritev')
  && info.params[1]?.name === 'data').map((info) => info.id));

const latin1 = new TextDecoder('latin1');

export class TracerState {
  /** By tid, for threads that wrote to /dev/null; a new thread reusing a tid starts afresh. */
  private readonly threads = new Map<number, ThreadTracer>();
  /** Open spans, oldest first (searched from the end). */
  private readonly open: Span[] = [];

  /**
   * Reads the event if it is a write exit on a /dev/null fd; returns what it is as a tracer,
   * or undefined for any other event (and for writes that turn out not to be tracers).
   */
  onEvent(ev: CaptureEvent, thread: ThreadInfo | undefined, fd: FdInfo | undefined): TracerEvent | undefined {
    if (!thread || !fd || !inTable(WRITE_EXITS, ev.type) || fd.name !== TRACER_DEVICE) return undefined;
    const verdict = fd.tracerVerdict as FdVerdict;
    if (verdict === FdVerdict.NotTracer) return undefined;
    const bytes = bytesParam(ev, 1);
    const data = bytes ? latin1.decode(bytes) : '';
    let tt = this.threads.get(thread.tid);
    if (!tt || tt.thread !== thread) { tt = { thread, id: 0n, span: undefined, fragment: '' }; this.threads.set(thread.tid, tt); }
    const text = tt.fragment + data;
    const parsed = parseTracer(text, thread);
    if (parsed.id !== undefined) tt.id = parsed.id;
    if (parsed.result === TracerParse.Truncated) {
      tt.fragment = tt.fragment.length > MAX_FRAGMENT ? '' : text;
      return { enter: parsed.enter, id: tt.id, tags: [], argNames: [], argValues: [], span: undefined, ts: ev.ts, truncated: true };
    }
    tt.fragment = '';
    if (parsed.result === TracerParse.Failed) {
      if (verdict !== FdVerdict.Tracer) { fd.tracerVerdict = FdVerdict.NotTracer; return undefined; }
      // sysdig reports the text itself as the only tag; the thread's span stays as it was.
      return { enter: true, id: tt.id, tags: [`invalid tracer ${utf8(data)}, len${data.length}`], argNames: [], argValues: [], span: tt.span, ts: ev.ts, truncated: false };
    }
    fd.tracerVerdict = FdVerdict.Tracer;
    const tags = parsed.tags.map(utf8);
    const argNames = parsed.argNames.map(utf8);
    const argValues = parsed.argValues.map(utf8);
    const id = tt.id;
    if (parsed.enter) this.openSpan(tt, { id, tags, argNames, argValues, ts: ev.ts });
    else tt.span = this.closeSpan(id, tags);
    return { enter: parsed.enter, id, tags, argNames, argValues, span: tt.span, ts: ev.ts, truncated: false };
  }

  private openSpan(tt: ThreadTracer, span: Span): void {
    if (this.open.length >= MAX_OPEN_SPANS) {
      // sysdig's pool is used up: it forgets every open span and this one too.
      this.open.length = 0;
      return;
    }
    this.open.push(span);
    tt.span = span;
  }

  private closeSpan(id: bigint, tags: readonly string[]): Span | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const s = this.open[i];
      if (s.id === id && sameTags(s.tags, tags)) {
        this.open.splice(i, 1);
        return s;
      }
    }
    return undefined;
  }
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Tracer text was read byte for byte; names and values print as the UTF-8 they were. */
function utf8(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'latin1').toString('utf8');
  return s;
}
