/**
 * A tile's drill that lands on an empty table says why, and offers the tabs that show the tile's
 * events under the same scope (QA 14 A5: Container Deaths → on a capture without metadata for
 * the dead container opens an empty Containers table, faithful to csysdig, and said nothing).
 * A table is empty for a tile because the view keeps only some events (its own filter), or
 * because the user's filter or time window leaves none.
 */
import type { DrillStep } from '../../shared/views/drilldown';
import type { ViewDefinition } from '../../shared/views/types';
import { useCapture } from '../state/context';

export function EmptyTileDrill({ step, view }: { step: DrillStep; view: ViewDefinition | undefined }) {
  const userFilter = useCapture((s) => s.filter);
  const window = useCapture((s) => s.window);
  const showPanel = useCapture((s) => s.showPanel);
  const narrowed = [userFilter ? 'your filter' : '', window ? 'the time window' : ''].filter(Boolean).join(' and ');
  const viewName = view?.name ?? step.viewId;
  return (
    <div role="status" className="empty-drill">
      <p>
        No {viewName} rows for the {step.selection} tile{narrowed ? ` under ${narrowed}` : ''}.
        {view?.filter && <> The {viewName} view keeps only events where <code>{view.filter}</code>.</>}
        {view?.id === 'containers' && ' A container the capture holds no metadata for (no name, no image) has no row here, as in csysdig.'}
      </p>
      <p>
        The tile's events are on the other tabs:{' '}
        <button type="button" className="link" onClick={() => showPanel('events')}>Events</button>{' · '}
        <button type="button" className="link" onClick={() => showPanel('tree')}>Processes</button>{' · '}
        <button type="button" className="link" onClick={() => showPanel('streams')}>I/O Streams</button>
      </p>
    </div>
  );
}
