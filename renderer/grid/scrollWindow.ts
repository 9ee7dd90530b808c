/**
 * Which rows a virtual table shows for a scroll position. Browsers cap an element's height
 * (~16-33 M px), so past `maxScrollPx` the scrollbar is scaled: its travel maps linearly onto
 * the rows, and millions of rows stay reachable with a fixed-size spacer.
 */
export interface ScrollGeometry {
  /** Height of the spacer element that gives the scrollbar its travel. */
  spacerPx: number;
  /** First row (fractional) at the top of the viewport. */
  firstRow: number;
}

export const defaultMaxScrollPx = 8_000_000;

export function scrollGeometry(scrollTop: number, viewportPx: number, totalRows: number, rowPx: number,
  maxScrollPx = defaultMaxScrollPx): ScrollGeometry {
  const naturalPx = totalRows * rowPx;
  if (naturalPx <= maxScrollPx) return { spacerPx: naturalPx, firstRow: Math.max(0, scrollTop / rowPx) };
  const travel = Math.max(1, maxScrollPx - viewportPx);
  const rowsOnScreen = viewportPx / rowPx;
  const lastFirstRow = Math.max(0, totalRows - rowsOnScreen);
  const fraction = Math.min(1, Math.max(0, scrollTop / travel));
  return { spacerPx: maxScrollPx, firstRow: fraction * lastFirstRow };
}

/** The scrollTop that puts `row` at the top of the viewport (the inverse of scrollGeometry). */
export function scrollTopForRow(row: number, viewportPx: number, totalRows: number, rowPx: number,
  maxScrollPx = defaultMaxScrollPx): number {
  const naturalPx = totalRows * rowPx;
  if (naturalPx <= maxScrollPx) return row * rowPx;
  const lastFirstRow = Math.max(1, totalRows - viewportPx / rowPx);
  return (Math.min(row, lastFirstRow) / lastFirstRow) * Math.max(1, maxScrollPx - viewportPx);
}

/** The scrollTop that keeps `row` visible, moving as little as possible. */
export function scrollTopToReveal(row: number, scrollTop: number, viewportPx: number, totalRows: number, rowPx: number,
  maxScrollPx = defaultMaxScrollPx): number {
  const { firstRow } = scrollGeometry(scrollTop, viewportPx, totalRows, rowPx, maxScrollPx);
  const rowsOnScreen = Math.floor(viewportPx / rowPx);
  if (row < firstRow) return scrollTopForRow(row, viewportPx, totalRows, rowPx, maxScrollPx);
  if (row >= firstRow + rowsOnScreen - 1) return scrollTopForRow(row - rowsOnScreen + 2, viewportPx, totalRows, rowPx, maxScrollPx);
  return scrollTop;
}
