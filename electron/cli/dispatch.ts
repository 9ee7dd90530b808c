/**
 * What every subcommand gets from the dispatcher rather than from its own parser, so it reads
 * the same in all of them: `-h`/`--help` prints the command's usage on stdout and exits 0, and a
 * word that looks like an option the command does not take is "unknown option" (exit 2), never
 * taken as part of a filter or a file name. Each command declares its options (CommandOptions);
 * its own parser then reads their values. Every usage error reads `<what is wrong> (usage: …)`:
 * an option given last without its value is caught here for all commands, and a command's own
 * UsageError gets the command's synopsis appended when it does not carry it.
 */
import { UsageError } from '../engine/evidence/commandLine';
import { EXIT_STATUS_HELP } from './helpText';

/** The options a command takes, as typed (`--filter`, `-o`): those that take the next word as their value, and switches. */
export interface CommandOptions {
  valued: readonly string[];
  flags: readonly string[];
}

export interface DispatchedCommand {
  summary: string;
  /** The usage (first line: the synopsis; further lines: what the JSON outputs are). */
  usage: string;
  options: CommandOptions;
  /** The synopsis a usage error quotes, when it depends on what was asked (export's kinds). */
  synopsis?(args: string[]): string;
  run(args: string[]): Promise<number>;
}

/** `-x`, `--name`, `--name=value`: not `-`, a negative number or anything after `--`. */
const OPTION_LOOKING = /^--?[A-Za-z]/;

/** The words before a `--` (after it, every word is a filter word or a file name). */
function optionWords(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  return end < 0 ? args : args.slice(0, end);
}

export function wantsHelp(args: readonly string[], options: CommandOptions): boolean {
  const words = optionWords(args);
  for (let i = 0; i < words.length; i++) {
    if (options.valued.includes(words[i])) { i++; continue; }
    if (words[i] === '-h' || words[i] === '--help') return true;
  }
  return false;
}

/** The first word of `args` that looks like an option the command does not take, if any. */
export function unknownOption(args: readonly string[], options: CommandOptions): string | undefined {
  const words = optionWords(args);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (options.valued.includes(w)) { i++; continue; }
    if (!OPTION_LOOKING.test(w) || options.flags.includes(w)) continue;
    const eq = w.indexOf('=');
    if (w.startsWith('--') && eq > 0 && options.valued.includes(w.slice(0, eq))) continue;
    // `-pFORMAT`, as sysdig takes -p: a one-letter valued option with its value attached.
    if (!w.startsWith('--') && options.valued.includes(w.slice(0, 2))) continue;
    return w;
  }
  return undefined;
}

export function firstLine(text: string): string {
  return text.split('\n')[0];
}

/** The option of `args` that takes a value and is given last, with none, if any. */
export function optionWithoutValue(args: readonly string[], options: CommandOptions): string | undefined {
  const words = optionWords(args);
  for (let i = 0; i < words.length; i++) {
    if (!options.valued.includes(words[i])) continue;
    if (i + 1 >= words.length) return words[i];
    i++;
  }
  return undefined;
}

/**
 * `message` as every usage error reads: what is wrong, then `(usage: …)`. A message that ends in
 * its own parenthesis already says what to give instead (`(got 'x')`, `(-o out.scap)`), and a
 * filter error says where in the filter, which the synopsis does not help with.
 */
export function withUsage(message: string, usage: string): string {
  return /usage: |\)$|^(bad )?filter( error)?\b/.test(message) ? message : `${message} (${firstLine(usage)})`;
}

/** Runs `command` on `args` after the checks every command shares. */
export async function runCommand(command: DispatchedCommand, args: string[]): Promise<number> {
  if (wantsHelp(args, command.options)) { console.log(command.usage); return 0; }
  const synopsis = command.synopsis?.(args) ?? command.usage;
  const unknown = unknownOption(args, command.options);
  if (unknown !== undefined) throw new UsageError(withUsage(`unknown option '${unknown}'`, synopsis));
  const bare = optionWithoutValue(args, command.options);
  if (bare !== undefined) throw new UsageError(withUsage(`${bare} needs a value`, synopsis));
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) throw new UsageError(withUsage(err.message, synopsis));
    throw err;
  }
}

/** `syscope --help`: each command with its one-line summary. */
export function commandList(commands: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...commands.map(([name]) => name.length));
  return [
    'usage: syscope <command> [options]', '', 'commands:',
    ...commands.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '', 'syscope <command> --help shows what a command takes.', '', EXIT_STATUS_HELP,
  ].join('\n');
}
