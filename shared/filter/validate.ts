/**
 * Checks a filter as far as possible without a capture: syntax, field names and arguments, operators
 * against field types, and every constant against its field's type. The renderer calls this as the
 * user types; the engine's compiler repeats the constant checks with the resolver's exact types.
 */
import type { FieldType } from '../fields/types';
import type { CheckNode, FilterNode, ValueText } from './ast';
import type { FilterError, FilterResult } from './errors';
import { parseFilter } from './parse';
import { parseConstant, type Constant } from './values';
import { unknownNameError } from './knownNames';
import { transformedType } from './operators';

export function checkFilter(text: string): FilterResult<FilterNode> {
  const parsed = parseFilter(text);
  if (!parsed.ok) return parsed;
  const error = firstValueError(parsed.value, (c) => (c.field.transformers?.length ? transformedType(c.field.info.type, c.field.transformers) : c.field.info.type));
  return error ? { ok: false, error } : parsed;
}

/** The values of a check: its scalar value or its list elements. */
export function checkValues(check: CheckNode): ValueText[] {
  const o = check.operand;
  if (!o) return [];
  if (o.kind === 'value') return [o.value];
  if (o.kind === 'list') return o.items;
  return [];
}

/** Parses one value of a check for `type`, or returns the error pointing at the value. */
export function constantFor(check: CheckNode, type: FieldType, value: ValueText): Constant | FilterError {
  const c = parseConstant(type, check.op, value.text);
  if ('error' in c) {
    return { message: `${c.error} (in '${check.field.written}${check.field.arg !== undefined && check.field.written === check.field.name ? `[${check.field.arg}]` : ''} ${check.op}')`, offset: value.start, length: value.end - value.start };
  }
  return c;
}

function firstValueError(node: FilterNode, typeOf: (c: CheckNode) => FieldType): FilterError | undefined {
  switch (node.kind) {
    case 'and': case 'or':
      for (const child of node.children) {
        const e = firstValueError(child, typeOf);
        if (e) return e;
      }
      return undefined;
    case 'not':
      return firstValueError(node.child, typeOf);
    case 'check': {
      const nameError = unknownNameError(node);
      if (nameError) return nameError;
      const type = typeOf(node);
      if (type === 'DYN') return undefined;
      for (const v of checkValues(node)) {
        const c = constantFor(node, type, v);
        if ('message' in c) return c;
      }
      return undefined;
    }
  }
}
