/** Tiles carry no unit, so the title says it: byte tiles read in bytes, time tiles as durations. */
import type { TileValue } from '../../shared/ipc/contract';
import { formatBytes, formatCount, formatDuration } from '../util/format';

export function formatTileValue(tile: Pick<TileValue, 'title' | 'total'> & { unit?: string }): string {
  const unit = tile.unit ?? (/bytes/i.test(tile.title) ? 'bytes' : /time|latency|duration/i.test(tile.title) ? 'ns' : 'count');
  if (unit === 'bytes') return formatBytes(tile.total);
  if (unit === 'ns') return formatDuration(tile.total);
  return formatCount(tile.total);
}
