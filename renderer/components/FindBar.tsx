/** Find in the current table: Enter / Next for the next matching row, Shift+Enter / Previous back. */
import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { DataGridHandle } from '../grid/DataGrid';
import { useCapture } from '../state/context';

export function FindBar({ grid, inputId }: { grid: RefObject<DataGridHandle | null>; inputId: string }) {
  const selectedRow = useCapture((s) => s.selectedRow);
  const selectRow = useCapture((s) => s.selectRow);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  async function find(direction: 1 | -1) {
    const g = grid.current;
    if (!g || !text) return;
    setStatus('Searching…');
    const row = await g.pages().find(text, selectedRow, direction);
    if (row === null) { setStatus('No match'); return; }
    setStatus(`Row ${(row + 1).toLocaleString('en-US')}`);
    selectRow(row);
    g.reveal(row);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    e.stopPropagation();
    if (e.key === 'Enter') { e.preventDefault(); void find(e.shiftKey ? -1 : 1); }
    if (e.key === 'Escape') { e.currentTarget.blur(); grid.current?.focus(); }
  }

  return (
    <div className="find-bar" role="search" aria-label="Find in table">
      <label htmlFor={inputId}>Find</label>
      <input id={inputId} type="search" value={text} onChange={(e) => { setText(e.target.value); setStatus(''); }} onKeyDown={onKey} />
      <button type="button" onClick={() => void find(-1)} disabled={!text} aria-label="Previous match">↑</button>
      <button type="button" onClick={() => void find(1)} disabled={!text} aria-label="Next match">↓</button>
      <span className="dim" aria-live="polite">{status}</span>
    </div>
  );
}
