/**
 * Which columns stay on screen when a table scrolls sideways (QA 20 item 6): the key a user
 * drills by (a container's ID, a process's PID) and, beside it, the open column naming the row
 * (a container's NAME), together taking no more than `pinnedShareOfRoom` of the table's room.
 * csysdig puts the Containers key at the right end, Processes' at the left: a group at an end
 * sticks to that edge and the other columns scroll under it. A key in the middle of the columns
 * is not pinned: pinning it would move it out of csysdig's order.
 */
import type { ColumnInfo } from '../../shared/ipc/contract';
import { activeColumns, drillKeyField } from '../../shared/views/catalog';
import type { ViewDefinition } from '../../shared/views/types';
import type { ColumnTrack } from './columnWidths';

export interface PinnedColumn {
  side: 'left' | 'right';
  /** Distance from that edge in rem: the width of the pinned columns between it and the edge. */
  offsetRem: number;
  /** The pinned column nearest the scrolling ones (it draws the divider). */
  inner: boolean;
}

/** The share of the table's room the pinned columns may take at most: the rest must still scroll usefully. */
export const pinnedShareOfRoom = 0.7;

/** The index into `shown` of the column a drill-down keys on, or -1 (as rowKey finds it). */
export function keyColumnIndex(columns: ColumnInfo[], shown: number[], view?: ViewDefinition): number {
  const marked = shown.findIndex((i) => columns[i].isKey);
  if (marked >= 0) return marked;
  if (!view) return -1;
  const field = drillKeyField(view);
  const column = activeColumns(view).find((c) => c.name !== 'NA' && c.field === field);
  return column ? shown.findIndex((i) => columns[i].name === column.name) : -1;
}

/** Per shown column (as `tracks`), how it is pinned, if it is. */
export function pinnedColumns(columns: ColumnInfo[], shown: number[], tracks: ColumnTrack[], view?: ViewDefinition, roomRem?: number): Array<PinnedColumn | undefined> {
  const pins: Array<PinnedColumn | undefined> = shown.map(() => undefined);
  const key = keyColumnIndex(columns, shown, view);
  if (key < 0) return pins;
  let first = key;
  let last = key;
  const room = roomRem ?? Infinity;
  const width = (a: number, b: number) => tracks.slice(a, b + 1).reduce((s, t) => s + t.rem, 0);
  // The name beside the key joins it when there is room, or when the key can reach an edge only with it.
  const atEnd = key === 0 || key === shown.length - 1;
  if (tracks[key + 1]?.fills && (!atEnd || width(key, key + 1) <= room * pinnedShareOfRoom)) last = key + 1;
  else if (tracks[key - 1]?.fills && (!atEnd || width(key - 1, key) <= room * pinnedShareOfRoom)) first = key - 1;
  if (width(first, last) > room * pinnedShareOfRoom) return pins;
  // A group at both ends is the whole table: nothing scrolls under it.
  if (first === 0 && last === shown.length - 1) return pins;
  if (last === shown.length - 1) {
    for (let k = first; k <= last; k++) pins[k] = { side: 'right', offsetRem: width(k + 1, last), inner: k === first };
  } else if (first === 0) {
    for (let k = first; k <= last; k++) pins[k] = { side: 'left', offsetRem: width(0, k - 1), inner: k === last };
  }
  return pins;
}

/** The width the pinned columns on `side` take, in rem. */
export function pinnedRem(pins: Array<PinnedColumn | undefined>, tracks: ColumnTrack[], side: 'left' | 'right'): number {
  return pins.reduce((s, p, k) => s + (p?.side === side ? tracks[k].rem : 0), 0);
}
