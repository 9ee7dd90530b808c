/**
 * Column widths for a view's table. Tracks are fixed (a flexible track would size each row to
 * its own content and misalign the cells with the header), except the one csysdig leaves open
 * (colsize 0, e.g. the command line or a container's name), which takes what is left.
 *
 * csysdig sizes each column in characters (the view's colsize): short columns (ENGINE, USER,
 * PID) stay narrow and the name and id columns get room, so the key columns are on screen at
 * common window widths. Columns without a size fall back to a width by type.
 */
import type { ColumnInfo } from '../../shared/ipc/contract';
import type { ViewDefinition } from '../../shared/views/types';
import { visibleColumns } from '../../shared/views/catalog';

export interface ColumnTrack {
  /** The track's width in rem; for the open column, its least width. */
  rem: number;
  /** The open column: it grows into the space the others leave. */
  fills: boolean;
}

/** Text is set in a proportional font a little wider than its digits. */
const remPerChar = { text: 0.5, number: 0.45 };
/** Names, ids and types shorter than this are rare: a narrower text column only cuts them. */
const leastTextChars = 10;
const paddingRem = 1;
/** Bold capitals in the header are wider than the digits and letters of the cells. */
const remPerTitleChar = 0.6;
const openColumnRem = 24;
const byTypeRem: Record<ColumnInfo['type'], number> = { string: 12, time: 17, number: 5.5, percent: 5.5, bytes: 6.5, duration: 7 };

export function columnTracks(columns: ColumnInfo[], shown: number[], view?: ViewDefinition): ColumnTrack[] {
  const sizes = new Map<string, number | undefined>();
  for (const c of view ? visibleColumns(view) : []) { sizes.set(c.name, c.colsize); sizes.set(c.field, c.colsize); }
  const sized = shown.map((i) => sizes.get(columns[i].name) ?? sizes.get(columns[i].title));
  // Without a view's sizes, the last text column (usually a command line or a name) is the open one.
  const open = sized.includes(0) ? sized.indexOf(0)
    : sized.every((s) => s === undefined) ? shown.map((i) => columns[i].type).lastIndexOf('string') : -1;
  return shown.map((i, k) => {
    const title = columns[i].title.length * remPerTitleChar + paddingRem;
    if (k === open) return { rem: Math.max(openColumnRem, title), fills: true };
    const size = sized[k];
    const text = columns[i].type === 'string';
    const rem = size ? (text ? Math.max(size, leastTextChars) * remPerChar.text : size * remPerChar.number) + paddingRem
      : byTypeRem[columns[i].type] ?? 7;
    return { rem: Math.round(Math.max(rem, title) * 10) / 10, fills: false };
  });
}

/** The CSS grid template for the tracks. */
export function gridTemplate(tracks: ColumnTrack[]): string {
  return tracks.map((t) => (t.fills ? `minmax(${t.rem}rem, 1fr)` : `${t.rem}rem`)).join(' ');
}

/** The least width of a row: the page's width when the tracks fit, theirs otherwise. */
export function rowWidth(tracks: ColumnTrack[]): string {
  return `max(100%, ${Math.round(tracks.reduce((a, t) => a + t.rem, 0) * 10) / 10}rem)`;
}
