/** The views that make sense at this drill-down level; choosing one keeps the step's filter. */
import { viewsApplyingTo, findView } from '../../shared/views/catalog';
import { currentKeyField } from '../../shared/views/drilldown';
import { useCapture } from '../state/context';
import { viewDescription } from '../util/viewDescription';

export function ViewsList() {
  const trail = useCapture((s) => s.trail);
  const switchView = useCapture((s) => s.switchView);
  const current = trail[trail.length - 1]?.viewId;
  const keyField = trail.length ? currentKeyField(trail) : '';
  const views = viewsApplyingTo(keyField === 'tile' ? '' : keyField);
  const listed = views.some((v) => v.id === current) || !current ? views : [...views, findView(current)].filter((v) => v !== undefined);
  return (
    <nav aria-label="Views" className="views-list">
      <h2>Views</h2>
      <ul>
        {listed.map((v) => (
          <li key={v.id}>
            <button type="button" className={v.id === current ? 'view-item current' : 'view-item'} aria-current={v.id === current ? 'true' : undefined}
              title={viewDescription(v)} onClick={() => switchView(v.id)}>{v.name}</button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
