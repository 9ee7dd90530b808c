/**
 * Nanoseconds since the epoch in JSON. evt.rawtime (and the time-of-day fields, which `sysdig -j`
 * writes as the same number) has 19 digits, more than a JSON number keeps once read by jq or
 * JavaScript (2^53: 1710236467250001837 reads as 1710236467250002000), and those nanoseconds are
 * what events are sorted and correlated by. So every JSON output writes them as a string of
 * digits, as the process tree's startTs/exitTs already are, and the app's events list sends them.
 */

/** The fields whose JSON value is an epoch-nanosecond time. */
export const EPOCH_NS_JSON_FIELDS: ReadonlySet<string> = new Set([
  'evt.rawtime', 'evt.time', 'evt.time.s', 'evt.time.iso8601', 'evt.datetime', 'evt.datetime.s', 'evt.outputtime',
]);

/** `record` with its epoch-nanosecond fields (numbers or bigints) as strings of digits; changed in place. */
export function epochTimesAsText<T extends Record<string, unknown>>(record: T): T {
  const r = record as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const v = r[k];
    if (EPOCH_NS_JSON_FIELDS.has(k) && (typeof v === 'bigint' || typeof v === 'number')) r[k] = String(v);
  }
  return record;
}
