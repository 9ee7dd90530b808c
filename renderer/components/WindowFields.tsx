/**
 * The time window by keyboard (QA 18: dragging on the timeline was the only way): "Set window…"
 * opens From and To fields, filled with the window shown (or the capture's first and last
 * event), that take the forms every command's --from/--to takes (epoch nanoseconds, a UTC date
 * and time, a time of day, an offset such as 60s: shared/format/timeInput.ts), said in their hint.
 * Enter applies, Esc closes and gives the focus back to the button.
 *
 * As on the command line (cli/timeWindow.ts), a window is cut to the capture's span and one
 * wholly outside it is refused (QA 19: a To past the end drew a fall to 0 that never happened).
 * A cut is said in a line beside the button, so the window applied is never a surprise.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CaptureInfo, TimeWindow } from '../../shared/ipc/contract';
import { formatTimestamp } from '../util/format';
import { isWholeCapture } from '../util/timeMapping';
import { parseWindowTime } from '../util/windowTime';
import { TIME_FORMS } from '../../shared/format/timeInput';

/** The fields' hint: the words of the command line's help. */
export const WINDOW_FIELDS_HINT = `Type ${TIME_FORMS}`;

export function WindowFields({ info, window, setWindow }: { info: CaptureInfo; window: TimeWindow | undefined; setWindow(w: TimeWindow | undefined): void }) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const shown = { from: window?.from ?? info.firstTs, to: window?.to ?? info.lastTs };

  function start() {
    setFrom(formatTimestamp(shown.from));
    setTo(formatTimestamp(shown.to));
    setError(null);
    setNote(null);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  }

  /** A field left as it was filled keeps its exact nanoseconds (the text shows microseconds). */
  function read(text: string, was: string) {
    return text.trim() === formatTimestamp(was) ? { ns: was } : parseWindowTime(text, info.firstTs);
  }

  function apply(e: FormEvent) {
    e.preventDefault();
    const a = read(from, shown.from);
    const b = read(to, shown.to);
    if ('error' in a) { setError(`From: ${a.error}`); return; }
    if ('error' in b) { setError(`To: ${b.error}`); return; }
    const cut = cutToCapture(BigInt(a.ns), BigInt(b.ns), info);
    if ('error' in cut) { setError(cut.error); return; }
    const w = { from: cut.from, to: cut.to };
    setWindow(isWholeCapture(w, info.firstTs, info.lastTs) ? undefined : w);
    setNote(cut.note ?? null);
    close();
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); }
  }

  if (!open) {
    return (
      <>
        <button type="button" className="small" ref={opener} onClick={start}>Set window…</button>
        {note && <span role="status" className="window-note">{note}</span>}
      </>
    );
  }
  return (
    <form className="window-fields" aria-label="Time window" title={WINDOW_FIELDS_HINT} onSubmit={apply} onKeyDown={onKey}>
      <label>From <input type="text" value={from} autoFocus spellCheck={false} size={30} onChange={(e) => setFrom(e.target.value)} aria-invalid={error?.startsWith('From') || undefined} /></label>
      <label>To <input type="text" value={to} spellCheck={false} size={30} onChange={(e) => setTo(e.target.value)} aria-invalid={error?.startsWith('To') || undefined} /></label>
      <button type="submit" className="small">Apply window</button>
      <button type="button" className="small" onClick={close}>Cancel</button>
      {error && <span role="alert" className="error-line">{error}</span>}
    </form>
  );
}

/** The window cut to the capture's span, with a line saying what was cut; or why none of it lies in the capture. */
export function cutToCapture(from: bigint, to: bigint, info: Pick<CaptureInfo, 'firstTs' | 'lastTs'>): { from: string; to: string; note?: string } | { error: string } {
  const first = BigInt(info.firstTs);
  const last = BigInt(info.lastTs);
  if (from > last) return { error: `The window starts after the capture's end (${formatTimestamp(info.lastTs)})` };
  if (to < first) return { error: `The window ends before the capture's first event (${formatTimestamp(info.firstTs)})` };
  if (to < from) return { error: 'The window ends before it starts' };
  const cuts = [
    from < first ? `From cut to the capture's first event (${formatTimestamp(info.firstTs)})` : '',
    to > last ? `To cut to the capture's end (${formatTimestamp(info.lastTs)})` : '',
  ].filter(Boolean);
  return {
    from: (from < first ? first : from).toString(), to: (to > last ? last : to).toString(),
    ...(cuts.length ? { note: `${cuts.join('; ')}.` } : {}),
  };
}
