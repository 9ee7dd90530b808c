/**
 * Column widths for a view's table. Tracks are fixed (a flexible track would size each row to
 * its own content and misalign the cells with the header), except the one csysdig leaves open
 * (colsize 0, e.g. the command line or a container's name), which takes what is left.
 *
 * csysdig sizes each column in characters (the view's colsize): short columns (ENGINE, USER,
 * PID) stay narrow and the name and id columns get room, so the key columns are on screen at
 * common window widths. Columns without a size fall back to a width by type.
 *
 * Once rows are read, a column is no wider than its longest cell (or its title): csysdig's
 * sizes are for the worst case, and a 30-character IMAGE column holding "nginx:1.25" took the
 * room the open column (a container's NAME, whose `_0`…`_4` attempt suffix tells dead
 * instances apart) needed (QA 14 B). The open column takes all that is left, and asks for
 * less before the table scrolls sideways: DataGrid cuts its cells in the middle, so a long
 * name keeps both its start and its suffix on screen.
 *
 * When the table is still wider than the room it has (`roomRem`), its widest text columns give
 * way first, down to a common width, before it scrolls sideways: two columns at their 16 rem
 * cap (IMAGE and NAME on a real capture) pushed NAME's kept ending past the window's edge
 * (QA 15 B2). Numbers never shrink: a cut number is a wrong number; nor does the key column
 * (a container's ID), which DataGrid pins on screen to tell the rows apart (QA 20 item 6).
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
/** A cell's padding, both sides, in rem (styles.css: .cell). */
export const cellPaddingRem = paddingRem;
/** Measured text widths round differently in layout: a little slack so a cell that fits is not cut. */
const subpixelRem = 0.2;
/** Bold capitals in the header are wider than the digits and letters of the cells. */
const remPerTitleChar = 0.6;
/** The open column's least width (its cells cut in the middle keep about 12 + 10 characters). */
const openColumnRem = 16;
/** The open column gives way to this least width (its middle cut keeps about 8 + 8 characters). */
const leastOpenColumnRem = 10;
const byTypeRem: Record<ColumnInfo['type'], number> = { string: 12, time: 17, number: 5.5, percent: 5.5, bytes: 6.5, duration: 7 };

/**
 * `widest`: per column (indexed as `columns`), the widest cell read so far in rem, as
 * `cellWidthMeasurer` measures it (RowPages.widest); empty before any row is read.
 */
export function columnTracks(columns: ColumnInfo[], shown: number[], view?: ViewDefinition, widest: readonly number[] = [], sortedBy?: string, roomRem?: number, keptWhole = -1): ColumnTrack[] {
  const tracks = naturalTracks(columns, shown, view, widest, sortedBy);
  if (roomRem === undefined) return tracks;
  // `keptWhole` (an index into `shown`): the key column, pinned on screen, whose cut value would not tell rows apart;
  // a key that is the open column (a path) is cut in the middle, keeping its end, like any open column.
  const least = shown.map((i, k) => (columns[i].type !== 'string' || (k === keptWhole && !tracks[k].fills) ? tracks[k].rem
    : Math.min(tracks[k].rem, Math.max(titleRem(columns[i], sortedBy), tracks[k].fills ? leastOpenColumnRem : leastTextChars * remPerChar.text + paddingRem))));
  return shrinkToRoom(tracks, least, roomRem);
}

/**
 * Lowers the widest tracks to one common width (none below its `least`) until the tracks fit
 * `roomRem`, or all are at their least.
 */
function shrinkToRoom(tracks: ColumnTrack[], least: number[], roomRem: number): ColumnTrack[] {
  const widthAt = (level: number) => tracks.reduce((a, t, k) => a + Math.max(least[k], Math.min(t.rem, level)), 0);
  const total = tracks.reduce((a, t) => a + t.rem, 0);
  if (total <= roomRem) return tracks;
  let low = 0;
  let high = Math.max(...tracks.map((t) => t.rem));
  if (widthAt(low) > roomRem) low = high = 0;
  for (let i = 0; i < 40 && high - low > 0.01; i++) {
    const mid = (low + high) / 2;
    if (widthAt(mid) <= roomRem) low = mid; else high = mid;
  }
  // Rounded down so the shrunk tracks add up to no more than the room.
  return tracks.map((t, k) => (t.rem > low && t.rem > least[k] ? { ...t, rem: Math.max(least[k], Math.floor(low * 10) / 10) } : t));
}

function titleRem(column: ColumnInfo, sortedBy?: string): number {
  // The sorted column's title carries an arrow (' ▼').
  return (column.title.length + (column.name === sortedBy ? 2 : 0)) * remPerTitleChar + paddingRem;
}

function naturalTracks(columns: ColumnInfo[], shown: number[], view?: ViewDefinition, widest: readonly number[] = [], sortedBy?: string): ColumnTrack[] {
  const sizes = new Map<string, number | undefined>();
  for (const c of view ? visibleColumns(view) : []) { sizes.set(c.name, c.colsize); sizes.set(c.field, c.colsize); }
  const sized = shown.map((i) => sizes.get(columns[i].name) ?? sizes.get(columns[i].title));
  // Without a view's sizes, the last text column (usually a command line or a name) is the open one.
  const open = sized.includes(0) ? sized.indexOf(0)
    : sized.every((s) => s === undefined) ? shown.map((i) => columns[i].type).lastIndexOf('string') : -1;
  return shown.map((i, k) => {
    const title = titleRem(columns[i], sortedBy);
    const text = columns[i].type === 'string';
    const content = widest[i] === undefined ? undefined : widest[i] + paddingRem + subpixelRem;
    if (k === open) return { rem: round(Math.max(title, Math.min(content ?? openColumnRem, openColumnRem))), fills: true };
    const size = sized[k];
    const rem = size ? (text ? Math.max(size, leastTextChars) * remPerChar.text : size * remPerChar.number) + paddingRem
      : byTypeRem[columns[i].type] ?? 7;
    return { rem: round(Math.max(Math.min(rem, content ?? rem), title)), fills: false };
  });
}

function round(rem: number): number {
  return Math.ceil(rem * 10) / 10;
}

/**
 * Measures a cell's text as shown, in rem: with a canvas in the cells' font when there is one
 * (the browser), else by characters as csysdig's sizes are counted.
 */
export function cellWidthMeasurer(font?: string): (text: string, type: ColumnInfo['type']) => number {
  let ctx: CanvasRenderingContext2D | null = null;
  try { ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d'); } catch { ctx = null; }
  if (!ctx) return (text, type) => text.length * (type === 'string' ? remPerChar.text : remPerChar.number);
  const canvas = ctx;
  canvas.font = font ?? getComputedStyle(document.body).font;
  const remPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return (text) => canvas.measureText(text).width / remPx;
}

/** The CSS grid template for the tracks. */
export function gridTemplate(tracks: ColumnTrack[]): string {
  return tracks.map((t) => (t.fills ? `minmax(${t.rem}rem, 1fr)` : `${t.rem}rem`)).join(' ');
}

/** The least width of a row: the page's width when the tracks fit, theirs otherwise. */
export function rowWidth(tracks: ColumnTrack[]): string {
  return `max(100%, ${Math.round(tracks.reduce((a, t) => a + t.rem, 0) * 10) / 10}rem)`;
}
