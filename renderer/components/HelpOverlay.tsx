/** The keyboard shortcut overlay (`?`). */
import { useEffect, useRef } from 'react';
import { shortcuts } from '../keyboard';
import { useApp } from '../state/appStore';

export function HelpOverlay() {
  const open = useApp((s) => s.helpOpen);
  const setOpen = useApp((s) => s.setHelpOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) closeButton.current?.focus(); }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" onClick={() => setOpen(false)}>
      <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="dialog" onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => { if (e.key === 'Escape') setOpen(false); }}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map((s) => <tr key={s.keys}><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.what}</td></tr>)}
          </tbody>
        </table>
        <button type="button" ref={closeButton} onClick={() => setOpen(false)}>Close</button>
      </div>
    </div>
  );
}
