/**
 * The command line's exit statuses, as the README promises them: 2 when the user asked wrongly
 * (usage, an option's value, a filter, a search expression, a view or column that does not exist), 1 when the capture
 * could not be read or anything else failed. (3, an answer for the readable part of a damaged
 * capture, is not a failure: the commands return it, captureDamage.ts.)
 */
import { ApiFailure } from '../../shared/ipc/errors';
import { UsageError } from '../engine/evidence/commandLine';
import { SearchError } from '../../shared/streams/search';

const ASKED_WRONGLY: ReadonlySet<string> = new Set(['bad-request', 'bad-filter']);

export function exitStatusOf(err: unknown): 1 | 2 {
  // A --search text that is no regular expression is a bad value like any other (QA 20: exit 1).
  if (err instanceof UsageError || err instanceof SearchError) return 2;
  if (err instanceof ApiFailure && ASKED_WRONGLY.has(err.code)) return 2;
  return 1;
}
