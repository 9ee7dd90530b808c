/**
 * A bookmark toggle for any panel that shows evidence (an event row, a stream operation):
 * `<BookmarkButton bookmark={{ kind: 'event', evtNum, note: '' }} />`. A bookmark records no
 * step (only a bookmark was asked for); a second click removes the bookmark. The open findings
 * drawer's status line says what was done, as it does for a bookmark by number (QA 17).
 */
import { useStore } from 'zustand';
import type { Bookmark } from '../../shared/findings/schema';
import { useCapture } from '../state/context';
import { findingsStoreFor, sameEvidence } from './findingsStore';
import { bookmarked, unbookmarked } from './bookmarkText';

function what(b: Bookmark): string {
  return b.kind === 'row' ? `row ${b.key}` : `${b.kind === 'event' ? 'event' : 'stream operation'} #${b.evtNum}`;
}

export function BookmarkButton({ bookmark }: { bookmark: Bookmark }) {
  const store = findingsStoreFor(useCapture((s) => s.path));
  const index = useStore(store, (s) => s.findings.bookmarks.findIndex((b) => sameEvidence(b, bookmark)));
  const marked = index >= 0;
  const toggle = () => {
    const f = store.getState();
    let said: string;
    if (marked) {
      f.removeBookmark(index);
      said = unbookmarked(bookmark);
    } else {
      const { added, index: at } = f.bookmark(bookmark);
      said = bookmarked(bookmark, added, at);
    }
    if (f.panelOpen) f.setStatus({ text: said });
  };
  return (
    <button type="button" className="small bookmark-button" aria-pressed={marked} onClick={toggle}
      aria-label={marked ? `Remove the bookmark on ${what(bookmark)}` : `Bookmark ${what(bookmark)}`}>
      {/* The word may be dropped where room is short (an I/O card's header beside the Findings drawer); the star and the label stay. */}
      {marked ? '★' : '☆'}<span className="bookmark-word">{marked ? ' Bookmarked' : ' Bookmark'}</span>
    </button>
  );
}
