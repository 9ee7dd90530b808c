/**
 * A table over any number of rows: only the rows on screen exist in the DOM, fetched a page
 * at a time from the engine (rowPages.ts); past a few hundred thousand rows the scrollbar is
 * scaled (scrollWindow.ts). Click a header to sort by it (again to flip), arrows move the
 * selection, Enter drills down, Backspace goes back. Columns cut off on the right are counted
 * under the table, with a button that scrolls to them (a scrollbar alone is easy to miss).
 * The key column (and the name beside it) is pinned to its edge, so the row a user drills by
 * stays in sight while the other columns scroll under it (pinnedColumns.ts).
 */
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import type { ColumnInfo, SortSpec } from '../../shared/ipc/contract';
import { RowPages, type FetchPage, type Row } from './rowPages';
import { scrollGeometry, scrollTopToReveal } from './scrollWindow';
import { formatCell } from '../util/format';
import { cellPaddingRem, cellWidthMeasurer, columnTracks, gridTemplate, rowWidth as rowWidthOf } from './columnWidths';
import type { ViewDefinition } from '../../shared/views/types';
import { emptyValueLabel } from '../../shared/views/stepName';
import { keyColumnIndex, pinnedColumns, pinnedRem, type PinnedColumn } from './pinnedColumns';
import { rowContainerColumn, withContainer } from './rowContainer';
import { kubernetesNameParts } from './kubernetesName';

const rowPx = 24;
const headerPx = 28;

export interface DataGridProps {
  label: string;
  /** The view shown, for csysdig's column sizes. */
  view?: ViewDefinition;
  /** Changes whenever the query (view, filter, window, sort) changes: a new key = fresh pages. */
  queryKey: string;
  fetchPage: FetchPage;
  sort: SortSpec | undefined;
  onSort(sort: SortSpec): void;
  selectedRow: number;
  onSelect(row: number): void;
  onDrill?(row: Row, columns: ColumnInfo[], key: string | undefined, panel?: 'events' | 'streams'): void;
  onBack(): void;
  /** Shown under the grid when the query has no rows (why, and where to look instead). */
  whenEmpty?: ReactNode;
}

export interface DataGridHandle {
  pages(): RowPages;
  reveal(row: number): void;
  focus(): void;
}

/** Characters the open column keeps at the end of a cut cell: a container's `…_4`, a path's file name. */
const keptTailChars = 10;
/** A narrow cell (a pinned NAME) keeps a shorter end, so its start still shows beside it. */
const tailShareOfRoom = 0.6;

/**
 * A cell of the open column, cut in the middle when too narrow: its start shrinks with an
 * ellipsis and its last characters stay (the attempt suffix of a container's name). Both are
 * inline, so the cell's text reads as one string. `roomRem`: the least room the cell's text has
 * (the track may grow past it); a cell whose text may not fit has it whole in its tooltip.
 */
function MiddleCut({ text, roomRem, textRem, tooltip }: { text: string; roomRem: number; textRem(text: string): number; tooltip?: string }) {
  if (text.length <= keptTailChars * 2) return textRem(text) <= roomRem && !tooltip ? <>{text}</> : <span title={tooltip ?? text}>{text}</span>;
  // A Kubernetes name too long for its cell drops its 'k8s_' and keeps its attempt: the cut starts at the container's name (kubernetesName.ts).
  const k8s = textRem(text) > roomRem ? kubernetesNameParts(text) : undefined;
  let tailChars = k8s ? k8s.attempt.length : keptTailChars;
  while (!k8s && tailChars > 3 && textRem(text.slice(-tailChars)) > roomRem * tailShareOfRoom) tailChars--;
  const tail = text.slice(-tailChars);
  const headWidth = { maxWidth: `calc(100% - ${Math.ceil(textRem(tail) * 100) / 100 + 0.1}rem)` };
  return (
    <span className="middle-cut" title={tooltip ?? text}>
      {k8s && <span className="cut-away">{k8s.prefix}</span>}
      <span className="head" style={headWidth}>{text.slice(k8s ? k8s.prefix.length : 0, -tailChars)}</span>{tail}
    </span>
  );
}

/** Per column, what an empty cell reads ("(no fd type)" for I/O by Type's row of events without an fd), if anything. */
function emptyCellLabels(columns: ColumnInfo[], view: ViewDefinition | undefined): Array<string | undefined> {
  return columns.map((c) => {
    const field = view?.columns.find((vc) => vc.name === c.name)?.field;
    return field ? emptyValueLabel(field) : undefined;
  });
}

/** A pinned cell's class and its sticky offset. */
function pinClass(pin: PinnedColumn | undefined): string {
  return pin ? ` pinned pinned-${pin.side}${pin.inner ? ' pinned-inner' : ''}` : '';
}
function pinStyle(pin: PinnedColumn | undefined): CSSProperties | undefined {
  return pin ? { [pin.side]: `${pin.offsetRem}rem` } : undefined;
}

function shownColumns(columns: ColumnInfo[]): number[] {
  return columns.map((c, i) => [c, i] as const).filter(([c]) => c.title !== 'NA' && c.title !== '').map(([, i]) => i);
}

export const DataGrid = forwardRef<DataGridHandle, DataGridProps>(function DataGrid(props, ref) {
  const { queryKey, fetchPage, sort, onSort, selectedRow, onSelect, onDrill, onBack, label, view, whenEmpty } = props;
  const cellWidth = useMemo(() => cellWidthMeasurer(), []);
  const pages = useMemo(() => new RowPages(fetchPage, undefined, undefined, (v, col) => cellWidth(formatCell(v, col.type), col.type)), [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportPx, setViewportPx] = useState(400);
  const [, setVersion] = useState(0);
  const [hiddenRight, setHiddenRight] = useState(0);
  const header = useRef<HTMLDivElement>(null);

  const [roomRem, setRoomRem] = useState<number | undefined>(undefined);

  /**
   * Counts the columns not wholly in sight on the right: a column whose end is cut (a NAME's
   * kept suffix) is as much out of sight as one past the edge (QA 15 B2).
   */
  function measureHidden() {
    const el = scroller.current;
    const cells = header.current ? [...header.current.children] as HTMLElement[] : [];
    if (!el) return;
    // Columns pinned to the right edge are always in sight, and cover the columns under them.
    const pinned = cells.filter((c) => c.classList.contains('pinned-right'));
    const edge = el.scrollLeft + el.clientWidth - pinned.reduce((s, c) => s + c.offsetWidth, 0);
    setHiddenRight(cells.filter((c) => c.offsetWidth > 0 && !c.classList.contains('pinned') && c.offsetLeft + c.offsetWidth > edge + 1).length);
  }

  function measureRoom() {
    const el = scroller.current;
    if (!el) return;
    const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    setRoomRem(el.clientWidth / remPx);
  }

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = 0;
    setScrollTop(0);
    const ro = new ResizeObserver(() => { setViewportPx(Math.max(rowPx, el.clientHeight - headerPx)); measureRoom(); measureHidden(); });
    ro.observe(el);
    return () => ro.disconnect();
  }, [pages]);

  const total = pages.totalRows ?? 0;
  const geometry = scrollGeometry(scrollTop, viewportPx, total, rowPx);
  const first = Math.floor(geometry.firstRow);
  const count = Math.ceil(viewportPx / rowPx) + 2;

  useEffect(() => {
    let live = true;
    void pages.ensure(first, first + count).then(() => { if (live) setVersion((v) => v + 1); });
    return () => { live = false; };
  }, [pages, first, count]);

  function reveal(row: number) {
    const el = scroller.current;
    if (!el) return;
    const top = scrollTopToReveal(row, el.scrollTop, viewportPx, total, rowPx);
    if (top !== el.scrollTop) { el.scrollTop = top; setScrollTop(top); }
  }

  // A table the user comes back to keeps its selected row (the store remembers it): once the
  // fresh pages know their size, scroll that row into view.
  const revealedFor = useRef<RowPages | null>(null);
  useEffect(() => {
    if (revealedFor.current === pages || pages.totalRows === null) return;
    revealedFor.current = pages;
    if (selectedRow > 0 && total > 0) reveal(Math.min(selectedRow, total - 1));
  });

  // Columns arrive with the first page and change with the view: count the hidden ones again.
  useEffect(measureHidden);

  useImperativeHandle(ref, () => ({ pages: () => pages, reveal, focus: () => scroller.current?.focus() }));

  function move(to: number) {
    if (total === 0) return;
    const row = Math.max(0, Math.min(total - 1, to));
    onSelect(row);
    reveal(row);
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(viewportPx / rowPx) - 1);
    const handled = (() => {
      switch (e.key) {
        case 'ArrowDown': move(selectedRow + 1); return true;
        case 'ArrowUp': move(selectedRow - 1); return true;
        case 'PageDown': move(selectedRow + page); return true;
        case 'PageUp': move(selectedRow - page); return true;
        case 'Home': move(0); return true;
        case 'End': move(total - 1); return true;
        case 'Enter': {
          const row = pages.row(selectedRow);
          if (row && onDrill) onDrill(row, pages.columns, pages.key(selectedRow));
          return true;
        }
        case 'Backspace': onBack(); return true;
        case 'e': case 'd': {
          // As in csysdig and Sysdig Inspect: e = the row's I/O (echo), d = its events (dig).
          const row = pages.row(selectedRow);
          if (row && onDrill) onDrill(row, pages.columns, pages.key(selectedRow), e.key === 'e' ? 'streams' : 'events');
          return true;
        }
        default: return false;
      }
    })();
    if (handled) { e.preventDefault(); e.stopPropagation(); }
  }

  const columns = pages.columns;
  const shown = shownColumns(columns);
  const keyShown = keyColumnIndex(columns, shown, view);
  const { pins, tracks } = pinnedColumns(columns, shown, columnTracks(columns, shown, view, pages.widest, sort?.column, roomRem, keyShown), view, roomRem);
  // A pinned path names its row's container in its tooltip: the Container column may have scrolled away (rowContainer.ts).
  const containerShown = pins[keyShown] ? rowContainerColumn(columns, shown, view, keyShown) : -1;
  const gridTemplateColumns = gridTemplate(tracks);
  const rowWidth = rowWidthOf(tracks);
  const frac = geometry.firstRow - first;
  const emptyLabels = emptyCellLabels(columns, view);
  const rows: ReactElement[] = [];
  for (let i = first; i < Math.min(total, first + count); i++) {
    const row = pages.row(i);
    rows.push(
      <div key={i} role="row" id={`${queryKey.length}-row-${i}`} aria-rowindex={i + 2} aria-selected={i === selectedRow}
        className={`grid-row${i === selectedRow ? ' selected' : ''}${i % 2 ? ' odd' : ''}`} style={{ gridTemplateColumns, width: rowWidth }}
        onClick={() => onSelect(i)} onDoubleClick={() => { if (row && onDrill) onDrill(row, columns, pages.key(i)); }}>
        {shown.map((c, k) => {
          const text = row ? formatCell(row[c], columns[c].type) || (emptyLabels[c] ?? '') : '…';
          const tooltip = k === keyShown && containerShown >= 0 && row ? withContainer(text, formatCell(row[shown[containerShown]], 'string')) : undefined;
          return (
            <div role="gridcell" key={c} className={`cell ${columns[c].type === 'string' ? 'text' : 'num'}${pinClass(pins[k])}`} style={pinStyle(pins[k])}
              title={tooltip && !tracks[k].fills ? tooltip : undefined}>
              {tracks[k].fills ? <MiddleCut text={text} roomRem={tracks[k].rem - cellPaddingRem} textRem={(t) => cellWidth(t, columns[c].type)} tooltip={tooltip} /> : text}
            </div>
          );
        })}
      </div>,
    );
  }

  return (
    <div className="grid-wrap">
      <div ref={scroller} className="grid-scroll" role="grid" aria-label={label} aria-rowcount={total + 1} aria-colcount={shown.length}
        tabIndex={0} aria-activedescendant={total ? `${queryKey.length}-row-${selectedRow}` : undefined}
        onScroll={(e) => { setScrollTop(e.currentTarget.scrollTop); measureHidden(); }} onKeyDown={onKey}>
        <div ref={header} role="row" aria-rowindex={1} className="grid-header" style={{ gridTemplateColumns, width: rowWidth }}>
          {shown.map((c, k) => {
            const col = columns[c];
            const active = sort?.column === col.name;
            return (
              <div role="columnheader" key={c} aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : 'none'}
                className={`cell${pinClass(pins[k])}`} style={pinStyle(pins[k])}>
                <button type="button" className="sort" title={col.description ?? col.title}
                  onClick={() => onSort({ column: col.name, descending: active ? !sort?.descending : true })}>
                  {col.title}{active ? (sort?.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </div>
            );
          })}
        </div>
        <div className="grid-spacer" style={{ height: geometry.spacerPx }} />
        <div className="grid-rows" style={{ width: rowWidth, transform: `translateY(${scrollTop + headerPx - frac * rowPx}px)` }}>{rows}</div>
      </div>
      {pages.totalRows === 0 && !pages.error && whenEmpty}
      <div className="grid-status" aria-live="polite">
        {pages.error ? <span role="alert" className="error-line">{pages.error}</span>
          : pages.totalRows === null ? 'Loading…' : `${total.toLocaleString('en-US')} row${total === 1 ? '' : 's'}${total ? ` · row ${Math.min(selectedRow + 1, total).toLocaleString('en-US')}` : ''}`}
        {hiddenRight > 0 && (
          <button type="button" className="link more-columns" title="The table scrolls sideways (Shift+wheel, or the scrollbar)"
            onClick={() => {
              const el = scroller.current;
              if (!el) return;
              // Scroll by part of what is not covered by the pinned columns, so no column is skipped under them.
              const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
              el.scrollLeft += Math.max(40, (el.clientWidth - (pinnedRem(pins, tracks, 'left') + pinnedRem(pins, tracks, 'right')) * remPx) * 0.6);
            }}>
            {hiddenRight} more column{hiddenRight === 1 ? '' : 's'} →
          </button>
        )}
      </div>
    </div>
  );
});
