/**
 * The processes a filter touches, told by the capture index: the pid of every event the filter
 * matches, counted as the process tree's own pass counts them (evidence/lifecycleScan.ts).
 * That pass walks the events the inspector shows; internal events (procinfo, ...) are rows of
 * the index but not shown there, so they are left out here too.
 *
 * Only filters the index answers by itself (filter/columnarFilter.ts) qualify; others get
 * undefined and the tree re-reads the capture. Where the row classes decide the filter, each
 * class is asked once (a class has one pid and one event type); else every row is.
 */
import { compileColumnar } from '../filter/columnarFilter';
import { classMatches } from '../filter/groupMemo';
import type { CaptureIndex } from '../index/eventIndex';
import { isInternalEvent } from '../inspector/sysdigEvents';

export function indexPids(index: CaptureIndex): (filter: string) => Promise<ReadonlySet<number> | undefined> {
  const { type, pid } = index.cols;
  const shown = (row: number) => !isInternalEvent(type[row]);
  return async (filter) => {
    const c = compileColumnar(index, filter);
    if (!c.ok) return undefined;
    const pids = new Set<number>();
    // A row without a thread has pid -1: the tree's pass skips events without a thread.
    const add = (row: number) => { if (pid[row] >= 0 && shown(row)) pids.add(pid[row]); };
    const byClass = classMatches(index, c.predicate);
    if (byClass) {
      const firstRow = index.classes!.firstRow;
      for (let k = 0; k < byClass.length; k++) if (byClass[k]) add(firstRow[k]);
    } else {
      for (let row = 0; row < index.events; row++) if (c.predicate(row)) add(row);
    }
    return pids;
  };
}
