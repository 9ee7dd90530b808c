/**
 * The events list: one row per event of the current selection (sysdig's default line as
 * columns), read a page at a time as the list scrolls, up to a bound; selecting a row shows
 * every field of that event beside the list, with a jump to its enter/exit partner. After a
 * jump (End, a find match) the list holds a stretch from the middle or the end: scrolling up
 * reads the pages before it (the engine's `before` pages) as scrolling down reads those after.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EventDetailReply, EventsReply } from '../../shared/streams/evidenceApi';
import { useCapture, useClient } from '../state/context';
import { messageOf } from '../api/client';
import { scrollGeometry, scrollTopForRow, scrollTopToReveal } from '../grid/scrollWindow';
import { useEvidenceScope } from './evidenceQuery';
import { countOf, formatDuration, formatTimestamp } from '../util/format';
import { eventColumns, fitEventColumns, timeOfDay, type EventColumn } from './eventColumns';
import { BookmarkButton } from '../findings/BookmarkButton';
import { onlyInternalRecords, useHasListableEvents } from './listableEvents';
import { inUsersWords, whereReadingStops } from '../../shared/scap/readingStops';
import { NothingInScope } from './NothingInScope';

const rowPx = 22;
const pageSize = 500;
/** The list keeps at most this many events in memory; narrower filters reach further. */
export const maxListedEvents = 50_000;

type EventRow = EventsReply['events'][number];

function cellText(v: EventRow['values'][number], field: string): string {
  if (v === null) return '';
  if (Array.isArray(v)) return v.join(', ');
  return field === 'evt.rawtime' && typeof v === 'string' ? timeOfDay(v) : String(v);
}

/**
 * The time column reads the time of day (its header says so); the date and evt.rawtime's raw
 * nanoseconds are the tooltip. The arguments, cut to fit, are whole in theirs, with the values
 * of the columns the list left out for want of room (eventColumns.ts).
 */
function cellTitle(row: EventRow, c: EventColumn, left: EventColumn[]): string | undefined {
  const v = row.values[c.index];
  if (c.field === 'evt.info') {
    const others = left.map((o) => `${o.header} ${cellText(row.values[o.index], o.field)}`).join(' · ');
    const text = cellText(v, c.field);
    return [text, others].filter(Boolean).join('\n') || undefined;
  }
  return c.field === 'evt.rawtime' && typeof v === 'string' && /^\d+$/.test(v) ? `${formatTimestamp(v)} · evt.rawtime ${v}` : undefined;
}

export function EventsPanel() {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const scope = useEvidenceScope();
  const scopeKey = scope.key;
  const info = useCapture((s) => s.info);
  const listable = useHasListableEvents();
  const [fields, setFields] = useState<string[]>([]);
  const rows = useRef<EventRow[]>([]);
  const [count, setCount] = useState(0);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  const [detail, setDetail] = useState<EventDetailReply | null>(null);
  const loading = useRef(false);
  // Whether the selection may have events before the first loaded row (after a jump to a match or to the end).
  const [earlier, setEarlier] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(400);
  const [roomRem, setRoomRem] = useState<number | undefined>(undefined);

  // Each change of selection starts a new generation; replies to an older one are dropped.
  const generation = useRef(0);

  // A scroll position asked for as rows arrive is set again once the longer list is drawn: set
  // only before, the browser clamps it to the shorter list and the rows jump (QA 17).
  const pendingTop = useRef<number | null>(null);
  function scrollListTo(top: number) {
    pendingTop.current = top;
    if (scroller.current) scroller.current.scrollTop = top;
    setScrollTop(top);
  }
  useLayoutEffect(() => {
    const el = scroller.current;
    const top = pendingTop.current;
    if (!el || top === null) return;
    pendingTop.current = null;
    if (el.scrollTop !== top) el.scrollTop = top;
  });

  async function loadMore(from: number | undefined, reset: boolean): Promise<void> {
    if (loading.current && !reset) return;
    const gen = reset ? ++generation.current : generation.current;
    loading.current = true;
    try {
      const page = await client.call('events', { captureId, filter: scope.filter, window: scope.window, fromEvtNum: from, limit: pageSize });
      if (gen !== generation.current) return;
      if (reset) { rows.current = []; setEarlier(from !== undefined); }
      rows.current.push(...page.events);
      setFields(page.fields);
      setCount(rows.current.length);
      setNext(rows.current.length >= maxListedEvents ? null : page.next);
      setError(null);
    } catch (err) {
      if (gen !== generation.current) return;
      setError(messageOf(err));
      setNext(null);
    } finally {
      if (gen === generation.current) loading.current = false;
    }
  }

  // Find: the engine searches every event's line (uncapped); next/previous walk the matches,
  // reading the list from a match when it lies beyond what is loaded.
  const [findText, setFindText] = useState('');
  const [findStatus, setFindStatus] = useState('');
  const matches = useRef<{ text: string; scope: string; evtNums: number[] } | null>(null);

  async function find(direction: 1 | -1) {
    if (!findText) return;
    if (!matches.current || matches.current.text !== findText || matches.current.scope !== scopeKey) {
      setFindStatus('Searching…');
      try {
        const reply = await client.call('search', { captureId, target: 'events', text: findText, filter: scope.filter, window: scope.window });
        matches.current = { text: findText, scope: scopeKey, evtNums: [...new Set(reply.matches.map((m) => m.row))].sort((a, b) => a - b) };
      } catch (err) {
        setFindStatus(messageOf(err));
        return;
      }
    }
    const all = matches.current.evtNums;
    if (all.length === 0) { setFindStatus('No match'); return; }
    const here = rows.current[selected]?.evtNum ?? -1;
    let k = direction > 0 ? all.findIndex((n) => n > here) : all.length - 1 - [...all].reverse().findIndex((n) => n < here);
    if (k < 0 || k >= all.length) k = direction > 0 ? 0 : all.length - 1; // wrap around
    const target = all[k];
    setFindStatus(`Match ${k + 1} of ${all.length.toLocaleString('en-US')}`);
    let i = rows.current.findIndex((r) => r.evtNum === target);
    if (i < 0) {
      await loadMore(target, true);
      i = rows.current.findIndex((r) => r.evtNum === target);
    }
    if (i >= 0) select(i);
  }

  /** The page before the first loaded row, put above it; the rows on screen stay where they are. */
  async function loadEarlier(): Promise<void> {
    if (loading.current || rows.current.length === 0) return;
    const gen = generation.current;
    loading.current = true;
    try {
      const page = await client.call('events', { captureId, filter: scope.filter, window: scope.window, before: rows.current[0].evtNum, limit: pageSize });
      if (gen !== generation.current) return;
      const added = page.events.length;
      const el = scroller.current;
      const topRow = el ? scrollGeometry(el.scrollTop, viewportPx, rows.current.length, rowPx).firstRow : 0;
      rows.current = [...page.events, ...rows.current];
      if (rows.current.length > maxListedEvents) {
        // The bound holds the other way too: the rows furthest below are read again when scrolled to.
        const dropped = rows.current.splice(maxListedEvents);
        setNext(dropped[0].evtNum);
      }
      setEarlier(added > 0 && page.earlier === true);
      setCount(rows.current.length);
      setSelected((s) => s + added);
      if (el && added > 0) scrollListTo(scrollTopForRow(topRow + added, viewportPx, rows.current.length, rowPx));
    } catch (err) {
      if (gen !== generation.current) return;
      setError(messageOf(err));
      setEarlier(false);
    } finally {
      if (gen === generation.current) loading.current = false;
    }
  }

  useEffect(() => {
    rows.current = [];
    setEarlier(false);
    setCount(0);
    setSelected(0);
    setDetail(null);
    setNext(undefined);
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
    void loadMore(undefined, true);
  }, [scopeKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      setViewportPx(Math.max(rowPx, el.clientHeight - rowPx));
      const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      setRoomRem(el.clientWidth / remPx);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const geometry = scrollGeometry(scrollTop, viewportPx, count, rowPx);
  const first = Math.floor(geometry.firstRow);
  const visible = Math.ceil(viewportPx / rowPx) + 2;
  // Near the end of what is loaded: read the next page.
  useEffect(() => {
    if (next !== undefined && next !== null && first + visible * 2 >= count) void loadMore(next, false);
  }, [first, visible, count, next]); // eslint-disable-line react-hooks/exhaustive-deps
  // Near the start of what is loaded, after a jump: read the page before.
  useEffect(() => {
    if (earlier && count > 0 && first <= visible) void loadEarlier();
  }, [first, visible, count, earlier]); // eslint-disable-line react-hooks/exhaustive-deps

  const selectedEvt = rows.current[selected]?.evtNum;
  useEffect(() => {
    if (selectedEvt === undefined) { setDetail(null); return; }
    let live = true;
    client.call('eventDetail', { captureId, evtNum: selectedEvt }).then((d) => { if (live) setDetail(d); }, () => { if (live) setDetail(null); });
    return () => { live = false; };
  }, [client, captureId, selectedEvt]);

  function select(i: number) {
    // rows.current, not `count`: after a reload the state value in this closure is stale.
    const total = rows.current.length;
    const row = Math.max(0, Math.min(total - 1, i));
    setSelected(row);
    const el = scroller.current;
    if (el) {
      const top = scrollTopToReveal(row, el.scrollTop, viewportPx, total, rowPx);
      if (top !== el.scrollTop) scrollListTo(top);
    }
  }

  /** End: the selection's last events, asked of the engine; they replace what is loaded, and scrolling up reads back from them. */
  async function goToEnd() {
    if (next === null) { select(rows.current.length - 1); return; }
    const gen = ++generation.current;
    loading.current = true;
    setError(null);
    try {
      const page = await client.call('events', { captureId, filter: scope.filter, window: scope.window, before: 'end', limit: pageSize });
      if (gen !== generation.current) return;
      rows.current = page.events;
      setEarlier(page.earlier === true);
      setFields(page.fields);
      setCount(page.events.length);
      setNext(null);
      select(page.events.length - 1);
    } catch (err) {
      if (gen === generation.current) setError(messageOf(err));
    } finally {
      if (gen === generation.current) loading.current = false;
    }
  }

  /** Home: the selection's first event, reading the list again from its start after a jump. */
  async function goToStart() {
    if (earlier) await loadMore(undefined, true);
    select(0);
  }

  function jumpTo(evtNum: number) {
    const i = rows.current.findIndex((r) => r.evtNum === evtNum);
    if (i >= 0) select(i);
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewportPx / rowPx) - 1);
    if (e.key === 'End' || e.key === 'Home') {
      e.preventDefault();
      e.stopPropagation();
      void (e.key === 'End' ? goToEnd() : goToStart());
      return;
    }
    const to = ({ ArrowDown: selected + 1, ArrowUp: selected - 1, PageDown: selected + page, PageUp: selected - page } as Record<string, number>)[e.key];
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    select(to);
  }

  const cutOff = whereReadingStops(info?.warnings ?? []);
  // Nothing to go to when the whole selection is loaded and fits on screen (QA 15 item 13).
  const everyEventOnScreen = !earlier && next === null && count * rowPx <= viewportPx;
  // The list fits its width: no sideways scroll hides process, tid and cpu past the arguments (QA H79).
  const { shown: columns, left, template } = fitEventColumns(eventColumns(fields), roomRem);
  const shown = [];
  for (let i = first; i < Math.min(count, first + visible); i++) {
    const r = rows.current[i];
    shown.push(
      <div key={r.evtNum} role="row" aria-rowindex={i + 2} aria-selected={i === selected} id={`event-row-${i}`}
        className={`grid-row event-row${i === selected ? ' selected' : ''}${i % 2 ? ' odd' : ''}`} style={{ gridTemplateColumns: template }}
        onClick={() => setSelected(i)}>
        {columns.map((c) => <div role="gridcell" key={c.index} className="cell" title={cellTitle(r, c, left)}>{cellText(r.values[c.index], c.field)}</div>)}
      </div>,
    );
  }

  return (
    <div className="evidence-panel events-panel">
      <section className="events-list" aria-label="Events">
        <div className="find-bar events-find" role="search" aria-label="Find in events">
          <label htmlFor="events-find-input">Find</label>
          <input id="events-find-input" type="search" value={findText}
            onChange={(e) => { setFindText(e.target.value); setFindStatus(''); }}
            onKeyDown={(e) => { e.stopPropagation(); if (e.key === 'Enter') { e.preventDefault(); void find(e.shiftKey ? -1 : 1); } }} />
          <button type="button" onClick={() => void find(-1)} disabled={!findText} aria-label="Previous match">↑</button>
          <button type="button" onClick={() => void find(1)} disabled={!findText} aria-label="Next match">↓</button>
          <span className="dim" aria-live="polite">{findStatus}</span>
        </div>
        <div ref={scroller} className="grid-scroll" role="grid" aria-label="Events" aria-rowcount={count + 1} tabIndex={0}
          aria-activedescendant={count ? `event-row-${selected}` : undefined}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} onKeyDown={onKey}>
          <div role="row" aria-rowindex={1} className="grid-header" style={{ gridTemplateColumns: template, height: rowPx }}>
            {columns.map((c) => (
              <div role="columnheader" key={c.field} className="cell header-cell"
                title={c.field === 'evt.info' && left.length ? `${c.field}\n${left.map((o) => o.header).join(', ')}: no room here, in each row's arguments tooltip and the event's detail` : c.field}>{c.header}</div>
            ))}
          </div>
          {listable === false && count === 0 && next === null && !error && (
            <p role="status" className="empty-capture">{onlyInternalRecords(info?.events ?? 0)}</p>
          )}
          {/* As the I/O Streams tab says it: an empty list under a filter said only "0 events" (QA H79). */}
          {listable !== false && count === 0 && next === null && !error && <div className="events-empty"><NothingInScope what="events" /></div>}
          <div className="grid-spacer" style={{ height: geometry.spacerPx }} />
          <div className="grid-rows" style={{ width: '100%', transform: `translateY(${scrollTop + rowPx - (geometry.firstRow - first) * rowPx}px)` }}>{shown}</div>
        </div>
        <div className="grid-status">
          <span aria-live="polite">
            {error ? <span role="alert" className="error-line">{error}</span>
              : next === undefined ? 'Reading events…'
                : earlier && count > 0 ? `${next === null ? 'the last ' : ''}${countOf(count, 'event')}, from #${rows.current[0].evtNum} (earlier ones as you scroll up; Home or "Go to start" for the first)`
                  : `${countOf(count, 'event')}${next !== null ? ' (more as you scroll)' : count >= maxListedEvents ? ` (the first ${maxListedEvents.toLocaleString('en-US')}; narrow the filter or window to see others)` : ''}`}
          </span>
          {next === null && count > 0 && cutOff !== undefined && (
            // The list ends where the capture stops being readable, not at its end (QA 20: only the header's warning said so).
            <span className="cut-off" role="note" title={inUsersWords(cutOff)}>The capture is cut off after these events</span>
          )}
          {count > 0 && !(everyEventOnScreen) && (
            <span className="list-ends">
              <button type="button" className="small" onClick={() => { scroller.current?.focus(); void goToStart(); }} title="The first events (Home)">Go to start</button>
              <button type="button" className="small" onClick={() => { scroller.current?.focus(); void goToEnd(); }} title="The capture's last events under this selection (End)">Go to end</button>
            </span>
          )}
        </div>
      </section>
      <EventDetail detail={detail} onJump={jumpTo} noEvents={count === 0 && next === null} />
    </div>
  );
}

function EventDetail({ detail, onJump, noEvents }: { detail: EventDetailReply | null; onJump(evtNum: number): void; noEvents: boolean }) {
  // With no event listed there is none to select.
  if (!detail) return <aside className="event-detail dim" aria-label="Event fields">{noEvents ? '' : 'Select an event to see its fields.'}</aside>;
  const entries = Object.entries(detail.fields);
  return (
    <aside className="event-detail" aria-label="Event fields">
      <h3>Event {detail.evtNum}</h3>
      <p className="dim">
        <BookmarkButton bookmark={{ kind: 'event', evtNum: detail.evtNum, note: '' }} />{' '}
        {detail.partner !== null && <button type="button" className="link" onClick={() => onJump(detail.partner as number)}>Partner event {detail.partner}</button>}
        {detail.latencyNs !== null && <span className="latency" title={`${detail.latencyNs} ns`}> · latency {formatDuration(Number(detail.latencyNs))}</span>}
      </p>
      <table className="fields-table">
        <tbody>
          {entries.map(([k, v]) => (
            <tr key={k}><th scope="row">{fieldNameWithBreaks(k)}</th><FieldValue text={Array.isArray(v) ? v.join(', ') : String(v)} /></tr>
          ))}
        </tbody>
      </table>
    </aside>
  );
}

/** A number, time or address never wraps inside itself (QA 16 R7: "09:41:07.25000241 / 4"); text wraps where it must. */
function FieldValue({ text }: { text: string }) {
  return <td className={/^[\w.:+\-/>]+$/.test(text) && text.length <= 48 ? 'whole' : undefined}>{text}</td>;
}

/**
 * A field name may wrap after each dot or underscore ("evt.rawtime." / "ns",
 * "proc.is_container_" / "readiness_probe"), not inside a word.
 */
function fieldNameWithBreaks(name: string) {
  return name.split(/(?<=[._])/).map((part, i, all) => <span key={i}>{part}{i < all.length - 1 ? <wbr /> : null}</span>);
}
