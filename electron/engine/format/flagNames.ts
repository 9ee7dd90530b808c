/**
 * The `(NAMES)` part of FLAGS, ENUMFLAGS and MODE parameters, walked exactly as libsinsp 0.1.1
 * does (scap-flags.md §1): entries in table order; a non-zero entry matches when all its bits
 * are still set, its bits are then cleared; a zero entry matches only a zero value; the walk
 * stops at the first entry equal to the whole value, which is appended. ENUMFLAGS get the same
 * walk, as in sysdig 0.29.3 (1 prints `AF_LOCAL`, not `AF_LOCAL|AF_UNIX`). Bits no entry
 * covers are silently left out.
 */
import { flagTables, type NameValueTable } from '../../../shared/scap/flags';
import type { LayoutEra } from './layouts';

/**
 * Entries newer libs appended to tables that libs 0.1.1 already had (values and order of the
 * older entries are unchanged); sysdig 0.29.3 cannot name these bits.
 */
const ADDED_AFTER_SYSDIG_029: Readonly<Record<string, readonly string[]>> = {
  file_flags: ['O_F_CREATED', 'FD_UPPER_LAYER', 'FD_LOWER_LAYER'],
  clone_flags: ['CLONE_CHILD_IN_PIDNS'],
  shutdown_how: ['SHUT_UNKNOWN'],
  execve_flags: ['EXE_UPPER_LAYER', 'EXE_FROM_MEMFD', 'EXE_LOWER_LAYER'],
};
const sysdig029Tables = new Map<string, NameValueTable>();

export function flagTable(name: string | undefined, era: LayoutEra = 'sysdig-0.29'): NameValueTable | undefined {
  if (name === undefined) return undefined;
  const table = flagTables[name];
  const added = ADDED_AFTER_SYSDIG_029[name];
  if (era !== 'sysdig-0.29' || table === undefined || added === undefined) return table;
  let old = sysdig029Tables.get(name);
  if (old === undefined) {
    old = table.filter(([n]) => !added.includes(n));
    sysdig029Tables.set(name, old);
  }
  return old;
}

/** Names of the set flags joined with '|', or '' when none match. */
export function flagNames(value: number, table: NameValueTable | undefined): string {
  if (table === undefined) return '';
  const initial = value >>> 0;
  let rest = initial;
  let out = '';
  for (let k = 0; k < table.length; k++) {
    const [name, v] = table[k];
    if (v === initial) return out === '' ? name : out + '|' + name;
    if ((v === 0 && initial === 0) || (v !== 0 && rest !== 0 && ((rest & v) >>> 0) === v)) {
      out = out === '' ? name : out + '|' + name;
      rest = (rest & ~v) >>> 0;
    }
  }
  return out;
}
