/**
 * The value a drill-down on a row filters by. The engine marks the key column (isKey) when it
 * sends one; otherwise the view definition says which field is the key, and a visible column
 * showing that same field carries it (PID for processes, ID for containers, ...).
 */
import type { ColumnInfo } from '../../shared/ipc/contract';
import { activeColumns, drillKeyField } from '../../shared/views/catalog';
import type { ViewDefinition } from '../../shared/views/types';

export function rowKey(row: Array<string | number | null>, columns: ColumnInfo[], view: ViewDefinition): string | null {
  let index = columns.findIndex((c) => c.isKey);
  if (index < 0) {
    const field = drillKeyField(view);
    const shown = activeColumns(view).find((c) => c.name !== 'NA' && c.field === field);
    index = shown ? columns.findIndex((c) => c.name === shown.name) : -1;
  }
  const value = index >= 0 ? row[index] : null;
  return value === null || value === undefined ? null : String(value);
}
