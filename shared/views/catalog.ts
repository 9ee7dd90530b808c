/**
 * Looking views up: by id, the columns shown in container-aware mode (csysdig's `-pc`, which is
 * how Sysdig Inspect runs every view), the key field, and the views offered after a drill-down.
 */
import { viewDefinitions } from './definitions';
import type { ViewColumn, ViewDefinition } from './types';

const byId = new Map(viewDefinitions.map((v) => [v.id, v]));

export function findView(id: string): ViewDefinition | undefined {
  return byId.get(id);
}

export function allViews(): readonly ViewDefinition[] {
  return viewDefinitions;
}

/** Columns in effect with container columns on: "default"-only columns are dropped. */
export function activeColumns(view: ViewDefinition): ViewColumn[] {
  return view.columns.filter((c) => !c.tags || c.tags.includes('containers'));
}

/** The field rows are grouped by (tables) or undefined (lists). */
export function keyColumn(view: ViewDefinition): ViewColumn | undefined {
  return view.kind === 'table' ? activeColumns(view).find((c) => c.isKey) ?? activeColumns(view)[0] : undefined;
}

/**
 * Tables that merge rows a second time (threads → processes, threads → containers) group by
 * the hidden ("NA") column that is not the key; csysdig marks such views by giving columns a
 * groupby aggregation.
 */
export function groupByColumn(view: ViewDefinition): ViewColumn | undefined {
  const cols = activeColumns(view);
  if (!cols.some((c) => c.groupbyAggregation)) return undefined;
  const key = keyColumn(view);
  return cols.find((c) => c !== key && c.name === 'NA');
}

/** The field a drill-down on this view filters on: the group-by field when there is one. */
export function drillKeyField(view: ViewDefinition): string | undefined {
  return (groupByColumn(view) ?? keyColumn(view))?.field;
}

/** Columns a table shows: everything but the key (and the group-by key). */
export function visibleColumns(view: ViewDefinition): ViewColumn[] {
  const hidden = new Set<ViewColumn>();
  const key = keyColumn(view);
  if (key) hidden.add(key);
  const group = groupByColumn(view);
  if (group) hidden.add(group);
  return activeColumns(view).filter((c) => !hidden.has(c));
}

/** Index into visibleColumns of the default sort column. */
export function defaultSortColumn(view: ViewDefinition): number {
  const i = visibleColumns(view).findIndex((c) => c.isSorting);
  return i < 0 ? 0 : i;
}

export function canDrillDown(view: ViewDefinition): boolean {
  return view.kind === 'table' && view.drilldownTarget !== undefined && byId.has(view.drilldownTarget);
}

/** The views Sysdig Inspect lists (tag wsysdig), by name as csysdig sorts them. */
export function listedViews(): ViewDefinition[] {
  return viewDefinitions.filter((v) => v.tags.includes('wsysdig')).sort((a, b) => a.name.localeCompare(b.name));
}

/** Listed views that make sense after drilling on `keyField` ("" at the top level). */
export function viewsApplyingTo(keyField: string): ViewDefinition[] {
  return listedViews().filter((v) => v.appliesTo.includes(keyField));
}
