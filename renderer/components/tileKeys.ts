/**
 * The overview's tiles are one Tab stop (QA 16 R9: the story's Container Deaths → was 70 Tab
 * presses away). Inside, ← → move control by control (a tile, then its →), ↑ ↓ move to the tile
 * above or below, PgDn / PgUp to the first tile of the next or previous category, Home / End to
 * the first or last tile. Only the control last focused has tabindex 0 (a roving tabindex).
 */

/** The overview's controls, in reading order: each tile's main button and its →. */
export function tileControls(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-tile-control]')];
}

function isMain(el: HTMLElement): boolean {
  return el.dataset.tileControl === 'main';
}

/** The control a key moves to from `from`, or undefined when the key is not a move. */
export function tileKeyTarget(controls: HTMLElement[], from: HTMLElement, key: string): HTMLElement | undefined {
  const i = controls.indexOf(from);
  if (i < 0) return undefined;
  const mains = controls.filter(isMain);
  const tileOf = (el: HTMLElement) => (isMain(el) ? el : mains.filter((m) => controls.indexOf(m) < controls.indexOf(el)).at(-1) ?? el);
  const here = tileOf(from);
  const m = mains.indexOf(here);
  switch (key) {
    case 'ArrowRight': return controls[Math.min(controls.length - 1, i + 1)];
    case 'ArrowLeft': return controls[Math.max(0, i - 1)];
    case 'Home': return mains[0];
    case 'End': return mains.at(-1);
    case 'ArrowDown': return verticalNeighbour(mains, here, 1) ?? mains[Math.min(mains.length - 1, m + 1)];
    case 'ArrowUp': return verticalNeighbour(mains, here, -1) ?? mains[Math.max(0, m - 1)];
    case 'PageDown': case 'PageUp': {
      const group = (el: HTMLElement) => el.closest('section');
      const groups = [...new Set(mains.map(group))];
      const g = groups.indexOf(group(here)) + (key === 'PageDown' ? 1 : -1);
      const target = groups[Math.max(0, Math.min(groups.length - 1, g))];
      return mains.find((el) => group(el) === target);
    }
    default: return undefined;
  }
}

/** The tile in the nearest row below (1) or above (-1) whose centre is closest across; undefined without a layout. */
function verticalNeighbour(mains: HTMLElement[], here: HTMLElement, direction: 1 | -1): HTMLElement | undefined {
  const box = here.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return undefined;
  const centre = box.left + box.width / 2;
  const rows = mains
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => (direction > 0 ? r.top > box.top + box.height / 2 : r.top < box.top - box.height / 2));
  if (rows.length === 0) return here;
  const rowTop = direction > 0 ? Math.min(...rows.map(({ r }) => r.top)) : Math.max(...rows.map(({ r }) => r.top));
  const row = rows.filter(({ r }) => Math.abs(r.top - rowTop) < 2);
  row.sort((a, b) => Math.abs(a.r.left + a.r.width / 2 - centre) - Math.abs(b.r.left + b.r.width / 2 - centre));
  return row[0]?.el;
}
