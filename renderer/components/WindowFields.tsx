/**
 * The time window by keyboard (QA 18: dragging on the timeline was the only way): "Set window…"
 * opens From and To fields, filled with the window shown (or the capture's first and last
 * event), that take a UTC time, a time of day or an offset such as 60s (util/windowTime.ts).
 * Enter applies, Esc closes and gives the focus back to the button.
 */
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CaptureInfo, TimeWindow } from '../../shared/ipc/contract';
import { formatTimestamp } from '../util/format';
import { isWholeCapture } from '../util/timeMapping';
import { parseWindowTime } from '../util/windowTime';

export function WindowFields({ info, window, setWindow }: { info: CaptureInfo; window: TimeWindow | undefined; setWindow(w: TimeWindow | undefined): void }) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const shown = { from: window?.from ?? info.firstTs, to: window?.to ?? info.lastTs };

  function start() {
    setFrom(formatTimestamp(shown.from));
    setTo(formatTimestamp(shown.to));
    setError(null);
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
    if (BigInt(b.ns) < BigInt(a.ns)) { setError('The window ends before it starts'); return; }
    const w = { from: a.ns, to: b.ns };
    setWindow(isWholeCapture(w, info.firstTs, info.lastTs) ? undefined : w);
    close();
  }

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(); }
  }

  if (!open) return <button type="button" className="small" ref={opener} onClick={start}>Set window…</button>;
  return (
    <form className="window-fields" aria-label="Time window" onSubmit={apply} onKeyDown={onKey}>
      <label>From <input type="text" value={from} autoFocus spellCheck={false} size={30} onChange={(e) => setFrom(e.target.value)} aria-invalid={error?.startsWith('From') || undefined} /></label>
      <label>To <input type="text" value={to} spellCheck={false} size={30} onChange={(e) => setTo(e.target.value)} aria-invalid={error?.startsWith('To') || undefined} /></label>
      <button type="submit" className="small">Apply window</button>
      <button type="button" className="small" onClick={close}>Cancel</button>
      {error && <span role="alert" className="error-line">{error}</span>}
    </form>
  );
}
