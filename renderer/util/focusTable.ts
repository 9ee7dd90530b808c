/**
 * Keyboard focus after a navigation: the help overlay promises ↑ ↓ move in the table and Enter
 * drills, and those keys act on the focused grid. A navigation that removes the focused control
 * (a tile's →, a crumb's step) or Esc out of the filter box would otherwise leave focus on
 * <body>, where the keys do nothing (QA 14 A3).
 */

/**
 * Focuses the table on screen (a view's table, the event list, or the I/O operations, which
 * mark themselves `data-keyboard-list`: QA 15 found focus on <body> after a tile's → into I/O
 * Streams), or on the overview its first tile (QA 15: after Backspace to the overview focus was
 * on <body>); false when none is shown.
 */
export function focusShownTable(root: ParentNode = document): boolean {
  const grid = root.querySelector<HTMLElement>('.main-panel [role=grid], .main-panel [data-keyboard-list], .main-panel .overview .tile-main');
  if (!grid) return false;
  grid.focus({ preventScroll: true });
  return true;
}

/**
 * After a navigation: focuses the shown table when focus was lost (on <body>) or sits on a
 * breadcrumb, whose step the user just chose; focus the user put elsewhere stays.
 */
export function focusTableAfterNavigation(doc: Document = document): boolean {
  const active = doc.activeElement;
  const lost = !active || active === doc.body || !!active.closest('nav[aria-label="Breadcrumb"]');
  return lost && focusShownTable(doc);
}
