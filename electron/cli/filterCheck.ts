/**
 * A filter given on the command line is checked before any capture is read, with the same
 * check the app's filter bar makes as the user types (shared/filter/validate.ts), so every
 * command reports a bad filter the same way and says where: `filter error at column N: …`.
 * What only the engine can refuse (a constant for a field's exact type) still reaches the
 * user through errorLine.ts, in the same words.
 */
import { checkFilter } from '../../shared/filter/validate';
import { formatFilterError } from '../../shared/filter/errors';
import { UsageError } from '../engine/evidence/commandLine';

export function requireValidFilter(filter: string | undefined): void {
  if (filter === undefined || filter.trim() === '') return;
  const checked = checkFilter(filter);
  if (!checked.ok) throw new UsageError(formatFilterError(filter, checked.error));
}
