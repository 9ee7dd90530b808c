/** How the findings drawer names a piece of evidence, and what its status line says on bookmarking it. */
import type { Bookmark } from '../../shared/findings/schema';
import { findView } from '../../shared/views/catalog';

export function describe(b: Bookmark): string {
  switch (b.kind) {
    case 'event': return `Event #${b.evtNum}`;
    case 'stream': return `Stream operation #${b.evtNum}${b.streamKey ? ` (${b.streamKey})` : ''}`;
    case 'row': return `${findView(b.viewId)?.name ?? b.viewId} row ${b.key}`;
  }
}

/** What a status line says was bookmarked ("Bookmarked event #5."). */
export function bookmarked(b: Bookmark, added: boolean, index: number): string {
  const what = b.kind === 'row' ? describe(b) : describe(b).replace(/^./, (c) => c.toLowerCase());
  return added ? `Bookmarked ${what}.` : `${describe(b)} is already bookmarked (evidence ${index + 1}); nothing was added.`;
}

/** What the status line says when a bookmark is taken off again. */
export function unbookmarked(b: Bookmark): string {
  return `Removed the bookmark on ${describe(b).replace(/^./, (c) => c.toLowerCase())}.`;
}
