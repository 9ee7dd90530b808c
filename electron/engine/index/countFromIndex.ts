/**
 * How many events a filter matches, answered from a capture's index instead of a pass over the
 * capture (`syscope count` once the index is in the cache: milliseconds where the pass takes
 * seconds). The count is of what `sysdig -r F FILTER` prints: internal events (procinfo,
 * container and user records...) are index rows, since views and tiles count them, but sysdig
 * does not print them.
 */
import { EVENTS, EventCategory } from '../../../shared/scap/eventTable';
import { columnarMask, compileColumnar } from '../filter/columnarFilter';
import type { CaptureIndex } from './eventIndex';

/** Per event type: 1 if sysdig prints events of that type. */
function printedTypes(): Uint8Array {
  const printed = new Uint8Array(1 << 16);
  for (let t = 0; t < printed.length; t++) {
    const info = EVENTS[t];
    printed[t] = info !== undefined && (info.category & EventCategory.INTERNAL) !== 0 ? 0 : 1;
  }
  return printed;
}

/** Printed events matching `filter` (all printed events for an empty one); undefined when the index cannot decide it. */
export function countFromIndex(index: CaptureIndex, filter: string): number | undefined {
  const type = index.cols.type;
  const printed = printedTypes();
  let n = 0;
  if (filter.trim() === '') {
    for (let row = 0; row < type.length; row++) n += printed[type[row]];
    return n;
  }
  const columnar = compileColumnar(index, filter);
  if (!columnar.ok) return undefined;
  const mask = columnarMask(index, columnar.predicate);
  for (let row = 0; row < type.length; row++) n += mask[row] & printed[type[row]];
  return n;
}
