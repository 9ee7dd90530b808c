/**
 * The field catalog: every field the filter language, `-p` formats and the renderer's autocomplete
 * know. The data lives in catalog-data.ts; this file answers questions about it.
 *
 * Field references in filter text come in three spellings: `proc.name`, `proc.aname[2]` and the
 * dotted-argument form `evt.arg.fd` / `thread.cgroup.cpuacct`. `lookupField` maps any of them to
 * a catalog entry plus the argument.
 */
import { FIELD_DATA } from './catalog-data';
import type { FieldInfo } from './types';

export type { FieldInfo, FieldType, FieldArgKind, FieldArgSpec } from './types';

export const FIELDS: readonly FieldInfo[] = FIELD_DATA;

const byName = new Map<string, FieldInfo>(FIELDS.map((f) => [f.name, f]));

export function getField(name: string): FieldInfo | undefined {
  return byName.get(name);
}

export interface FieldReference {
  field: FieldInfo;
  /** The argument from `[...]` or from a dotted suffix; undefined when none was written. */
  arg?: string;
}

/**
 * Resolves a field name as written (without a bracket argument) to a catalog entry. A name that is
 * not itself a field may be a field with a dotted argument: the longest field name ending at a dot
 * that accepts dotted arguments wins (`evt.type.is.open` → evt.type.is + "open").
 */
export function lookupField(written: string): FieldReference | undefined {
  const exact = byName.get(written);
  if (exact) return { field: exact };
  for (let dot = written.lastIndexOf('.'); dot > 0; dot = written.lastIndexOf('.', dot - 1)) {
    const base = byName.get(written.slice(0, dot));
    if (base?.arg?.dotted) {
      const arg = written.slice(dot + 1);
      return arg === '' ? undefined : { field: base, arg };
    }
  }
  return undefined;
}

/** Fields whose name starts with `prefix`, in catalog order (autocomplete). */
export function fieldsWithPrefix(prefix: string): FieldInfo[] {
  return FIELDS.filter((f) => f.name.startsWith(prefix));
}

/** Field class names (`evt`, `proc`, `fd`, ...), in catalog order. */
export function fieldClasses(): string[] {
  return [...new Set(FIELDS.map((f) => f.name.slice(0, f.name.indexOf('.'))))];
}

export function isNumericType(t: FieldInfo['type']): boolean {
  return t === 'INT16' || t === 'INT32' || t === 'INT64' || t === 'UINT32' || t === 'UINT64'
    || t === 'DOUBLE' || t === 'RELTIME' || t === 'ABSTIME' || t === 'PORT';
}
