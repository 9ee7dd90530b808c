/**
 * Which columns stay on screen when a table scrolls sideways (QA 20 item 6): the key a user
 * drills by (a container's ID, a process's PID) and, beside it, the open column naming the row
 * (a container's NAME), together taking no more than `pinnedShareOfRoom` of the table's room.
 * csysdig puts the Containers key at the right end, Processes' at the left: a group at an end
 * sticks to that edge and the other columns scroll under it. A key in the middle of the columns
 * is not pinned: pinning it would move it out of csysdig's order.
 *
 * The key keeps its width (a container's 12-character ID cut would not tell rows apart); the
 * name gives way, down to `leastPinnedNameRem`, cut with an ellipsis (its whole text in the
 * cell's tooltip). At 1000 px beside the Findings drawer ID and NAME took 280 of the table's
 * 420 px, and only two columns scrolled in the rest (H79).
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
export const pinnedShareOfRoom = 0.5;
/** A pinned name is narrowed no further: its cut still shows a few characters of each end. */
export const leastPinnedNameRem = 5;

/** The pinned columns, and the tracks with the pinned name narrowed to the share. */
export interface PinnedLayout {
  /** Per shown column (as `tracks`), how it is pinned, if it is. */
  pins: Array<PinnedColumn | undefined>;
  tracks: ColumnTrack[];
}

/** The index into `shown` of the column a drill-down keys on, or -1 (as rowKey finds it). */
export function keyColumnIndex(columns: ColumnInfo[], shown: number[], view?: ViewDefinition): number {
  const marked = shown.findIndex((i) => columns[i].isKey);
  if (marked >= 0) return marked;
  if (!view) return -1;
  const field = drillKeyField(view);
  const column = activeColumns(view).find((c) => c.name !== 'NA' && c.field === field);
  return column ? shown.findIndex((i) => columns[i].name === column.name) : -1;
}

/** Which shown columns are pinned, and how wide the pinned name may be, in `roomRem` of room. */
export function pinnedColumns(columns: ColumnInfo[], shown: number[], tracks: ColumnTrack[], view?: ViewDefinition, roomRem?: number): PinnedLayout {
  const none: PinnedLayout = { pins: shown.map(() => undefined), tracks };
  const key = keyColumnIndex(columns, shown, view);
  if (key < 0) return none;
  const share = (roomRem ?? Infinity) * pinnedShareOfRoom;
  const atEnd = key === 0 || key === shown.length - 1;
  const name = tracks[key + 1]?.fills ? key + 1 : tracks[key - 1]?.fills ? key - 1 : -1;
  let laid = tracks;
  let first = key;
  let last = key;
  if (name >= 0) {
    // Rounded down, so the pinned pair never takes more than the share.
    const nameRem = Math.min(tracks[name].rem, Math.floor((share - tracks[key].rem) * 10) / 10);
    if (nameRem >= Math.min(leastPinnedNameRem, tracks[name].rem)) {
      if (nameRem < tracks[name].rem) laid = tracks.map((t, k) => (k === name ? { ...t, rem: nameRem } : t));
      first = Math.min(key, name);
      last = Math.max(key, name);
    } else if (!atEnd) {
      // The key can reach an edge only with the name beside it.
      return none;
    }
  }
  const width = (a: number, b: number) => laid.slice(a, b + 1).reduce((s, t) => s + t.rem, 0);
  if (width(first, last) > share) return none;
  // A group at both ends is the whole table: nothing scrolls under it.
  if (first === 0 && last === shown.length - 1) return none;
  const pins = none.pins.slice();
  if (last === shown.length - 1) {
    for (let k = first; k <= last; k++) pins[k] = { side: 'right', offsetRem: width(k + 1, last), inner: k === first };
  } else if (first === 0) {
    for (let k = first; k <= last; k++) pins[k] = { side: 'left', offsetRem: width(0, k - 1), inner: k === last };
  } else {
    return none;
  }
  return { pins, tracks: laid };
}

/** The width the pinned columns on `side` take, in rem. */
export function pinnedRem(pins: Array<PinnedColumn | undefined>, tracks: ColumnTrack[], side: 'left' | 'right'): number {
  return pins.reduce((s, p, k) => s + (p?.side === side ? tracks[k].rem : 0), 0);
}
