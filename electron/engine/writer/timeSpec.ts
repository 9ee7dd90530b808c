/**
 * An offset from the capture's first event as every command's --from/--to writes it (`write`
 * took them first; evidence/commandLine.ts parseTimeOrOffset reads a time or an offset with it).
 * A unit is required: a bare number is nanoseconds since the epoch, for every command.
 */
const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/**
 * An offset as the command line writes it: a number with a unit (`60s`, `12.5s`, `1500ms`, `2m`,
 * `250us`, `40ns`, `1h`), in nanoseconds, exactly. Undefined when `text` is no offset.
 */
export function parseOffset(text: string): bigint | undefined {
  const m = /^\+?(\d+)(?:\.(\d{1,9}))?(ns|us|ms|s|m|h)$/.exec(text.trim());
  if (!m) return undefined;
  const per = UNIT_NS[m[3]];
  const frac = m[2] ?? '';
  // Exact decimal arithmetic: whole*per + frac*per/10^digits.
  return BigInt(m[1]) * per + (frac ? (BigInt(frac) * per) / 10n ** BigInt(frac.length) : 0n);
}
