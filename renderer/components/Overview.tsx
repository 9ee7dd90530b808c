/**
 * The overview: the engine's tiles grouped by category, each with its value and sparkline.
 * Clicking a tile pins its timeline in the bottom panel; its "open" arrow drills to its view, or
 * to the Events / I/O Streams tab under the tile's filter (Sysdig Inspect's 'dig' and 'echo').
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { TileValue } from '../../shared/ipc/contract';
import { useCapture, useClient } from '../state/context';
import { messageOf } from '../api/client';
import { Sparkline } from './Sparkline';
import { formatTileValue } from './tileFormat';
import { tileNote } from './tileNotes';
import { tileControls, tileKeyTarget } from './tileKeys';
import { findView } from '../../shared/views/catalog';
import { inDisplayOrder } from '../../shared/tiles/displayOrder';
import { tileEvidenceTab } from '../state/captureStore';
import { focusTableAfterNavigation } from '../util/focusTable';

/** Where a tile's → goes, in words ("a view", "Events", "I/O Streams"); undefined when nowhere. */
function drillsTo(drillView: string): string | undefined {
  const tab = tileEvidenceTab(drillView);
  if (tab) return tab === 'events' ? 'Events' : 'I/O Streams';
  return findView(drillView) ? 'a view' : undefined;
}

export function Overview() {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const filter = useCapture((s) => s.filter);
  const window = useCapture((s) => s.window);
  const pinned = useCapture((s) => s.pinned);
  const togglePin = useCapture((s) => s.togglePin);
  const openTile = useCapture((s) => s.openTile);
  const headerEvents = useCapture((s) => s.info?.events);
  const [tiles, setTiles] = useState<TileValue[] | null>(null);
  const [pidMinusOneRow, setPidMinusOneRow] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The one tile control Tab stops at ("<tile id>:main" or ":drill"); see tileKeys.ts.
  const [active, setActive] = useState('');

  useEffect(() => {
    let live = true;
    setError(null);
    client.call('tiles', { captureId, filter: filter || undefined, window, samples: 60 })
      .then((t) => { if (live) setTiles(t); }, (err) => { if (live) { setTiles([]); setError(messageOf(err)); } });
    return () => { live = false; };
  }, [client, captureId, filter, window]);

  // The Processes view adds a pid −1 row only on captures with container metadata: Running
  // Processes says it leaves it out only when there is one (QA 17: the note showed on every capture).
  useEffect(() => {
    let live = true;
    setPidMinusOneRow(false);
    client.call('view', { captureId, viewId: 'procs', filter: filter ? `(${filter}) and proc.pid=-1` : 'proc.pid=-1', window, offset: 0, limit: 1 })
      .then((w) => { if (live) setPidMinusOneRow(w.totalRows > 0); }, () => { /* unknown: no note rather than a wrong one */ });
    return () => { live = false; };
  }, [client, captureId, filter, window]);

  // The tiles arrive after the navigation that showed the overview (Backspace, the tab, a
  // crumb): focus lost on the way goes to the first tile, so Tab and Enter start from there.
  useEffect(() => { if (tiles?.length) focusTableAfterNavigation(); }, [tiles]);

  if (error) return <p role="alert" className="error-line panel-message">{error}</p>;
  if (!tiles) return <p className="panel-message dim">Computing the overview…</p>;
  if (tiles.length === 0) return <p className="panel-message dim">No tiles for this capture.</p>;
  const categories = [...new Set(inDisplayOrder(tiles).map((t) => t.category))];
  const controlKeys = categories.flatMap((c) => tiles.filter((t) => t.category === c)).flatMap((t) => [`${t.id}:main`, ...(t.drillView && drillsTo(t.drillView) ? [`${t.id}:drill`] : [])]);
  const tabStop = controlKeys.includes(active) ? active : controlKeys[0];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = e.target as HTMLElement;
    if (!from.dataset.tileControl) return;
    const target = tileKeyTarget(tileControls(e.currentTarget), from, e.key);
    if (!target) return;
    e.preventDefault();
    e.stopPropagation();
    target.focus();
  };
  return (
    <div className="overview" role="group" aria-label="Tiles" aria-describedby="tile-keys" onKeyDown={onKeyDown}>
      <p id="tile-keys" className="sr-only">One Tab stop: arrow keys move between tiles and their arrows, Page Down and Page Up between categories.</p>
      {categories.map((category) => (
        <section key={category} className="tile-group" aria-label={category}>
          <h2>{category}</h2>
          <div className="tiles">
            {tiles.filter((t) => t.category === category).map((tile) => { const note = tileNote(tile, headerEvents, pidMinusOneRow, filter !== ''); return (
              <div key={tile.id} className={`tile${pinned.includes(tile.id) ? ' pinned' : ''}${tile.total === 0 ? ' zero' : ''}`}>
                <button type="button" className="tile-main" aria-label={tile.title} aria-pressed={pinned.includes(tile.id)}
                  data-tile-control="main" tabIndex={tabStop === `${tile.id}:main` ? 0 : -1} onFocus={() => setActive(`${tile.id}:main`)}
                  aria-describedby={note ? `tile-note-${tile.id}` : undefined}
                  title={`${tile.title}: ${formatTileValue(tile)} (click to ${pinned.includes(tile.id) ? 'unpin' : 'pin'} its timeline)${note ? `. ${note.long}` : ''}`}
                  onClick={() => togglePin(tile.id)}>
                  <span className="tile-title">{tile.title}</span>
                  <span className="tile-value">{formatTileValue(tile)}</span>
                  {note && <span className="tile-note" id={`tile-note-${tile.id}`}>{note.short}</span>}
                  <Sparkline series={tile.series} />
                </button>
                {tile.drillView && drillsTo(tile.drillView) && (
                  <button type="button" className="tile-drill" aria-label={`Open ${tile.title} in ${drillsTo(tile.drillView)}`}
                    data-tile-control="drill" tabIndex={tabStop === `${tile.id}:drill` ? 0 : -1} onFocus={() => setActive(`${tile.id}:drill`)}
                    title={`Drill down: ${drillsTo(tile.drillView)}`}
                    onClick={() => openTile(tile.drillView as string, tile.drillFilter ?? '', tile.title)}>→</button>
                )}
              </div>
            ); })}
          </div>
        </section>
      ))}
    </div>
  );
}
