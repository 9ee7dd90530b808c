/**
 * A passing message over the open capture (an export written, a drop the browser cannot place):
 * it floats above the layout instead of pushing it down, and clears itself after a while or on
 * a click.
 */
import { useEffect } from 'react';
import { useApp } from '../state/appStore';

export const noticeMs = 8000;

export function Notice() {
  const notice = useApp((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => { if (useApp.getState().notice === notice) useApp.getState().setNotice(null); }, noticeMs);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return <p role="status" className="notice" title="Click to dismiss" onClick={() => useApp.getState().setNotice(null)}>{notice}</p>;
}
