/**
 * Names a filter may only use if they exist: event type names (`evt.type = opne` is a typo, not an
 * empty result) and event parameter names (`evt.arg.NAME`, `evt.rawarg.NAME`), as libsinsp checks.
 */
import { EVENTS } from '../scap/eventTable';
import { syscallName } from '../scap/syscalls';
import type { CheckNode } from './ast';
import type { FilterError } from './errors';
import { editDistance } from './suggest';

let eventNames: Set<string> | undefined;
let paramNames: Set<string> | undefined;

/** Every name `evt.type` accepts (event and syscall names). */
export function knownEventNames(): Set<string> {
  if (!eventNames) {
    eventNames = new Set(EVENTS.filter((e) => e && !e.isUnused).map((e) => e.name));
    for (let code = 0; code < 1024; code++) {
      const n = syscallName(code);
      if (n) eventNames.add(n);
    }
  }
  return eventNames;
}

function knownParamNames(): Set<string> {
  if (!paramNames) paramNames = new Set(EVENTS.filter((e) => e).flatMap((e) => e.params.map((p) => p.name)));
  return paramNames;
}

function closest(word: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const d = editDistance(word, n);
    if (d < bestD) { best = n; bestD = d; }
  }
  return bestD <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * What evt.type shows for a generic syscall event whose syscall has no name. sysdig 0.29.3
 * accepts it as a value (`evt.type=<unknown>` selects those events), so a value the tool
 * prints can be filtered on; it is no name to suggest or complete.
 */
const UNNAMED_SYSCALL = '<unknown>';

/** An error for an unknown event type or parameter name in this check, or undefined. */
export function unknownNameError(check: CheckNode): FilterError | undefined {
  const f = check.field;
  if ((f.name === 'evt.arg' || f.name === 'evt.rawarg') && f.arg !== undefined && !/^\d+$/.test(f.arg)) {
    if (!knownParamNames().has(f.arg)) {
      const near = closest(f.arg, knownParamNames());
      return { message: `no event has a parameter called '${f.arg}'${near ? `; did you mean '${near}'?` : ''}`, offset: f.start, length: f.end - f.start, suggestion: near };
    }
  }
  const typeChecked = f.name === 'evt.type' && !f.transformers?.length && ['=', '!=', 'in', 'intersects'].includes(check.op);
  if (!typeChecked || !check.operand || check.operand.kind === 'field') return undefined;
  const values = check.operand.kind === 'value' ? [check.operand.value] : check.operand.items;
  // sysdig refuses an empty list of event types ('unknown event type'): it names none.
  if (check.operand.kind === 'list' && values.length === 0) {
    return { message: 'an empty list names no event type', offset: check.operand.start, length: Math.max(1, check.operand.end - check.operand.start) };
  }
  for (const v of values) {
    if (knownEventNames().has(v.text) || v.text === UNNAMED_SYSCALL) continue;
    const near = closest(v.text, knownEventNames());
    return { message: `unknown event type '${v.text}'${near ? `; did you mean '${near}'?` : ''}`, offset: v.start, length: Math.max(1, v.end - v.start), suggestion: near };
  }
  return undefined;
}
