/**
 * How many events a filter matches, answered from a capture's index instead of a pass over the
 * capture (`syscope count` once the index is in the cache: milliseconds where the pass takes
 * seconds). The count is of what `sysdig -r F FILTER` prints: internal events (procinfo,
 * container and user records...) are index rows, since views and tiles count them, but sysdig
 * does not print them.
 */
import { columnarMask, compileColumnar } from '../filter/columnarFilter';
import { isInternalEvent } from '../inspector/sysdigEvents';
import type { CaptureIndex } from './eventIndex';

/** Per event type (the index's type column is 16 bits wide): 1 if sysdig prints its rows. */
const PRINTED_TYPES = Uint8Array.from({ length: 1 << 16 }, (_, t) => (isInternalEvent(t) ? 0 : 1));

/** Printed events matching `filter` (all printed events for an empty one); undefined when the index cannot decide it. */
export function countFromIndex(index: CaptureIndex, filter: string): number | undefined {
  const type = index.cols.type;
  const printed = PRINTED_TYPES;
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
