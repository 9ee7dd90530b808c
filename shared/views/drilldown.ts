/**
 * Drill-down, as csysdig's filter templates define it and Sysdig Inspect walks it.
 *
 * A trail is the list of steps from the top level: each step names the view shown and the
 * filter that selects its events (without the time window, which is applied separately). Drilling
 * on a row builds the next step's filter from the current view's template with the row's key in
 * place of the placeholder; walking back truncates the trail; switching views at the same level
 * keeps the step's filter and only changes the view.
 */
import { canDrillDown, drillKeyField, findView } from './catalog';
import type { ViewDefinition } from './types';
import { drillCrumb } from './stepName';

/** The placeholder csysdig puts where the selected key goes (kept so templates compare equal). */
export const KEY_PLACEHOLDER = '@#$f1CA^&;';

export interface DrillStep {
  viewId: string;
  /** The filter selecting this step's events ('' = everything). */
  filter: string;
  /** What was drilled on to get here (absent for the first step). */
  keyField?: string;
  selection?: string;
}

export type Trail = DrillStep[];

/**
 * The filter a drill-down on `view` produces, with KEY_PLACEHOLDER for the row's key:
 * `(parent) and ((view filter) and key="…")`, dropping the parts that are empty and the view
 * filter when the view does not propagate it.
 */
export function filterTemplate(view: ViewDefinition, parentFilter = ''): string | undefined {
  const keyField = drillKeyField(view);
  if (!keyField) return undefined;
  const keyClause = `${keyField}="${KEY_PLACEHOLDER}"`;
  const own = view.filter && view.propagateFilter !== false ? `(${view.filter}) and ${keyClause}` : keyClause;
  return parentFilter.trim() ? `(${parentFilter}) and (${own})` : own;
}

/** Quotes a key value for a filter string: backslashes and double quotes escaped. */
export function quoteKey(key: string): string {
  return key.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * A row whose key is empty groups the events that have no value for the key field (I/O by
 * Type's top row is every event without an fd): `field=""` matches none of them, so its drill
 * asks for the field's absence as well (QA 16 R3).
 */
export function rowFilter(view: ViewDefinition, parentFilter: string, rowKey: string): string | undefined {
  const template = filterTemplate(view, parentFilter);
  if (template === undefined) return undefined;
  if (rowKey === '') {
    const field = drillKeyField(view) as string;
    return template.split(`${field}="${KEY_PLACEHOLDER}"`).join(`(not ${field} exists or ${field}="")`);
  }
  return template.split(`"${KEY_PLACEHOLDER}"`).join(`"${quoteKey(rowKey)}"`);
}

/** The first step: a view over everything matching the user's filter. */
export function startTrail(viewId: string, userFilter = ''): Trail {
  return [{ viewId, filter: userFilter }];
}

function current(trail: Trail): DrillStep {
  const last = trail[trail.length - 1];
  if (!last) throw new Error('empty drill-down trail');
  return last;
}

/** Drills on a row of the current view; throws (one line) if that view has no drill target. */
export function drillDown(trail: Trail, rowKey: string): Trail {
  const step = current(trail);
  const view = findView(step.viewId);
  if (!view) throw new Error(`unknown view '${step.viewId}'`);
  if (!canDrillDown(view)) throw new Error(`view '${view.id}' has no drill-down`);
  const filter = rowFilter(view, step.filter, rowKey) as string;
  return [...trail, { viewId: view.drilldownTarget as string, filter, keyField: drillKeyField(view), selection: rowKey }];
}

/** Goes back to step `index` (0 = the first view). */
export function walkBack(trail: Trail, index: number): Trail {
  if (index < 0 || index >= trail.length) throw new Error(`no drill-down step ${index}`);
  return trail.slice(0, index + 1);
}

/** Shows another view for the same selection: same filter, different view. */
export function switchView(trail: Trail, viewId: string): Trail {
  if (!findView(viewId)) throw new Error(`unknown view '${viewId}'`);
  const step = current(trail);
  return [...trail.slice(0, -1), { ...step, viewId }];
}

/** The key field the current step was drilled on ("" at the top level), for viewsApplyingTo. */
export function currentKeyField(trail: Trail): string {
  return current(trail).keyField ?? '';
}

/** One breadcrumb label per step: "View name", or the view and the selection in words ("Processes using /etc/passwd"). */
export function breadcrumb(trail: Trail): string[] {
  return trail.map((s) => {
    const name = findView(s.viewId)?.name ?? s.viewId;
    return s.keyField ? drillCrumb(name, s.keyField, s.selection ?? '') : name;
  });
}
