/**
 * The filter box: checked by the shared parser on every keystroke (the error is shown under the
 * offending column), field autocomplete from the shared catalog, and Enter to apply. An invalid
 * filter is never sent to the engine. Tab, a click, or Enter after choosing with ↑ ↓ takes a
 * suggestion; Enter on a word already typed whole (`exists`, `and`, a field) applies the filter
 * (QA 18: Enter turned `proc.name exists` into `proc.name exists ` and applied nothing).
 * Under an invalid filter a line names the filter the results on screen are for.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { checkFilter, completeFilter, lineAndColumn, type CompletionResult } from '../../shared/filter';
import { useCapture } from '../state/context';
import { focusShownTable } from '../util/focusTable';
import { MAX_FILTER_CHARS } from '../../shared/ipc/schemas';

export function FilterBar() {
  const applied = useCapture((s) => s.filter);
  // A link's filter that does not parse sits in the box, unapplied, with its error.
  const draft = useCapture((s) => s.filterDraft);
  const setFilter = useCapture((s) => s.setFilter);
  const [text, setText] = useState(draft ?? applied);
  const [cursor, setCursor] = useState((draft ?? applied).length);
  const [menu, setMenu] = useState<CompletionResult | null>(null);
  const [active, setActive] = useState(0);
  /** Whether the user moved through the suggestions with ↑ ↓ since the last edit. */
  const [chose, setChose] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A filter longer than the box scrolls inside it; the caret line scrolls with it.
  const [scrollLeft, setScrollLeft] = useState(0);
  const syncScroll = () => setScrollLeft(input.current?.scrollLeft ?? 0);

  useEffect(() => { setText(draft ?? applied); }, [applied, draft]);

  // Over the cap every call refuses, so the bar refuses it first and the results on screen stay.
  const tooLong = text.length > MAX_FILTER_CHARS
    ? `The filter has ${text.length.toLocaleString('en-US')} characters; a filter may have at most ${MAX_FILTER_CHARS.toLocaleString('en-US')}. Shorten it, e.g. with "in (…)" lists.`
    : null;
  const check = useMemo(() => (text.trim() && !tooLong ? checkFilter(text) : null), [text, tooLong]);
  const error = tooLong ? { message: tooLong, offset: 0, suggestion: undefined } : check && !check.ok ? check.error : null;
  const column = error && !tooLong ? lineAndColumn(text, error.offset).column : 0;

  function edit(value: string, caret: number) {
    setText(value);
    setCursor(caret);
    const c = completeFilter(value, caret);
    setMenu(c.items.length && value.slice(c.from, caret).length > 0 ? c : null);
    setActive(0);
    setChose(false);
  }

  /** The word being completed is already one of the suggestions, as typed. */
  function wordIsWhole(m: CompletionResult): boolean {
    const word = text.slice(m.from, m.to);
    return m.items.some((item) => item.label === word);
  }

  function accept(index: number) {
    if (!menu) return;
    const item = menu.items[index];
    const label = item.kind === 'class' ? item.label : `${item.label} `;
    const value = text.slice(0, menu.from) + label + text.slice(menu.to);
    const caret = menu.from + label.length;
    setText(value);
    setMenu(null);
    requestAnimationFrame(() => { input.current?.setSelectionRange(caret, caret); setCursor(caret); });
  }

  function apply() {
    // On an invalid filter too: the suggestions would cover the error that says why (QA 19).
    setMenu(null);
    if (error) return;
    setFilter(text.trim());
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (menu) {
      if (e.key === 'ArrowDown') { setActive((a) => (a + 1) % menu.items.length); setChose(true); e.preventDefault(); return; }
      if (e.key === 'ArrowUp') { setActive((a) => (a - 1 + menu.items.length) % menu.items.length); setChose(true); e.preventDefault(); return; }
      const takes = e.key === 'Tab' || (e.key === 'Enter' && menu.items.length > 0 && (chose || !wordIsWhole(menu)));
      if (takes) { accept(active); e.preventDefault(); return; }
      if (e.key === 'Escape') { setMenu(null); e.preventDefault(); return; }
    }
    if (e.key === 'Enter') { apply(); e.preventDefault(); }
    // Esc hands the keyboard back to the table on screen (↑ ↓ Enter), or to the page.
    if (e.key === 'Escape') { setText(applied); if (!focusShownTable()) input.current?.blur(); }
    e.stopPropagation();
  }

  return (
    <div className="filter-bar">
      <label htmlFor="filter-input">Filter</label>
      <div className="filter-field">
        <input id="filter-input" ref={input} type="text" value={text} spellCheck={false} autoComplete="off"
          role="combobox" aria-expanded={!!menu} aria-controls="filter-completions" aria-autocomplete="list"
          aria-invalid={!!error} aria-describedby={error ? 'filter-error' : undefined}
          aria-activedescendant={menu ? `filter-completion-${active}` : undefined}
          placeholder='e.g. proc.name = nginx and evt.type = open'
          onChange={(e) => { edit(e.target.value, e.target.selectionStart ?? e.target.value.length); syncScroll(); }}
          onKeyDown={onKey} onBlur={() => setTimeout(() => setMenu(null), 150)} onScroll={syncScroll}
          onSelect={(e) => { setCursor(e.currentTarget.selectionStart ?? cursor); syncScroll(); }} />
        {error && (
          <div id="filter-error" role="alert" className="filter-error">
            {!tooLong && <span className="caret-pad" aria-hidden="true" style={scrollLeft ? { marginLeft: -scrollLeft } : undefined}>{' '.repeat(Math.max(0, column - 1))}<span className="caret">^</span></span>}
            <span>{error.message}{error.suggestion && !error.message.includes(error.suggestion) ? ` (did you mean ${error.suggestion}?)` : ''}</span>
          </div>
        )}
        {/* The results below stay those of the filter applied last, which the box no longer shows (QA 20). */}
        {error && text.trim() !== applied && (
          <div className="filter-applied" title={applied || undefined}>
            {applied ? <>Showing results of <code>{applied}</code></> : 'Showing the whole capture: no filter applied'}
          </div>
        )}
        {menu && (
          <ul id="filter-completions" role="listbox" aria-label="Filter suggestions" className="completions">
            {menu.items.map((item, i) => (
              <li key={`${item.kind}:${item.label}`} id={`filter-completion-${i}`} role="option" aria-selected={i === active}
                className={i === active ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); accept(i); }}>
                <span className="completion-label">{item.label}</span>
                {item.detail && <span className="dim completion-detail">{item.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={apply} disabled={!!error || text.trim() === applied}>Apply</button>
      {applied && <button type="button" onClick={() => { setText(''); setFilter(''); }}>Clear</button>}
    </div>
  );
}
