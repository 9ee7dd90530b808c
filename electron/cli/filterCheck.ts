/**
 * A filter given on the command line is checked before any capture is read, with the same
 * check the app's filter bar makes as the user types (shared/filter/validate.ts), so every
 * command reports a bad filter the same way and says where: `filter error at column N: …`.
 * Commands whose filter the engine compiles with sysdig's own fields (not csysdig's table
 * fields) pass that resolver, so what only the engine refuses is said with its column too;
 * anything else the engine refuses reaches the user through errorLine.ts, in the same words.
 */
import { checkFilter } from '../../shared/filter/validate';
import { formatFilterError } from '../../shared/filter/errors';
import { UsageError } from '../engine/evidence/commandLine';
import { compileFilter } from '../engine/filter/compile';
import type { FieldResolver } from '../engine/filter/resolver';

export function requireValidFilter<Ctx>(filter: string | undefined, compiledWith?: FieldResolver<Ctx>): void {
  if (filter === undefined || filter.trim() === '') return;
  const checked = checkFilter(filter);
  if (!checked.ok) throw new UsageError(formatFilterError(filter, checked.error));
  if (!compiledWith) return;
  const compiled = compileFilter(filter, compiledWith);
  if (!compiled.ok) throw new UsageError(formatFilterError(filter, compiled.error));
}
