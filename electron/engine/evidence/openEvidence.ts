/**
 * Everything an evidence query needs for one capture: the pass over its events, the compiled
 * filter (if any) and the field resolver. Problems a user can fix (missing file, bad filter)
 * are one-line errors.
 */
import { existsSync, statSync } from 'node:fs';
import { compileFilter, type Predicate } from '../filter/compile';
import type { FieldResolver } from '../filter/resolver';
import type { EventContext } from '../inspector/eventContext';
import { fieldResolver } from '../fields/registry';
import { InspectorWalk } from './inspectorWalk';
import { UsageError } from './commandLine';
import { ApiFailure } from '../../../shared/ipc/errors';
import { withTableFieldsAsFallback } from '../views/tableFields';

export interface OpenedEvidence {
  walk: InspectorWalk;
  predicate: Predicate<EventContext> | undefined;
  resolve: FieldResolver<EventContext>;
}

export function openEvidence(capture: string, filter: string, signal?: AbortSignal, filterFields: FieldResolver<EventContext> = fieldResolver): OpenedEvidence {
  if (!existsSync(capture)) throw new ApiFailure('not-found', `no such capture file: ${capture}`);
  if (!statSync(capture).isFile()) throw new ApiFailure('not-found', `not a capture file: ${capture}`);
  let predicate: Predicate<EventContext> | undefined;
  if (filter.trim() !== '') {
    const compiled = compileFilter(filter, filterFields);
    if (!compiled.ok) throw new UsageError(`bad filter: ${compiled.error.message.split('\n')[0]}`);
    predicate = compiled.predicate;
  }
  return { walk: new InspectorWalk(capture, signal), predicate, resolve: fieldResolver };
}

/**
 * The fields of a process tree's filter, which picks processes as a view's filter picks rows:
 * csysdig's table fields (thread.vmsize.b...) count too, as they do when the app's index names
 * the pids. Fresh per pass.
 */
export function treeFilterFields(): FieldResolver<EventContext> {
  return withTableFieldsAsFallback(fieldResolver);
}

/** openEvidence for the process tree (its filter reads treeFilterFields). */
export function openTreeEvidence(capture: string, filter: string, signal?: AbortSignal): OpenedEvidence {
  return openEvidence(capture, filter, signal, treeFilterFields());
}
