/**
 * What a drill-down step selects, in the user's words: "container 44136c54b079",
 * "process 5253", "/var/log/nginx/error.log", "the Container Deaths tile". Used where the
 * view that was drilled through is not what the user sees (the events, I/O and process tabs'
 * breadcrumb) and for the titles of recorded findings steps. The step's filter stays the exact
 * statement; this is only its name.
 */
import type { DrillStep } from '../../shared/views/drilldown';
import { drillKeyValue } from '../../shared/views/stepName';

const nouns: Record<string, string> = {
  'container.id': 'container',
  'proc.pid': 'process',
  'thread.tid': 'thread',
  'thread.nametid': 'thread',
  'fd.sport': 'server port',
  'fd.type': 'fd type',
  'fd.containerdirectory': 'directory',
  'evt.type': 'system call',
  'evt.res': 'result',
};

/** The tile a drill step was opened from (a tile's →), by its title; undefined for any other step. */
export function stepTile(step: DrillStep | undefined): string | undefined {
  return step?.keyField === 'tile' ? step.selection ?? '' : undefined;
}

/** The selection of a drill step, named ('' for a step that selects nothing: the whole capture). */
export function selectionLabel(step: DrillStep | undefined): string {
  if (!step?.keyField) return '';
  const selection = step.selection ?? '';
  const tile = stepTile(step);
  if (tile !== undefined) return `the ${tile} tile`;
  const value = drillKeyValue(step.keyField, selection);
  const noun = nouns[step.keyField];
  // An empty key groups the events without the field (I/O by Type's "(no fd type)" row).
  if (value === '') return `no ${noun ?? step.keyField}`;
  if (step.keyField === 'fd.containername' || step.keyField === 'fd.name') return value;
  return noun ? `${noun} ${value}` : `${step.keyField} = ${value}`;
}
