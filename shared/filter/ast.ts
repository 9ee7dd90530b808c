/** The parsed form of a filter. Offsets are 0-based positions in the filter text. */
import type { FieldInfo } from '../fields/types';

export type ComparisonOperator =
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'contains' | 'icontains' | 'bcontains' | 'startswith' | 'bstartswith' | 'endswith'
  | 'glob' | 'iglob' | 'regex' | 'in' | 'intersects' | 'pmatch' | 'exists';

/** `op anyof (…)`: how many list elements must satisfy `value op element`. */
export type ListModifier = 'oneof' | 'anyof' | 'allof';

/** Transformers applied to a field value (`tolower(proc.name)`), newest-libs syntax. */
export type TransformerName = 'tolower' | 'toupper' | 'b64' | 'basename' | 'len';

export interface FieldRef {
  /** Canonical catalog name (`evt.arg` for `evt.arg.fd`). */
  name: string;
  /** As written, without the bracket argument. */
  written: string;
  arg?: string;
  info: FieldInfo;
  /** Applied to the value in this order (innermost first): `len(tolower(x))` → ['tolower', 'len']. */
  transformers?: TransformerName[];
  start: number;
  end: number;
}

export interface ValueText { text: string; quoted: boolean; start: number; end: number }

export type Operand =
  | { kind: 'value'; value: ValueText }
  | { kind: 'list'; items: ValueText[]; start: number; end: number }
  | { kind: 'field'; field: FieldRef; start: number; end: number };

export interface CheckNode {
  kind: 'check';
  field: FieldRef;
  op: ComparisonOperator;
  opStart: number;
  modifier?: ListModifier;
  /** Absent only for `exists`. */
  operand?: Operand;
}

export type FilterNode =
  | CheckNode
  | { kind: 'not'; child: FilterNode; start: number }
  | { kind: 'and'; children: FilterNode[] }
  | { kind: 'or'; children: FilterNode[] };
