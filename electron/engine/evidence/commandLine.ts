/**
 * Option parsing shared by the evidence commands (`events`, `streams`, `tree`): one capture
 * path, then a filter made of the remaining words (as sysdig takes it), plus `--name value`
 * options. Every mistake is a one-line UsageError.
 */
import { readTimeInput, TIME_FORMS, timeInputProblem, type TimeInput } from '../../../shared/format/timeInput';

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

export interface ParsedCommandLine {
  capture: string;
  filter: string;
  options: Map<string, string | true>;
}

/**
 * `valued` options take the next word as their value; `flags` stand alone. Words after `--`
 * are filter words even when they start with dashes.
 */
export function parseCommandLine(args: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedCommandLine {
  const options = new Map<string, string | true>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') { words.push(...args.slice(i + 1)); break; }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
      } else if (flags.includes(name) && eq < 0) {
        options.set(name, true);
      } else {
        throw new UsageError(`unknown option '--${name}'`);
      }
      continue;
    }
    words.push(a);
  }
  const [capture, ...filterWords] = words;
  if (!capture) throw new UsageError('no capture file given');
  return { capture, filter: filterWords.join(' ').trim(), options };
}

/** A non-negative integer option, or `fallback` when absent. */
export function intOption(p: ParsedCommandLine, name: string, fallback: number): number {
  const v = p.options.get(name);
  if (v === undefined) return fallback;
  if (v === true || !/^\d+$/.test(v)) throw new UsageError(`--${name} must be a non-negative integer (got '${v}')`);
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} is too large`);
  return n;
}

export function stringOption(p: ParsedCommandLine, name: string): string | undefined {
  const v = p.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function choiceOption<T extends string>(p: ParsedCommandLine, name: string, choices: readonly T[], fallback: T): T {
  const v = p.options.get(name);
  if (v === undefined) return fallback;
  if (v === true || !(choices as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${choices.join(', ')} (got '${v}')`);
  return v as T;
}

/** The forms of a time every command takes (and the app's Set window… fields), with the examples their help gives. */
export { TIME_FORMS };

/**
 * A time as every command's --from/--to reads it, and the app's Set window… fields
 * (shared/format/timeInput.ts): epoch nanoseconds, a UTC date and time, a time of day on the
 * capture's first day, or an offset from the capture's first printed event with a unit (60s,
 * 12.5s, 1500ms, 2m, 250us, 40ns, 1h). Bare digits are nanoseconds since the epoch; the caller
 * places an offset or a time of day with resolveTimeInput and the capture's start.
 */
export function parseTimeOrOffset(text: string, optionName: string): TimeInput {
  const input = readTimeInput(text);
  if (!('error' in input)) return input;
  if (input.error === 'not-a-time') throw new UsageError(`--${optionName} must be ${TIME_FORMS} (got '${text}')`);
  throw new UsageError(`--${optionName}: ${timeInputProblem(text, input.error)}`);
}

/**
 * Why a window from `f` to `t` is refused, if it is: it ends before it starts. Both ends are
 * included, so a window of one instant is taken: it holds the events at that instant (sysdig
 * selects them with evt.rawtime>=T and evt.rawtime<=T).
 */
export function windowProblem(f: bigint | undefined, t: bigint | undefined, fromName = 'from', toName = 'to'): string | undefined {
  if (f === undefined || t === undefined) return undefined;
  if (t < f) return `--${toName} is before --${fromName}`;
  return undefined;
}
