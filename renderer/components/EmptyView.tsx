/**
 * A view table with no rows says why and offers the way out, as the I/O tab does (QA 16 R2):
 * "0 rows" alone leaves the user guessing whether the capture, the view's own filter, the
 * drill-down, the user's filter or the time window emptied it.
 *
 * One empty table is certain for most rows: Connections drills into New Connections (csysdig's
 * own drill target), which lists only accepted connections, so every connection this side opened
 * drills to nothing (QA 16 R1). That case names the reason and offers the connection's I/O and
 * events, which are what a user drilling into "the curl connection" wants.
 *
 * "Look in the whole capture" shows the same view without the drill-down (the user's filter and
 * time window stay), as the I/O tab's offer keeps its tab.
 */
import type { DrillStep } from '../../shared/views/drilldown';
import type { ViewDefinition } from '../../shared/views/types';
import { useCapture } from '../state/context';
import { selectionLabel } from '../util/scopeLabel';

export function EmptyView({ trail, view }: { trail: DrillStep[]; view: ViewDefinition | undefined }) {
  const userFilter = useCapture((s) => s.filter.trim());
  const window = useCapture((s) => s.window);
  const showPanel = useCapture((s) => s.showPanel);
  const openView = useCapture((s) => s.openView);
  const step = trail[trail.length - 1];
  if (!step) return null;
  const viewName = view?.name ?? step.viewId;
  const scope = step.filter ? selectionLabel(step) || 'the drill-down' : '';
  const narrowed = [userFilter ? 'this filter' : '', window ? 'the time window' : ''].filter(Boolean).join(' and ');
  const fromConnections = view?.id === 'incoming_connections' && trail[trail.length - 2]?.viewId === 'connections';

  if (fromConnections) {
    return (
      <div role="status" className="empty-drill">
        <p>
          No new connection for {scope}. New Connections lists only connections accepted in the capture (their{' '}
          <code>accept</code> events), as csysdig's drill from Connections does; this one was opened by this side
          (connect) or before the capture began.
        </p>
        <p>
          The connection itself:{' '}
          <button type="button" className="link" onClick={() => showPanel('streams')}>its I/O (e)</button>{' · '}
          <button type="button" className="link" onClick={() => showPanel('events')}>its events</button>
        </p>
      </div>
    );
  }
  return (
    <div role="status" className="empty-drill">
      <p>
        No {viewName} rows{scope ? ` for ${scope}` : ''}{narrowed ? ` under ${narrowed}` : ''}.
        {view?.filter && <> The {viewName} view keeps only events where <code>{view.filter}</code>.</>}
      </p>
      {(scope || userFilter) && (
        <p>
          {scope && <button type="button" className="link" onClick={() => openView(step.viewId)}>Look in the whole capture{userFilter ? ' with this filter' : ''}</button>}
          {scope && userFilter && ' · '}
          {userFilter && <button type="button" className="link" onClick={() => showPanel('events')}>The filter's events (Events tab)</button>}
        </p>
      )}
    </div>
  );
}
