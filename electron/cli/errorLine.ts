/**
 * The one line the command line prints for a failure that reaches its dispatcher:
 * `syscope <command>: <what went wrong>`, with the readers' and the engine's wording brought to
 * the command line's (the capture's path as typed, once; a filter refused by the engine as a
 * filter error; a busy port named as such).
 */
import { captureProblemLine } from './inputFile';

export function errorLine(command: string | undefined, err: unknown): string {
  let line = captureProblemLine(err instanceof Error ? err.message : String(err));
  line = line.replace(/^(?:bad )?filter: /, 'filter error: ');
  return `syscope${command ? ` ${command}` : ''}: ${line}`;
}
