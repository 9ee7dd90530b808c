/**
 * Findings: a drawer where the investigator bookmarks evidence (the selected view row, an
 * event or a stream operation by number), records the steps taken, writes a note on each,
 * and exports the findings report (HTML, Markdown, the findings file, optionally the
 * evidence .scap). A button in the capture's header opens it from anywhere in an open capture;
 * while open, the inspector makes room for it (see Inspector), so it covers no control.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Bookmark } from '../../shared/findings/schema';
import { ClientError, messageOf } from '../api/client';
import { effectiveFilter } from '../state/captureStore';
import { useCapture, useCaptureStore, useClient } from '../state/context';
import { currentStep } from './currentStep';
import { findingsStoreFor } from './findingsStore';
import { bookmarked, describe } from './bookmarkText';
import { saveExportedFile } from './saveFile';
import { countOf } from '../util/format';
import './findings.css';

/**
 * "5 steps, 2 ☆" (read out "5 steps, 2 bookmarked"): both counts, named (QA 20: "(2)" was the
 * bookmarks alone, beside 5 steps). The star, as on the ☆ Bookmark buttons, keeps the header's
 * facts on screen at 1000 px.
 */
function toggleCounts(steps: number, bookmarks: number, spoken = false): string {
  return [steps ? countOf(steps, 'step') : '', bookmarks ? `${bookmarks} ${spoken ? 'bookmarked' : '☆'}` : ''].filter(Boolean).join(', ');
}

/** Opens the findings drawer; it sits in the capture's header, where it covers nothing. */
export function FindingsToggle() {
  const path = useCapture((s) => s.path);
  const store = findingsStoreFor(path);
  const count = useStore(store, (s) => s.findings.bookmarks.length);
  const steps = useStore(store, (s) => s.findings.steps.length);
  const open = useStore(store, (s) => s.panelOpen);
  const focusMe = useStore(store, (s) => s.focusToggle);
  const button = useRef<HTMLButtonElement>(null);
  // Back from the drawer (Close, Esc): the focus returns here, not to <body> (QA 16 R13).
  useEffect(() => {
    if (open || !focusMe) return;
    button.current?.focus();
    store.getState().toggleFocused();
  }, [open, focusMe, store]);
  if (open) return null;
  return (
    <button type="button" ref={button} className="small primary findings-toggle" onClick={() => store.getState().setPanelOpen(true)}
      aria-label={`Findings (${toggleCounts(steps, count, true) || '0 bookmarked'})`}>Findings{steps || count ? ` (${toggleCounts(steps, count)})` : ''}</button>
  );
}

/** Whether the findings drawer is open for this capture (the inspector makes room for it). */
export function useFindingsOpen(): boolean {
  const path = useCapture((s) => s.path);
  return useStore(findingsStoreFor(path), (s) => s.panelOpen);
}

export function FindingsPanel() {
  const client = useClient();
  const capture = useCaptureStore();
  const path = useCapture((s) => s.path);
  const panel = useCapture((s) => s.panel);
  const store = findingsStoreFor(path);
  const f = useStore(store, (s) => s.findings);
  const open = useStore(store, (s) => s.panelOpen);
  // In the store: a ☆ Bookmark on an event or I/O card says what it did here too (QA 17).
  const status = useStore(store, (s) => s.status);
  const [eventNum, setEventNum] = useState('');
  const [streamNum, setStreamNum] = useState('');
  const [busy, setBusy] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const act = store.getState();
  const setStatus = act.setStatus;
  const count = f.bookmarks.length;
  const title = useRef<HTMLInputElement>(null);
  // Opening the drawer puts the focus in it: it was left on <body>, 44 Tabs from the Title
  // field (QA 16 R13). Close and Esc give it back to the Findings button.
  useEffect(() => { if (open) title.current?.focus(); }, [open]);

  if (!open) return null;

  const close = () => act.setPanelOpen(false, true);
  const closeOnEsc = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    e.stopPropagation();
    close();
  };

  function recordStep() {
    const { added, index } = act.recordStep(currentStep(capture.getState()));
    setStatus({ text: added ? `Step ${index + 1} recorded.` : `This step is already recorded (step ${index + 1}); nothing was added.` });
  }

  async function bookmarkRow() {
    const s = capture.getState();
    const step = s.trail[s.trail.length - 1];
    if (s.panel !== 'views' || !step) { setStatus({ text: 'Open a view and select a row to bookmark it.', error: true }); return; }
    const filter = effectiveFilter(s.filter, step) ?? '';
    try {
      const page = await client.call('view', { captureId: s.captureId, viewId: step.viewId, filter: filter || undefined, window: s.window, sort: s.sort, offset: s.selectedRow, limit: 1 });
      const key = page.keys?.[0];
      if (key === undefined) { setStatus({ text: 'The selected row has no key to bookmark.', error: true }); return; }
      const b: Bookmark = { kind: 'row', viewId: step.viewId, filter, window: s.window, key, note: '' };
      const { added, index } = act.bookmark(b);
      setStatus({ text: bookmarked(b, added, index) });
    } catch (err) {
      setStatus({ text: messageOf(err), error: true });
    }
  }

  /**
   * Bookmarks an event, or a read/write with the stream it belongs to, by number. The engine is
   * asked first: a number the capture does not have, or that is no read or write, is refused
   * while the user can still fix it, and a stream operation's stream is the engine's, never typed
   * (a typed key could name another stream, and the report then mixed the two: QA 16 F1, F2).
   */
  async function bookmarkNumber(kind: 'event' | 'stream') {
    const text = (kind === 'event' ? eventNum : streamNum).trim();
    if (!/^\d+$/.test(text) || Number(text) < 1) { setStatus({ text: 'An event number is a whole number from 1.', error: true }); return; }
    const evtNum = Number(text);
    const captureId = capture.getState().captureId;
    let b: Bookmark;
    const noSuchEvent = () => setStatus({ text: `There is no event #${evtNum} in this capture; nothing was bookmarked.`, error: true });
    const eventExists = async () => {
      const detail = await client.call('eventDetail', { captureId, evtNum }).catch((err: unknown) => {
        if (err instanceof ClientError && err.code === 'not-found') return null;
        throw err;
      });
      return detail !== null && detail.evtNum === evtNum;
    };
    try {
      if (kind === 'event') {
        if (!await eventExists()) { noSuchEvent(); return; }
        b = { kind, evtNum, note: '' };
      } else {
        const page = await client.call('streams', { captureId, fromEvtNum: evtNum, limit: 1 });
        const op = page.operations[0];
        if (!op || op.evtNum !== evtNum) {
          // The clearer reason first: no such event at all, else not a read or write (QA 20).
          if (!await eventExists()) { noSuchEvent(); return; }
          setStatus({ text: `Event #${evtNum} is not a read or write with data in this capture; nothing was bookmarked.`, error: true });
          return;
        }
        b = { kind, evtNum, streamKey: op.streamKey, note: '' };
      }
    } catch (err) {
      setStatus({ text: messageOf(err), error: true });
      return;
    }
    const { added, index } = act.bookmark(b);
    setStatus({ text: bookmarked(b, added, index) });
    if (kind === 'event') setEventNum(''); else setStreamNum('');
  }

  async function exportFindings() {
    setBusy(true);
    setStatus({ text: 'Writing the report…' });
    try {
      const reply = await client.call('exportFindings', { captureId: capture.getState().captureId, findings: store.getState().findings });
      for (const file of reply.files) saveExportedFile(file);
      const warn = reply.warnings.length ? ` Warnings: ${reply.warnings.join(' ')}` : '';
      setStatus({ text: `Report exported: ${reply.files.map((x) => x.fileName).join(', ')} (${countOf(reply.steps, 'step')}, ${countOf(reply.evidence, 'piece of evidence', 'pieces of evidence')}).${warn}` });
    } catch (err) {
      setStatus({ text: messageOf(err), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <aside className="findings-panel" aria-label="Findings" onKeyDown={closeOnEsc}>
      <header>
        <h2>Findings</h2>
        <button type="button" className="small" onClick={close} aria-label="Close findings">Close</button>
      </header>
      <div className="findings-body">
        <label>Title<input ref={title} value={f.title} onChange={(e) => act.setTitle(e.target.value)} placeholder="What happened" aria-label="Report title" /></label>
        <label>Summary<textarea value={f.summary} onChange={(e) => act.setSummary(e.target.value)} aria-label="Report summary" /></label>

        <h3>Bookmark</h3>
        <div className="findings-actions">
          <button type="button" onClick={() => void bookmarkRow()} disabled={panel !== 'views'}>Bookmark selected row</button>
          <button type="button" onClick={recordStep}>Record this step</button>
        </div>
        <div className="findings-actions">
          <input value={eventNum} onChange={(e) => setEventNum(e.target.value)} placeholder="event #" aria-label="Event number" inputMode="numeric" />
          <button type="button" onClick={() => void bookmarkNumber('event')}>Bookmark event</button>
        </div>
        <div className="findings-actions">
          <input value={streamNum} onChange={(e) => setStreamNum(e.target.value)} placeholder="read/write #" aria-label="Stream operation event number" inputMode="numeric" />
          <button type="button" onClick={() => void bookmarkNumber('stream')}>Bookmark stream operation</button>
        </div>

        <h3>Steps ({f.steps.length})</h3>
        <ol className="findings-list" aria-label="Recorded steps">
          {f.steps.map((s, i) => (
            <li key={i} className="findings-item">
              <div className="findings-item-head"><span className="findings-step-title">{i + 1}. {s.title || s.viewId}</span>
                <button type="button" className="link" onClick={() => act.removeStep(i)} aria-label={`Remove step ${i + 1}`}>remove</button></div>
              {s.filter && <code className="findings-step-filter" title={s.filter}>{s.filter}</code>}
              <textarea value={s.note} onChange={(e) => act.setStepNote(i, e.target.value)} aria-label={`Note on step ${i + 1}`} placeholder="Why this mattered" />
            </li>
          ))}
        </ol>

        <h3>Evidence ({f.bookmarks.length})</h3>
        <ul className="findings-list" aria-label="Bookmarked evidence">
          {f.bookmarks.map((b, i) => (
            <li key={i} className="findings-item">
              <div className="findings-item-head"><span className="findings-kind">{b.kind}</span><span>{describe(b)}</span>
                <button type="button" className="link" onClick={() => act.removeBookmark(i)} aria-label={`Remove ${describe(b)}`}>remove</button></div>
              <textarea value={b.note} onChange={(e) => act.setBookmarkNote(i, e.target.value)} aria-label={`Note on ${describe(b)}`} placeholder="What this shows" />
            </li>
          ))}
        </ul>
      </div>
      <footer>
        <label className="findings-status"><span><input type="checkbox" checked={f.includeSubset} onChange={(e) => act.setIncludeSubset(e.target.checked)} /> Also save the bookmarked events as a .scap</span></label>
        <div className="findings-actions">
          <button type="button" className="primary" disabled={busy || (f.steps.length === 0 && f.bookmarks.length === 0)} onClick={() => void exportFindings()}>Export findings</button>
          {discarding
            ? <button type="button" onClick={() => { act.clear(); setDiscarding(false); setStatus({ text: 'Findings discarded.' }); }}>Discard all findings</button>
            : <button type="button" className="link" onClick={() => setDiscarding(true)} disabled={f.steps.length === 0 && f.bookmarks.length === 0}>Start over…</button>}
        </div>
        {status && <p role="status" className={`findings-status${status.error ? ' error' : ''}`}>{status.text}</p>}
      </footer>
    </aside>
  );
}
