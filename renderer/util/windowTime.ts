/**
 * A time typed into the timeline's From / To fields, to nanoseconds since the epoch (a decimal
 * string), read as every command's --from/--to reads it (shared/format/timeInput.ts): epoch
 * nanoseconds, a UTC date and time, a time of day on the capture's first day, or an offset from
 * the capture's first event (CaptureInfo.firstTs, the start the timeline shows).
 */
import { readTimeInput, resolveTimeInput, TIME_FORMS, timeInputProblem } from '../../shared/format/timeInput';

export type ParsedTime = { ns: string } | { error: string };

export function parseWindowTime(text: string, firstTs: string): ParsedTime {
  const input = readTimeInput(text);
  if ('error' in input) {
    const problem = timeInputProblem(text, input.error);
    return { error: input.error === 'not-a-time' ? `${problem}: type ${TIME_FORMS}` : problem };
  }
  return { ns: resolveTimeInput(input, BigInt(firstTs)).toString() };
}
