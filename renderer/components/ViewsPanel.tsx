/** The views side: the list of views, and the current step's table with find. */
import { useCallback, useEffect, useState } from 'react';
import type { ColumnInfo, SortSpec } from '../../shared/ipc/contract';
import { canDrillDown, findView, visibleColumns } from '../../shared/views/catalog';
import type { ViewDefinition } from '../../shared/views/types';
import { DataGrid, type DataGridHandle } from '../grid/DataGrid';
import type { Row } from '../grid/rowPages';
import { effectiveFilter } from '../state/captureStore';
import { rowKey } from '../state/rowKey';
import { useCapture, useClient } from '../state/context';
import { FindBar } from './FindBar';
import { ViewsList } from './ViewsList';
import { EmptyTileDrill } from './EmptyTileDrill';
import { EmptyView } from './EmptyView';
import { viewDescription } from '../util/viewDescription';

/** The order the engine lists rows in when the user has not chosen one: csysdig's sorting column, descending. */
function defaultSort(view: ViewDefinition | undefined): SortSpec | undefined {
  const column = view ? visibleColumns(view).find((c) => c.isSorting) : undefined;
  return column ? { column: column.name, descending: true } : undefined;
}

export function ViewsPanel({ gridRef }: { gridRef: React.RefObject<DataGridHandle | null> }) {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const trail = useCapture((s) => s.trail);
  const userFilter = useCapture((s) => s.filter);
  const window = useCapture((s) => s.window);
  const sort = useCapture((s) => s.sort);
  const setSort = useCapture((s) => s.setSort);
  const selectedRow = useCapture((s) => s.selectedRow);
  const selectRow = useCapture((s) => s.selectRow);
  const drillRow = useCapture((s) => s.drillRow);
  const goBack = useCapture((s) => s.goBack);
  const step = trail[trail.length - 1];
  const view = step ? findView(step.viewId) : undefined;
  const filter = effectiveFilter(userFilter, step);
  const queryKey = JSON.stringify([captureId, step?.viewId, filter, window, sort]);

  const fetchPage = useCallback((offset: number, limit: number) =>
    client.call('view', { captureId, viewId: step?.viewId ?? '', filter, window, sort, offset, limit }),
  [client, captureId, step?.viewId, filter, window, sort]);

  const drillable = view ? canDrillDown(view) : false;
  const [drillNote, setDrillNote] = useState<string | null>(null);
  useEffect(() => setDrillNote(null), [queryKey]);
  const onDrill = (row: Row, columns: ColumnInfo[], engineKey: string | undefined, panel?: 'events' | 'streams') => {
    const key = engineKey ?? (view ? rowKey(row, columns, view) : null);
    if (key === null) { setDrillNote('This row has no key to drill down on.'); return; }
    drillRow(key, panel);
  };

  return (
    <div className="views-panel">
      <ViewsList />
      <section className="table-panel" aria-label={view?.name ?? 'View'}>
        <div className="table-head">
          <h2>{view?.name ?? step?.viewId}</h2>
          {view && <span className="dim">{viewDescription(view)}</span>}
          {drillNote && <span role="status" className="dim">{drillNote}</span>}
          <FindBar grid={gridRef} inputId="find-input" />
        </div>
        {step && !view ? (
          // A link (or an older URL) that names no view of this version: say so where the table
          // would be, not as small print under an empty grid (QA 20).
          <p role="alert" className="panel-message unknown-view">
            There is no view '{step.viewId}'. Choose one from the list of views on the left.
          </p>
        ) : <DataGrid ref={gridRef} label={view?.name ?? 'View'} view={view} queryKey={queryKey} fetchPage={fetchPage}
          sort={sort ?? defaultSort(view)} onSort={setSort} selectedRow={selectedRow} onSelect={selectRow}
          onDrill={drillable ? onDrill : undefined} onBack={goBack}
          whenEmpty={step?.keyField === 'tile' ? <EmptyTileDrill step={step} view={view} /> : <EmptyView trail={trail} view={view} />} />}
      </section>
    </div>
  );
}
