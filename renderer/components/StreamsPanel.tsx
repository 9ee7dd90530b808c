/**
 * The I/O streams viewer: every read and write of the current selection, coloured by
 * direction, payloads shown dotted, printable, hex, as JSON or as text (the shared
 * renderings, which match sysdig's for the first three). "Follow" narrows to one fd's
 * conversation. Pages load on demand, up to a bound.
 *
 * The list takes the keyboard as the tables do (the help promises ↑ ↓ PgUp PgDn Home End):
 * the keys move the current operation, which is scrolled into view, and Enter follows its stream.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { StreamOperationWire } from '../../shared/streams/evidenceApi';
import { fromBase64, renderPayload, streamModes, type StreamMode } from '../../shared/streams/render';
import { useCapture, useClient } from '../state/context';
import { messageOf } from '../api/client';
import { formatBytes, formatTimestamp } from '../util/format';
import { useEvidenceScope } from './evidenceQuery';
import { BookmarkButton } from '../findings/BookmarkButton';
import { NothingInScope } from './NothingInScope';
import { TileLinesNote } from './TileLinesNote';

const pageSize = 200;
const maxOperations = 5_000;
const modeNames: Record<StreamMode, string> = { dotted: 'Dotted', printable: 'Printable', hex: 'Hex', json: 'JSON', text: 'Text' };

export function StreamsPanel() {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const scope = useEvidenceScope();
  const follow = useCapture((s) => s.follow);
  const setFollow = useCapture((s) => s.setFollow);
  const mode = useCapture((s) => s.streamMode);
  const setMode = useCapture((s) => s.setStreamMode);
  const [ops, setOps] = useState<StreamOperationWire[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState(0);
  const list = useRef<HTMLElement>(null);
  const formats = useRef<HTMLDivElement>(null);
  /** The operation to make current (and show) once the followed stream's first page is in. */
  const followedEvt = useRef<number | undefined>(undefined);
  /** Operations in the list, read where a reply's page lands in it. */
  const loaded = useRef(0);

  // Each change of selection starts a new generation; replies to an older one are dropped.
  const generation = useRef(0);

  async function load(from: number | undefined, reset: boolean) {
    const gen = reset ? ++generation.current : generation.current;
    setBusy(true);
    try {
      const page = await client.call('streams', { captureId, filter: scope.filter, window: scope.window, follow, fromEvtNum: from, limit: pageSize });
      if (gen !== generation.current) return;
      setOps((prev) => {
        const all = reset ? page.operations : [...prev, ...page.operations];
        setNext(all.length >= maxOperations ? null : page.next);
        return all;
      });
      const before = reset ? 0 : loaded.current;
      loaded.current = before + page.operations.length;
      if (followedEvt.current !== undefined) {
        const found = page.operations.findIndex((o) => o.evtNum === followedEvt.current);
        if (found >= 0) {
          followedEvt.current = undefined;
          const at = before + found;
          if (at > 0) { setCurrent(at); requestAnimationFrame(() => list.current?.querySelectorAll<HTMLElement>('.stream-op')[at]?.scrollIntoView({ block: 'nearest' })); }
        } else if (page.next !== null && loaded.current < maxOperations) {
          // Stopped following far into the capture: read on to the operation the user was on.
          void load(page.next, false);
        } else {
          followedEvt.current = undefined;
        }
      }
      setError(null);
    } catch (err) {
      if (gen !== generation.current) return;
      setError(messageOf(err));
      setNext(null);
    } finally {
      if (gen === generation.current) setBusy(false);
    }
  }

  useEffect(() => {
    setOps([]);
    setNext(undefined);
    setCurrent(0);
    void load(undefined, true);
  }, [scope.key, follow]); // eslint-disable-line react-hooks/exhaustive-deps

  function move(to: number) {
    if (ops.length === 0) return;
    const at = Math.max(0, Math.min(ops.length - 1, to));
    setCurrent(at);
    list.current?.querySelectorAll<HTMLElement>('.stream-op')[at]?.scrollIntoView({ block: 'nearest' });
  }

  // Following (or stopping) removes the button that was pressed: the list keeps the keyboard,
  // with the followed operation current in its conversation (QA 18: focus fell to <body>), and
  // on stopping, the operation the user was on stays current in the whole list (QA 19).
  function followStream(op: StreamOperationWire | undefined) {
    followedEvt.current = op ? op.evtNum : ops[current]?.evtNum;
    setFollow(op?.streamKey);
    list.current?.focus();
  }

  function onKey(e: KeyboardEvent<HTMLElement>) {
    // Keys typed into the list's own buttons are theirs.
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') {
      const op = ops[current];
      if (op && !follow) { e.preventDefault(); e.stopPropagation(); followStream(op); }
      return;
    }
    const page = 5;
    const to = ({ ArrowDown: current + 1, ArrowUp: current - 1, PageDown: current + page, PageUp: current - page, Home: 0, End: ops.length - 1 } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    move(to);
  }

  function onFormatKey(e: KeyboardEvent<HTMLDivElement>) {
    const at = streamModes.indexOf(mode);
    const to = ({ ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: streamModes.length - 1 } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    const next = (to + streamModes.length) % streamModes.length;
    setMode(streamModes[next]);
    formats.current?.querySelectorAll<HTMLElement>('[role=radio]')[next]?.focus();
  }

  return (
    <div className="evidence-panel streams-panel">
      <div className="streams-bar">
        {/* One Tab stop: the checked format; the arrows move the choice, as in any radio group. */}
        <div role="radiogroup" aria-label="Payload format" className="segmented" ref={formats} onKeyDown={onFormatKey}>
          {streamModes.map((m) => (
            <button type="button" role="radio" aria-checked={m === mode} tabIndex={m === mode ? 0 : -1} key={m} onClick={() => setMode(m)}>{modeNames[m]}</button>
          ))}
        </div>
        {follow
          ? <span className="following">Following <code>{follow}</code> <button type="button" className="small" onClick={() => followStream(undefined)}>Stop following</button></span>
          : <span className="dim">All reads and writes of the selection; Follow one (or press Enter on it) to see its conversation.</span>}
        <span className="legend-read">read</span><span className="legend-write">write</span>
      </div>
      {!follow && next !== undefined && <TileLinesNote writes={ops.length} complete={next === null && ops.length < maxOperations} />}
      <section ref={list} className="stream-ops" aria-label="I/O operations" tabIndex={0} data-keyboard-list="" onKeyDown={onKey}>
        {ops.map((op, i) => <Operation key={op.evtNum} op={op} mode={mode} current={i === current} onFollow={follow ? undefined : () => followStream(op)} />)}
        {error && <p role="alert" className="error-line">{error}</p>}
        {next === undefined && <p className="dim">Reading I/O…</p>}
        {next !== undefined && ops.length === 0 && !error && <NothingInScope what="reads or writes with data" />}
        {next !== undefined && next !== null && (
          <button type="button" disabled={busy} onClick={() => void load(next, false)}>{busy ? 'Reading…' : 'Load more'}</button>
        )}
        {next === null && ops.length >= maxOperations && <p className="dim">Showing the first {maxOperations.toLocaleString('en-US')} operations; narrow the filter, the window, or follow one stream.</p>}
      </section>
    </div>
  );
}

/**
 * The operation's time; beside the open Findings drawer its date (the same for nearly every
 * card) and, narrower still, its zone are dropped (styles.css); the tooltip keeps them.
 */
function When({ ns }: { ns: string }) {
  const text = formatTimestamp(ns);
  const dated = /^(\d{4}-\d\d-\d\d )(.*)( UTC)$/.exec(text);
  return <span className="when" title={text}>{dated ? <><span className="date">{dated[1]}</span>{dated[2]}<span className="zone">{dated[3]}</span></> : text}</span>;
}

function Operation({ op, mode, current, onFollow }: { op: StreamOperationWire; mode: StreamMode; current: boolean; onFollow?: () => void }) {
  const text = useMemo(() => renderPayload(fromBase64(op.dataBase64), mode), [op.dataBase64, mode]);
  const truncated = Math.floor((op.dataBase64.replace(/=+$/, '').length * 3) / 4) < op.length;
  return (
    <article className={`stream-op ${op.direction}${current ? ' current' : ''}`} aria-current={current || undefined} aria-label={`${op.direction} of ${op.length} bytes on ${op.fdName || op.streamKey}`}>
      <header>
        <span className="dir">{op.direction === 'read' ? '◀ read' : '▶ write'}</span>
        {/* The numbers a user types to bookmark or follow (the story asks for #344 and 5253:5#8). */}
        <span className="evt-num" title="Event number (Findings: read/write #)">#{op.evtNum}</span>
        <When ns={op.rawtime} />
        {/* The container's name too: a narrow card leaves its own part out (styles.css). */}
        <span className="cut proc" title={`${op.procName} (${op.pid})${op.containerName && op.containerName !== 'host' ? ` in container ${op.containerName}` : ''}`}>{op.procName} ({op.pid})</span>
        <span className="cut fdname" title={`fd ${op.fd} ${op.fdName}`}>fd {op.fd} {op.fdName}</span>
        <span>{formatBytes(op.length)}</span>
        {truncated && <span className="cut" title="(truncated by the capture): the capture holds only the first bytes of this operation">(truncated by the capture)</span>}
        <span className="dim stream-key" title={`stream ${op.streamKey} (the stream key: pid:fd#n, the nth use of that fd number)`}><span className="stream-word">stream </span>{op.streamKey}</span>
        {op.containerName && op.containerName !== 'host' && <span className="cut dim container" title={op.containerName}>{op.containerName}</span>}
        {onFollow && <button type="button" className="small" onClick={onFollow} aria-label={`Follow ${op.streamKey}`}>Follow</button>}
        <BookmarkButton bookmark={{ kind: 'stream', evtNum: op.evtNum, streamKey: op.streamKey, note: '' }} />
      </header>
      <pre className={mode === 'hex' ? 'hex' : undefined}>{text}</pre>
    </article>
  );
}
