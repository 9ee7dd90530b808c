/** What the catalog says about one field. */

/** libsinsp value types (ppm_param_type names) that fields can have. */
export type FieldType =
  | 'CHARBUF' | 'BYTEBUF'
  | 'INT16' | 'INT32' | 'INT64' | 'UINT32' | 'UINT64' | 'DOUBLE'
  | 'RELTIME' | 'ABSTIME' | 'BOOL' | 'PORT' | 'IPADDR' | 'IPNET'
  /** evt.rawarg: the type is that of the named event parameter. */
  | 'DYN';

/** What a field's `[arg]` (or `.arg` suffix) is. */
export type FieldArgKind =
  /** a non-negative integer: ancestor level, argument number, fd number */
  | 'index'
  /** a word: parameter name, env var, cgroup controller, label key */
  | 'name'
  | 'index-or-name'
  /** a mount index, or a source/destination path (glob allowed) */
  | 'index-or-path';

export interface FieldArgSpec {
  kind: FieldArgKind;
  required: boolean;
  /** Also accepted as a dotted suffix (`evt.arg.fd`, `thread.cgroup.cpuacct`), as sysdig 0.29.3 spells it. */
  dotted?: boolean;
}

export interface FieldInfo {
  name: string;
  type: FieldType;
  description: string;
  /** Absent = usable in filters and in output formats. */
  usage?: 'filter' | 'format';
  arg?: FieldArgSpec;
  /** Yields several values per event (operators `in`/`intersects` work per value). */
  list?: boolean;
  /** Cannot be used as the right-hand side `val(field)`. */
  noRhs?: boolean;
  deprecated?: boolean;
  /** Meant for table aggregation (views, chisels) more than filters. */
  tableOnly?: boolean;
  /** Which engine has it: newest libs only, sysdig 0.29.3 only, or both. */
  since: 'new' | 'sysdig' | 'both';
}
