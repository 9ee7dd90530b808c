/**
 * Where the user is: "Whole capture", then one crumb per drill-down step; a crumb goes back to
 * its step. The first crumb is the one way back to the whole capture: it drops the drill-down
 * scope in every tab (views, events, I/O, processes), not only on the overview.
 *
 * On the events, I/O and process tabs the last crumb names what those tabs are scoped to ("I/O
 * of /var/log/nginx/error.log"), not the view the drill would have opened (`e` on a Files row
 * never shows the Processes view), and a first step that scopes nothing is left out.
 */
import { breadcrumb, type DrillStep } from '../../shared/views/drilldown';
import { findView } from '../../shared/views/catalog';
import { useCapture } from '../state/context';
import type { Panel } from '../state/hashState';
import { selectionLabel, stepTile } from '../util/scopeLabel';

const scopedTabs: Partial<Record<Panel, string>> = { events: 'Events', streams: 'I/O', tree: 'Processes' };

export function Breadcrumb() {
  const trail = useCapture((s) => s.trail);
  const panel = useCapture((s) => s.panel);
  const showWholeCapture = useCapture((s) => s.showWholeCapture);
  const walkBack = useCapture((s) => s.walkBack);
  const crumbs = panel === 'overview' ? [] : crumbLabels(trail, panel);
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <button type="button" className="link" aria-current={panel === 'overview' ? 'page' : undefined} onClick={showWholeCapture}
            title="Back to the whole capture in every tab (drops the drill-down)">Whole capture</button>
        </li>
        {crumbs.map(({ label, step }, i) => (
          <li key={step}>
            <button type="button" className="link" aria-current={i === crumbs.length - 1 ? 'page' : undefined} onClick={() => walkBack(step)}
              title={trail[step]?.filter ? `Filter: ${trail[step].filter}` : undefined}>{label}</button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The crumbs shown on `panel`, each with the trail step it walks back to. */
export function crumbLabels(trail: DrillStep[], panel: Panel): Array<{ label: string; step: number }> {
  const labels = breadcrumb(trail).map((label, i) => ({ label: tileLabel(trail[i]) ?? label, step: i }));
  const tab = scopedTabs[panel];
  if (!tab) return labels;
  const last = trail.length - 1;
  const scope = selectionLabel(trail[last]);
  if (!scope) return trail[last]?.filter ? labels : labels.slice(0, -1);
  return [...labels.slice(0, -1), { label: `${tab} of ${stepTile(trail[last]) ?? scope}`, step: last }];
}

/** A step opened from a tile reads "View: Tile title" rather than a key = value. */
function tileLabel(step: DrillStep | undefined): string | undefined {
  const tile = stepTile(step);
  return tile === undefined ? undefined : `${findView(step!.viewId)?.name ?? step!.viewId}: ${tile}`;
}
