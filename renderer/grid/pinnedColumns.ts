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

/**
 * The index into `shown` of the column a drill-down keys on, or -1 (as rowKey finds it). Where
 * no column shows that key (Files keys on a container and a path together, fd.containername),
 * the column showing the view's other key (its path, fd.name: FILENAME) stands for it.
 */
export function keyColumnIndex(columns: ColumnInfo[], shown: number[], view?: ViewDefinition): number {
  const marked = shown.findIndex((i) => columns[i].isKey);
  if (marked >= 0) return marked;
  if (!view) return -1;
  const keys = [drillKeyField(view), ...view.columns.filter((c) => c.isKey).map((c) => c.field)];
  for (const field of keys) {
    const column = activeColumns(view).find((c) => c.name !== 'NA' && c.field === field);
    const k = column ? shown.findIndex((i) => columns[i].name === column.name) : -1;
    if (k >= 0) return k;
  }
  return -1;
}

/** Which shown columns are pinned, and how wide the pinned name may be, in `roomRem` of room. */
export function pinnedColumns(columns: ColumnInfo[], shown: number[], tracks: ColumnTrack[], view?: ViewDefinition, roomRem?: number): PinnedLayout {
  const none: PinnedLayout = { pins: shown.map(() => undefined), tracks };
  const key = keyColumnIndex(columns, shown, view);
  if (key < 0) return none;
  const share = (roomRem ?? Infinity) * pinnedShareOfRoom;
  const atEnd = key === 0 || key === shown.length - 1;
  const name = tracks[key].fills ? -1 : tracks[key + 1]?.fills ? key + 1 : tracks[key - 1]?.fills ? key - 1 : -1;
  let laid = name >= 0 ? fitOpenColumn(tracks, Math.min(key, name), Math.max(key, name), share) : undefined;
  // The key can reach an edge only with the name beside it.
  if (!laid && !atEnd) return none;
  const [first, last] = laid ? [Math.min(key, name), Math.max(key, name)] : [key, key];
  laid ??= fitOpenColumn(tracks, key, key, share);
  if (!laid) return none;
  // A group at both ends is the whole table: nothing scrolls under it.
  if (first === 0 && last === shown.length - 1) return none;
  const width = (a: number, b: number) => laid.slice(a, b + 1).reduce((s, t) => s + t.rem, 0);
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

/**
 * The tracks with columns `first`…`last` fitting in `share` rem, the open column among them (a
 * name, or a key that is a path) narrowed as far as needed, never below leastPinnedNameRem;
 * undefined when they cannot fit.
 */
function fitOpenColumn(tracks: ColumnTrack[], first: number, last: number, share: number): ColumnTrack[] | undefined {
  let fixed = 0;
  let open = -1;
  for (let k = first; k <= last; k++) {
    if (tracks[k].fills) open = k; else fixed += tracks[k].rem;
  }
  if (open < 0) return fixed <= share ? tracks : undefined;
  // Rounded down, so the pinned columns never take more than the share.
  const openRem = Math.min(tracks[open].rem, Math.floor((share - fixed) * 10) / 10);
  if (openRem < Math.min(leastPinnedNameRem, tracks[open].rem)) return undefined;
  return openRem < tracks[open].rem ? tracks.map((t, k) => (k === open ? { ...t, rem: openRem } : t)) : tracks;
}

/** The width the pinned columns on `side` take, in rem. */
export function pinnedRem(pins: Array<PinnedColumn | undefined>, tracks: ColumnTrack[], side: 'left' | 'right'): number {
  return pins.reduce((s, p, k) => s + (p?.side === side ? tracks[k].rem : 0), 0);
}
