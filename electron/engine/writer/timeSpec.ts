/**
 * Time bounds as the user writes them for `syscope write --from/--to`:
 *   - an absolute UTC time: `2024-03-12T09:41:09.25Z`, `2024-03-12 09:41:09` (nanosecond digits kept);
 *   - epoch nanoseconds: `1710236469250000000` (16 digits or more);
 *   - an offset from the capture's first event: `12.5s`, `1500ms`, `2m`, `250us`, `40ns`, or a
 *     bare number of seconds (`12.5`).
 */
export type TimeSpec = { kind: 'absolute'; ns: bigint } | { kind: 'offset'; ns: bigint };

const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/**
 * An offset as the command line writes it: a number with a unit (`60s`, `12.5s`, `1500ms`, `2m`,
 * `250us`, `40ns`, `1h`), or without one when `bareUnit` names the unit it then means; in
 * nanoseconds, exactly. Undefined when `text` is no offset.
 */
export function parseOffset(text: string, bareUnit?: string): bigint | undefined {
  const m = /^\+?(\d+)(?:\.(\d{1,9}))?(ns|us|ms|s|m|h)?$/.exec(text.trim());
  const unit = m?.[3] ?? bareUnit;
  if (!m || unit === undefined) return undefined;
  const per = UNIT_NS[unit];
  const frac = m[2] ?? '';
  // Exact decimal arithmetic: whole*per + frac*per/10^digits.
  return BigInt(m[1]) * per + (frac ? (BigInt(frac) * per) / 10n ** BigInt(frac.length) : 0n);
}

/** Parses `text`; throws a one-line Error naming what is wrong. */
export function parseTimeSpec(text: string): TimeSpec {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|UTC)?$/i.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec = '0', frac = ''] = iso;
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec);
    if (Number.isNaN(ms) || +mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +sec > 60) throw new Error(`'${text}' is not a valid date and time`);
    return { kind: 'absolute', ns: BigInt(ms) * 1_000_000n + BigInt(frac.padEnd(9, '0') || '0') };
  }
  if (/^\d{16,20}$/.test(s)) return { kind: 'absolute', ns: BigInt(s) };
  const offset = parseOffset(s, 's');
  if (offset !== undefined) return { kind: 'offset', ns: offset };
  throw new Error(`cannot read the time '${text}' (use e.g. 2024-03-12T09:41:09Z, epoch nanoseconds, or an offset such as 12.5s)`);
}

export function resolveTimeSpec(spec: TimeSpec, firstEventNs: bigint): bigint {
  return spec.kind === 'absolute' ? spec.ns : firstEventNs + spec.ns;
}
