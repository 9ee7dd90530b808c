/**
 * Under a log tile's → (App Log Messages and its warnings and errors): the tile counts lines, and
 * the I/O list shows the writes that carry them, one write often carrying several lines. The
 * note puts both numbers side by side, so "34" on the tile and 9 writes in the list read as one
 * fact instead of a disagreement (QA 15 item 1).
 */
import { useEffect, useState } from 'react';
import { staticTiles } from '../../shared/tiles/definitions';
import { useCapture, useClient } from '../state/context';
import { stepTile } from '../util/scopeLabel';
import { countOf } from '../util/format';

export function TileLinesNote({ writes, complete }: { writes: number; complete: boolean }) {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const title = useCapture((s) => stepTile(s.trail[s.trail.length - 1]));
  const filter = useCapture((s) => s.filter);
  const window = useCapture((s) => s.window);
  const tile = title === undefined ? undefined : staticTiles.find((t) => t.title === title && t.countsLines);
  const [lines, setLines] = useState<number | null>(null);

  useEffect(() => {
    setLines(null);
    if (!tile) return;
    let live = true;
    // The tile's total under the same filter and window as the list (the drill filter is the tile's own).
    client.call('tiles', { captureId, filter: filter || undefined, window, samples: 1 })
      .then((all) => { if (live) setLines(all.find((t) => t.id === tile.id)?.total ?? null); }, () => undefined);
    return () => { live = false; };
  }, [client, captureId, tile?.id, filter, window]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!tile || lines === null) return null;
  const where = complete ? `in the ${countOf(writes, 'write')} listed here` : `in the writes listed here (${writes.toLocaleString('en-US')} read so far)`;
  return (
    <p className="dim tile-lines-note" role="note">
      The {tile.title} tile counts lines: {countOf(lines, 'line')} {where}; one write can carry several lines.
    </p>
  );
}
