/**
 * A time as a user types it, in the app's Set window… fields and in every command's --from/--to:
 * one reader for both, so that the same words name the same instant on both sides (QA 19).
 *
 * The capture's start, the origin of an offset and the day of a time of day, is its first
 * printed event: the first time the app's timeline and header show, and the start of the
 * "time span" `syscope info` prints (CaptureInfo.firstTs; on the command line, cli/captureSpan.ts
 * reads the same event from the head of the file). It is not the first timed event: a capture
 * may open with events sysdig does not print (procinfo, metadata), whose times are the dumper's.
 */

/** The forms, as help texts and the app's hint name them. */
export const TIME_FORMS = 'nanoseconds since the epoch (1710236490390000000), a UTC date and time such as 2024-03-12T09:41:09.5Z'
  + ' or 2024-03-12 09:41:09 UTC, a UTC time of day on the capture\'s first day such as 09:41:30.5,'
  + ' or an offset from the capture\'s first event such as 60s or 1500ms';

/** What a typed time says before the capture is known: an instant, or one measured from the capture's start. */
export type TimeInput =
  | { kind: 'epoch'; ns: bigint }
  | { kind: 'offset'; ns: bigint }
  /** `ns` since midnight UTC of the capture's first day. */
  | { kind: 'timeOfDay'; ns: bigint };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(?:UTC|Z)?$/i;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(?:UTC|Z)?$/i;
const OFFSET = /^\+?(\d+)(?:\.(\d{1,9}))?\s*(ns|us|µs|ms|s|m|h)$/;
const EPOCH = /^\d+$/;
const UNIT_NS: Record<string, bigint> = { ns: 1n, us: 1_000n, µs: 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const SECOND = 1_000_000_000n;
const DAY = 86_400n * SECOND;

/** The typed time, or why it is none (`not-a-time` when it has none of the forms). */
export function readTimeInput(text: string): TimeInput | { error: 'not-a-time' | 'bad-date' | 'bad-time-of-day' } {
  const t = text.trim();
  const fraction = (f: string | undefined) => BigInt((f ?? '').padEnd(9, '0') || '0');
  const o = OFFSET.exec(t);
  if (o) {
    const per = UNIT_NS[o[3]];
    const frac = o[2] ?? '';
    // Exact decimal arithmetic: whole*per + frac*per/10^digits.
    return { kind: 'offset', ns: BigInt(o[1]) * per + (frac ? (BigInt(frac) * per) / 10n ** BigInt(frac.length) : 0n) };
  }
  if (EPOCH.test(t)) return { kind: 'epoch', ns: BigInt(t) };
  const d = DATE_TIME.exec(t);
  if (d) {
    const [y, mo, day, h, mi, s] = [+d[1], +d[2], +d[3], +d[4], +d[5], +(d[6] ?? 0)];
    const ms = Date.UTC(y, mo - 1, day, h, mi, s);
    // Date.UTC rolls 31 February over into March: a date it moved is no date.
    if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || new Date(ms).getUTCDate() !== day) return { error: 'bad-date' };
    return { kind: 'epoch', ns: BigInt(ms) * 1_000_000n + fraction(d[7]) };
  }
  const c = TIME_OF_DAY.exec(t);
  if (c) {
    const [h, mi, s] = [+c[1], +c[2], +(c[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return { error: 'bad-time-of-day' };
    return { kind: 'timeOfDay', ns: BigInt((h * 60 + mi) * 60 + s) * SECOND + fraction(c[4]) };
  }
  return { error: 'not-a-time' };
}

/** The instant a typed time names in a capture that starts at `captureStart` (its first printed event). */
export function resolveTimeInput(input: TimeInput, captureStart: bigint): bigint {
  if (input.kind === 'epoch') return input.ns;
  if (input.kind === 'offset') return captureStart + input.ns;
  return (captureStart / DAY) * DAY + input.ns;
}

/** The reader's refusal in words, after the text the user typed. */
export function timeInputProblem(text: string, error: 'not-a-time' | 'bad-date' | 'bad-time-of-day'): string {
  const t = text.trim();
  if (error === 'bad-date') return `'${t}' is not a valid date and time`;
  if (error === 'bad-time-of-day') return `'${t}' is not a valid time of day`;
  return `'${t}' is not a time`;
}
