/**
 * A time typed into the timeline's From / To fields, to nanoseconds since the epoch (a decimal
 * string): a UTC date and time as the app shows it ("2024-03-12 09:41:30.390 UTC", T or space,
 * up to nine decimals), a time of day on the capture's first day ("09:41:30.39"), or an offset
 * from the capture's first event with its unit, as the command line takes it ("60s", "1500ms",
 * "2m", "1h", "500us", "10ns").
 */
const dateTime = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(?:UTC|Z)?$/i;
const timeOfDay = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(?:UTC|Z)?$/i;
const offset = /^\+?(\d+(?:\.\d{1,9})?)\s*(ns|us|µs|ms|s|m|h)$/;
const unitNs: Record<string, bigint> = { ns: 1n, us: 1000n, µs: 1000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

export type ParsedTime = { ns: string } | { error: string };

export function parseWindowTime(text: string, firstTs: string): ParsedTime {
  const t = text.trim();
  const fractionNs = (f: string | undefined) => BigInt((f ?? '').padEnd(9, '0') || '0');
  const d = dateTime.exec(t);
  if (d) {
    const ms = Date.UTC(+d[1], +d[2] - 1, +d[3], +d[4], +d[5], +(d[6] ?? 0));
    if (Number.isNaN(ms) || +d[2] > 12 || +d[3] > 31 || +d[4] > 23 || +d[5] > 59 || +(d[6] ?? 0) > 59) return { error: `'${t}' is not a valid date and time` };
    return { ns: (BigInt(ms) * 1_000_000n + fractionNs(d[7])).toString() };
  }
  const h = timeOfDay.exec(t);
  if (h) {
    if (+h[1] > 23 || +h[2] > 59 || +(h[3] ?? 0) > 59) return { error: `'${t}' is not a valid time of day` };
    const dayNs = 86_400_000_000_000n;
    const day = (BigInt(firstTs) / dayNs) * dayNs;
    const ns = day + BigInt(((+h[1] * 60 + +h[2]) * 60 + +(h[3] ?? 0))) * 1_000_000_000n + fractionNs(h[4]);
    return { ns: ns.toString() };
  }
  const o = offset.exec(t);
  if (o) {
    const [whole, frac = ''] = o[1].split('.');
    const unit = unitNs[o[2]];
    const ns = BigInt(whole) * unit + (BigInt(frac.padEnd(9, '0')) * unit) / 1_000_000_000n;
    return { ns: (BigInt(firstTs) + ns).toString() };
  }
  return { error: `'${t}' is not a time: type a UTC time such as 09:41:30.5 or 2024-03-12 09:41:30 UTC, or an offset from the first event such as 60s` };
}
