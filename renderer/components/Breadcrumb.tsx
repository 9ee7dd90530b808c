/**
 * Where the user is: "Whole capture", then one crumb per drill-down step; a crumb goes back to
 * its step. The first crumb is the one way back to the whole capture: it drops the drill-down
 * scope in every tab (views, events, I/O, processes), not only on the overview.
 */
import { breadcrumb, type DrillStep } from '../../shared/views/drilldown';
import { findView } from '../../shared/views/catalog';
import { useCapture } from '../state/context';

export function Breadcrumb() {
  const trail = useCapture((s) => s.trail);
  const panel = useCapture((s) => s.panel);
  const showWholeCapture = useCapture((s) => s.showWholeCapture);
  const walkBack = useCapture((s) => s.walkBack);
  const labels = breadcrumb(trail).map((label, i) => tileLabel(trail[i]) ?? label);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <button type="button" className="link" aria-current={panel === 'overview' ? 'page' : undefined} onClick={showWholeCapture}
            title="Back to the whole capture in every tab (drops the drill-down)">Whole capture</button>
        </li>
        {panel !== 'overview' && labels.map((label, i) => (
          <li key={i}>
            <button type="button" className="link" aria-current={i === labels.length - 1 ? 'page' : undefined} onClick={() => walkBack(i)}>{label}</button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A step opened from a tile reads "View: Tile title" rather than a key = value. */
function tileLabel(step: DrillStep | undefined): string | undefined {
  if (step?.keyField !== 'tile') return undefined;
  return `${findView(step.viewId)?.name ?? step.viewId}: ${step.selection ?? ''}`;
}
