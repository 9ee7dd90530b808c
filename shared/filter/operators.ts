/** The comparison operators, how they are spelled, and which field types each applies to. */
import type { FieldInfo, FieldType } from '../fields/types';
import type { ComparisonOperator } from './ast';

/** Word operators; symbols (`=`, `!=`, `<`, …) are recognised by the parser directly. */
export const WORD_OPERATORS: readonly ComparisonOperator[] = [
  'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith',
  'glob', 'iglob', 'regex', 'in', 'intersects', 'pmatch', 'exists',
];

/** Every operator spelling, for autocomplete (`==` is accepted as `=`). */
export const OPERATOR_SPELLINGS: readonly string[] = ['=', '==', '!=', '<', '<=', '>', '>=', ...WORD_OPERATORS];

/** Word operators that take a list `( … )` and may be written without a blank before it. */
export const LIST_OPERATORS: ReadonlySet<ComparisonOperator> = new Set(['in', 'intersects', 'pmatch']);

/** Operators that accept a modifier (`startswith anyof (a, b)`). */
export const MODIFIABLE_OPERATORS: ReadonlySet<ComparisonOperator> = new Set([
  '=', '!=', 'glob', 'iglob', 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex',
]);

const ordered: ComparisonOperator[] = ['=', '!=', '<', '<=', '>', '>=', 'in', 'intersects', 'exists'];
const equality: ComparisonOperator[] = ['=', '!=', 'in', 'intersects', 'exists'];

const byType: Record<FieldType, ReadonlySet<ComparisonOperator>> = {
  CHARBUF: new Set([...ordered, 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex', 'pmatch']),
  // icontains on buffers is a Syscope extension (sysdig 0.29.3 refuses it): the log tiles' drill
  // filters find 'warn' in any case, as the tiles count it (docs/sysdig-differences.md, "Filters").
  BYTEBUF: new Set([...equality, 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith']),
  INT16: new Set(ordered), INT32: new Set(ordered), INT64: new Set(ordered),
  UINT32: new Set(ordered), UINT64: new Set(ordered), DOUBLE: new Set(ordered),
  RELTIME: new Set(ordered), ABSTIME: new Set(ordered), PORT: new Set(ordered),
  BOOL: new Set(equality), IPADDR: new Set(equality), IPNET: new Set(equality),
  DYN: new Set([...ordered, 'contains', 'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'glob', 'iglob', 'regex', 'pmatch']),
};

const listFieldOperators: ReadonlySet<ComparisonOperator> = new Set(['in', 'intersects', 'exists']);

export function operatorApplies(op: ComparisonOperator, type: FieldType, isList = false): boolean {
  if (isList) return listFieldOperators.has(op);
  return byType[type].has(op);
}

/** The operators a field accepts, in display order (autocomplete). */
export function operatorsFor(field: FieldInfo): ComparisonOperator[] {
  return (['=', '!=', '<', '<=', '>', '>=', ...WORD_OPERATORS] as ComparisonOperator[])
    .filter((op) => operatorApplies(op, field.type, field.list));
}

/** The value type after transformers: `len` gives a number, the others text. */
export function transformedType(type: FieldType, transformers: readonly string[] | undefined): FieldType {
  if (!transformers || transformers.length === 0) return type;
  return transformers[transformers.length - 1] === 'len' ? 'UINT64' : 'CHARBUF';
}

/** How a type is called in messages. */
export function typeWord(type: FieldType): string {
  switch (type) {
    case 'CHARBUF': return 'text';
    case 'BYTEBUF': return 'binary buffer';
    case 'BOOL': return 'boolean';
    case 'IPADDR': return 'IP address';
    case 'IPNET': return 'IP network';
    case 'PORT': return 'port';
    case 'RELTIME': return 'duration';
    case 'ABSTIME': return 'timestamp';
    case 'DYN': return 'parameter';
    default: return 'numeric';
  }
}
