/**
 * The order the Overview shows the tile categories in, and so every list of tiles the user gets
 * (the Overview's CSV, `syscope tiles`): one order, so a file or a terminal reads as the page does
 * (QA 19: both kept Infrastructure last, the page shows it second).
 *
 * Infrastructure (container deaths and restarts, what a crash loop shows first) comes right after
 * General instead of last, two screens down (QA 16, QA 18); the rest in the engine's order.
 * Fixed, so the page never reorders under the user.
 */
import { tileCategories, type TileCategory } from './definitions';

export const categoryDisplayOrder: readonly TileCategory[] = ['general', 'infrastructure', 'file', 'network', 'napps', 'security', 'performance', 'logs'];

/** The tiles reply names a category by its title ("Infrastructure"); its id is taken too. */
const displayNames = categoryDisplayOrder.map((id) => (tileCategories.find((c) => c.id === id)?.name ?? id).toLowerCase());

/** Where a category (by title or id) stands on the page; an unknown one goes last. */
export function categoryRank(category: string): number {
  const c = category.toLowerCase();
  const i = displayNames.indexOf(c);
  const j = i < 0 ? categoryDisplayOrder.indexOf(c as TileCategory) : i;
  return j < 0 ? categoryDisplayOrder.length : j;
}

/** The tiles grouped by category in the page's order, each category's tiles in the order given. */
export function inDisplayOrder<T extends { category: string }>(tiles: readonly T[]): T[] {
  return tiles.map((t, i) => ({ t, i, rank: categoryRank(t.category) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.t);
}
