/**
 * One short line on the tiles whose number disagrees, by design, with a number elsewhere on
 * screen (QA 16 R4, R5). System Calls counts sysdig's internal events as the summary chisel does,
 * so on a capture of few system calls it can be ten times the header's event count; Running
 * Processes does not count the pid −1 row the Processes view (and csysdig) adds for container
 * metadata, so its drill shows one row more; said only where that row exists (most captures have
 * no container metadata, QA 17). Running Containers under a filter says the filter does not
 * narrow it (QA 20).
 */
import type { TileValue } from '../../shared/ipc/contract';
import { formatCount } from '../util/format';
import { tileIgnoresFilter } from '../../shared/tiles/filterScope';

export interface TileNote {
  /** Shown on the tile. */
  short: string;
  /** The tile's tooltip: why. */
  long: string;
}

/**
 * `pidMinusOneRow`: whether the Processes view (under the same filter and window) has the pid −1
 * row; `filtered`: whether a user filter is applied.
 */
export function tileNote(tile: Pick<TileValue, 'id' | 'total'>, headerEvents: number | undefined, pidMinusOneRow = false, filtered = false): TileNote | undefined {
  if (filtered && tileIgnoresFilter(tile.id)) {
    return {
      short: 'not narrowed by the filter',
      long: 'Counts the containers the capture knows of (its container metadata), as Sysdig Inspect does; the filter does not narrow it. The Containers view lists the containers under the filter.',
    };
  }
  if (tile.id === 'syscalls' && headerEvents !== undefined && tile.total > headerEvents) {
    return {
      short: 'incl. sysdig\'s internal events',
      long: `Counts sysdig's internal events too (process, fd and container tables written into the capture), as the summary chisel does; the header's ${formatCount(headerEvents)} events and the System Calls view count only the events listed.`,
    };
  }
  if (tile.id === 'procs' && pidMinusOneRow) {
    return {
      short: 'not counting pid −1',
      long: 'The Processes view lists one row more, pid −1, where csysdig puts the capture\'s container metadata. It is not a process, so this tile does not count it.',
    };
  }
  return undefined;
}
