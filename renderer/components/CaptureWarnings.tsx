/**
 * The capture's warnings as a button that opens a readable list (QA 14 B): a title tooltip
 * could only be read by hovering, never by keyboard or touch, and "the rest of the capture was
 * not read" is the warning that matters most, so it comes first. The list is fixed-positioned
 * under the button because the header clips what overflows it, and kept inside the window.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { mostTellingFirst } from '../util/captureWarnings';
import { inUsersWords, saysReadingStops } from '../../shared/scap/readingStops';

export function CaptureWarnings({ warnings }: { warnings: readonly string[] }) {
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const open = at !== null;

  useEffect(() => {
    if (!open) return;
    list.current?.focus();
    const outside = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!list.current?.contains(t) && !button.current?.contains(t)) setAt(null);
    };
    // Esc closes the list wherever the focus is: Tab takes it out of the list, which is not a
    // modal trap, and the list stayed open until a click outside (QA 15). The focus the user
    // moved elsewhere stays there.
    const escape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      setAt(null);
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('keydown', escape);
    return () => { document.removeEventListener('mousedown', outside); document.removeEventListener('keydown', escape); };
  }, [open]);

  if (warnings.length === 0) return null;
  const toggle = () => {
    if (open) { setAt(null); return; }
    const r = button.current?.getBoundingClientRect();
    setAt({ top: (r?.bottom ?? 0) + 4, left: Math.max(8, r?.left ?? 0) });
  };
  const closeOnEsc = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    setAt(null);
    button.current?.focus();
  };
  const shown = mostTellingFirst(warnings);
  const n = shown.length;
  return (
    <>
      <button type="button" ref={button} className="small warning capture-warnings-toggle" aria-expanded={open}
        aria-controls="capture-warnings" onClick={toggle} onKeyDown={closeOnEsc}>
        {n} warning{n > 1 ? 's' : ''} {open ? '▴' : '▾'}
      </button>
      {open && (
        <div id="capture-warnings" ref={list} className="capture-warnings" role="dialog" aria-label="Capture warnings"
          tabIndex={-1} style={{ top: at.top, left: `min(${at.left}px, calc(100vw - min(720px, calc(100vw - 16px)) - 8px))` }} onKeyDown={closeOnEsc}>
          <ol>{shown.map((w, i) => <li key={i} className={saysReadingStops(w) ? 'stops-reading' : undefined}>{inUsersWords(w)}</li>)}</ol>
          <button type="button" className="small" onClick={() => { setAt(null); button.current?.focus(); }}>Close</button>
        </div>
      )}
    </>
  );
}
