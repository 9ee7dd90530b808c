/**
 * --from/--to as every command reads them (one rule, QA 17 and 19), and as the app's Set window…
 * fields read them (shared/format/timeInput.ts): an offset (60s, 1500ms) or a time of day is
 * placed from the capture's first printed event, the start `syscope info` and the app's timeline
 * show (cli/captureSpan.ts). Both ends are included; one before the other is a usage error.
 *
 * The window is cut to the capture's span (its first to its latest event), so that no command
 * answers for time the capture does not hold (QA 19: tiles drew a fall to 0 after the capture's
 * end). A window wholly outside the span is a usage error that says so, whatever the command:
 * it selects nothing, and most often the offset or date was mistyped.
 */
import { parseTimeOrOffset, UsageError, windowProblem } from '../engine/evidence/commandLine';
import { resolveTimeInput } from '../../shared/format/timeInput';
import { captureSpan, type CaptureSpan } from './captureSpan';
import { requireCaptureFile } from './inputFile';
import { requireCaptureHoldsEvents } from './emptyCapture';

export async function timeBounds(capture: string, from: string | undefined, to: string | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' }): Promise<{ from?: bigint; to?: bigint }> {
  // Both read before the capture is opened: a mistyped time is a usage error, whatever the file.
  const f = from === undefined ? undefined : timeOrOffset(from, names.from);
  const t = to === undefined ? undefined : timeOrOffset(to, names.to);
  if (f === undefined && t === undefined) return {};
  requireCaptureFile(capture);
  // A capture with no event at all is refused as every command refuses it (exit 1), window or not.
  await requireCaptureHoldsEvents(capture);
  const span = await captureSpan(capture);
  if (span === null && [f, t].some((x) => x !== undefined && x.kind !== 'epoch')) {
    throw new UsageError(`${capture} has no timed events to measure an offset or place a time of day from`);
  }
  const start = span?.first ?? 0n;
  const bounds = { from: f && resolveTimeInput(f, start), to: t && resolveTimeInput(t, start) };
  const problem = windowProblem(bounds.from, bounds.to, names.from, names.to);
  if (problem !== undefined) throw new UsageError(problem);
  if (span === null) return bounds;
  const outside = outsideSpan(bounds, span, windowWords(from, to, names));
  if (outside !== undefined) throw new UsageError(outside);
  return {
    from: bounds.from === undefined ? undefined : bounds.from < span.first ? span.first : bounds.from,
    to: bounds.to === undefined ? undefined : bounds.to > span.last ? span.last : bounds.to,
  };
}

/**
 * A --from/--to value, refused in one short line that points to --help for the forms (QA 20:
 * the whole list of accepted forms, ~300 characters, or the whole usage string).
 */
function timeOrOffset(text: string, name: string) {
  try {
    return parseTimeOrOffset(text, name);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message.startsWith(`--${name} must be `)) {
      throw new UsageError(`--${name}: '${text}' is not a time; give an offset such as 60s, a UTC time of day such as 09:41:30.5, a UTC date and time, or nanoseconds since the epoch (--help shows each form)`);
    }
    throw new UsageError(/\)$/.test(err.message) ? err.message : `${err.message} (--help shows the forms of a time)`);
  }
}

/** Why a window (already known not to be reversed) selects no time of the capture, if it does not. */
export function outsideSpan(b: { from?: bigint; to?: bigint }, span: CaptureSpan, words: string): string | undefined {
  if (b.from !== undefined && b.from > span.last) {
    return `the window ${words} lies after the capture's end (${secondsAfter(span.last, span.first)} s)`;
  }
  if (b.to !== undefined && b.to < span.first) {
    return `the window ${words} lies before the capture's first event (${new Date(Number(span.first / 1_000_000n)).toISOString().slice(0, -1)}${String(span.first % 1_000_000n).padStart(6, '0')}Z)`;
  }
  return undefined;
}

/** The window as the user typed it: "400s..500s", "from 400s" or "to 1m". */
function windowWords(from: string | undefined, to: string | undefined, names: { from: string; to: string }): string {
  if (from !== undefined && to !== undefined) return `${from}..${to}`;
  return from !== undefined ? `--${names.from} ${from}` : `--${names.to} ${to}`;
}

function secondsAfter(t: bigint, origin: bigint): string {
  return (Number(t - origin) / 1e9).toFixed(3);
}
