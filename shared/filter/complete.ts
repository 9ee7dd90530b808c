/**
 * Autocomplete for the filter box: what may come at the cursor (field names, operators for the field
 * just typed, keywords, boolean values), replacing the word the cursor is in.
 */
import { FIELDS, fieldClasses, lookupField } from '../fields/catalog';
import { OPERATOR_SPELLINGS, operatorsFor, transformedType } from './operators';
import { knownEventNames } from './knownNames';

export interface Completion {
  label: string;
  kind: 'field' | 'class' | 'operator' | 'keyword' | 'value';
  detail?: string;
}

/** Replace text[from, to) with a chosen item's label. */
export interface CompletionResult { from: number; to: number; items: Completion[] }

const MAX_ITEMS = 60;
const FIELD_REF_AT_END = /([A-Za-z_]\w*(?:\.\w+)+)(\[[^\]]*\])?$/;
const LIST_AT_END = /([A-Za-z_]\w*(?:\.\w+)+(?:\[[^\]]*\])?)\s*(?:in|intersects|pmatch)\s*\(([^()]*,)?$/;
const OPERATOR_AT_END = /([A-Za-z_]\w*(?:\.\w+)+(?:\[[^\]]*\])?)\s*(==|=|!=|<=|<|>=|>|contains|icontains|bcontains|startswith|bstartswith|endswith|glob|iglob|regex)$/;

export function completeFilter(text: string, cursor: number): CompletionResult {
  cursor = Math.max(0, Math.min(cursor, text.length));
  let from = cursor;
  while (from > 0 && /[\w.]/.test(text[from - 1])) from--;
  let to = cursor;
  while (to < text.length && /[\w.]/.test(text[to])) to++;
  const prefix = text.slice(from, cursor);
  const before = text.slice(0, from).replace(/[ \t\b\r\n]+$/, '');
  const hadBlank = before.length < from;
  const result = (items: Completion[]): CompletionResult => ({ from, to, items: items.slice(0, MAX_ITEMS) });

  const list = LIST_AT_END.exec(before);
  if (list) return result(valueItems(list[1], prefix));
  if (before === '' || before.endsWith('(') || /(^|[\s(])(and|or|not)$/.test(before)) {
    return result(fieldItems(prefix, before === '' || /(and|or|\()$/.test(before)));
  }
  const op = OPERATOR_AT_END.exec(before);
  if (op && hadBlank) {
    return result(valueItems(op[1], prefix));
  }
  const transformed = /\b(tolower|toupper|b64|basename|len)\(\s*([A-Za-z_]\w*(?:\.\w+)+)(?:\[[^\]]*\])?\s*\)$/.exec(before);
  if (transformed && hadBlank) {
    const ref = lookupField(transformed[2]);
    if (ref) {
      const type = transformedType(ref.field.type, [transformed[1]]);
      return result(operatorsFor({ ...ref.field, type, list: false }).filter((o) => o.startsWith(prefix)).map((label) => ({ label, kind: 'operator' as const })));
    }
  }
  const fieldAtEnd = FIELD_REF_AT_END.exec(before);
  if (fieldAtEnd && hadBlank && !/[=<>]\s*[^\s]*$/.test(before.slice(0, fieldAtEnd.index))) {
    const ref = lookupField(fieldAtEnd[1]);
    if (ref) {
      return result(operatorsFor(ref.field).filter((o) => o.startsWith(prefix)).map((label) => ({ label, kind: 'operator' as const })));
    }
  }
  if (hadBlank) return result(['and', 'or'].filter((k) => k.startsWith(prefix)).map((label) => ({ label, kind: 'keyword' as const })));
  return result([]);
}

/** Values worth offering for a field: booleans and the small closed sets sysdig uses. */
const CLOSED_SETS: Record<string, readonly string[]> = {
  'fd.type': ['file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', 'signalfd', 'eventpoll', 'inotify', 'timerfd', 'netlink', 'bpf', 'userfaultfd', 'io_uring', 'memfd', 'pidfd'],
  'fd.l4proto': ['tcp', 'udp', 'icmp', 'raw'],
  'fd.sockfamily': ['ip', 'unix'],
  'evt.category': ['file', 'net', 'IPC', 'memory', 'process', 'sleep', 'system', 'signal', 'user', 'time', 'processing', 'wait', 'scheduler', 'internal', 'other', 'unknown'],
  'evt.dir': ['<', '>'],
  'evt.io_dir': ['r', 'w'],
};

function valueItems(written: string, prefix: string): Completion[] {
  const ref = lookupField(written.replace(/\[.*$/, ''));
  if (!ref) return [];
  let values: readonly string[] = [];
  if (ref.field.type === 'BOOL') values = ['true', 'false'];
  else if (ref.field.name === 'evt.type' || ref.field.name === 'syscall.type') values = [...knownEventNames()].sort();
  else values = CLOSED_SETS[ref.field.name] ?? [];
  return values.filter((v) => v.startsWith(prefix)).map((label) => ({ label, kind: 'value' as const }));
}

function fieldItems(prefix: string, allowNot: boolean): Completion[] {
  const items: Completion[] = [];
  if (allowNot && 'not'.startsWith(prefix) && prefix !== '') items.push({ label: 'not', kind: 'keyword' });
  if (!prefix.includes('.')) {
    for (const c of fieldClasses()) if (c.startsWith(prefix)) items.push({ label: `${c}.`, kind: 'class' });
  }
  const matches = FIELDS.filter((f) => f.name.startsWith(prefix) && f.usage !== 'format');
  matches.sort((a, b) => Number(!!a.deprecated) - Number(!!b.deprecated));
  for (const f of matches) items.push({ label: f.name, kind: 'field', detail: f.description });
  return items;
}

/** Every operator spelling (for help text). */
export const ALL_OPERATORS = OPERATOR_SPELLINGS;
