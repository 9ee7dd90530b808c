/**
 * Event time stamps as sysdig prints them (`%evt.time`, `%evt.datetime`, `%evt.outputtime`
 * under -t h/a/r/d/D, ...). Time stamps are bigint nanoseconds since the epoch, so nothing is
 * lost to floating point; calendar fields come from integer arithmetic, in UTC unless an
 * offset is given (sysdig itself uses the process time zone; the reference runs use TZ=UTC).
 */

const NS_PER_S = 1000000000n;

function pad2(n: number): string { return n < 10 ? '0' + n : String(n); }
function pad9(n: bigint | number): string { return String(n).padStart(9, '0'); }

/** Days since 1970-01-01 → [year, month 1..12, day 1..31] (proleptic Gregorian). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

function split(ts: bigint, offsetSeconds: number): { days: number; secOfDay: number; ns: bigint } {
  const sec = ts / NS_PER_S + BigInt(offsetSeconds);
  const ns = ts % NS_PER_S;
  const s = Number(sec);
  const days = Math.floor(s / 86400);
  return { days, secOfDay: s - days * 86400, ns };
}

function clock(secOfDay: number): string {
  return `${pad2(Math.floor(secOfDay / 3600))}:${pad2(Math.floor((secOfDay % 3600) / 60))}:${pad2(secOfDay % 60)}`;
}

function date(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** `%evt.time`: HH:MM:SS.nnnnnnnnn. */
export function formatTime(ts: bigint, offsetSeconds = 0): string {
  const t = split(ts, offsetSeconds);
  return `${clock(t.secOfDay)}.${pad9(t.ns)}`;
}

/** `%evt.time.s`: HH:MM:SS. */
export function formatTimeSeconds(ts: bigint, offsetSeconds = 0): string {
  return clock(split(ts, offsetSeconds).secOfDay);
}

/** `%evt.datetime`: YYYY-MM-DD HH:MM:SS.nnnnnnnnn. */
export function formatDateTime(ts: bigint, offsetSeconds = 0): string {
  const t = split(ts, offsetSeconds);
  return `${date(t.days)} ${clock(t.secOfDay)}.${pad9(t.ns)}`;
}

/** `%evt.datetime.s`: YYYY-MM-DD HH:MM:SS. */
export function formatDateTimeSeconds(ts: bigint, offsetSeconds = 0): string {
  const t = split(ts, offsetSeconds);
  return `${date(t.days)} ${clock(t.secOfDay)}`;
}

/** `%evt.time.iso8601`: YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000 (UTC). */
export function formatIso8601(ts: bigint): string {
  const t = split(ts, 0);
  return `${date(t.days)}T${clock(t.secOfDay)}.${pad9(t.ns)}+0000`;
}

/** `S.nnnnnnnnn` of a non-negative nanosecond count (relative and delta times). */
export function formatSecondsNanos(ns: bigint): string {
  return `${ns / NS_PER_S}.${pad9(ns % NS_PER_S)}`;
}

/** sysdig -t values: h(uman, default), a(bsolute), r(elative), d(elta to enter), D(elta to previous). */
export type OutputTimeFlag = 'h' | 'a' | 'r' | 'd' | 'D';

export interface OutputTimeContext {
  /** Time stamp of the first event read (sinsp's m_firstevent_ts), for 'r'. */
  firstEventTs: bigint;
  /** The thread's latency for this event (exit − enter), for 'd'; undefined = no thread. */
  latencyNs?: bigint;
  /** Time stamp of the previously printed event, for 'D'; undefined for the first one. */
  previousTs?: bigint;
}

/** `%evt.outputtime` under `sysdig -t FLAG`. */
export function formatOutputTime(ts: bigint, flag: OutputTimeFlag, ctx: OutputTimeContext, offsetSeconds = 0): string {
  switch (flag) {
    // sysdig 0.29.3 prints the fraction of -t a without zero padding (to_string of the ns part).
    case 'a': return `${ts / NS_PER_S}.${ts % NS_PER_S}`;
    case 'r': return formatSecondsNanos(ts - ctx.firstEventTs);
    case 'd': return ctx.latencyNs === undefined ? '0.000000000' : formatSecondsNanos(ctx.latencyNs);
    case 'D': return formatSecondsNanos(ctx.previousTs === undefined ? 0n : ts - ctx.previousTs);
    default: return formatTime(ts, offsetSeconds);
  }
}
