/**
 * The field registry: one resolver shared by the filter compiler (`compileFilter(text,
 * resolveField)`) and `-p` output formats. A name is resolved once into a getter; getters read
 * the EventContext the inspector hands out and allocate only for the value they return.
 */
import type { FieldResolver } from '../filter/resolver';
import type { EventContext } from '../inspector/eventContext';
import { CONTAINER_FIELDS } from './containerFields';
import { EVT_FIELDS } from './evtFields';
import { FD_FIELDS } from './fdFields';
import { FDLIST_FIELDS } from './fdlistFields';
import { K8S_FIELDS } from './k8sFields';
import { LIVE_ONLY_FIELDS } from './liveOnlyFields';
import type { FieldFactory, FieldGetter } from './fieldTypes';
import { PROC_FIELDS } from './procFields';
import { SPAN_FIELDS } from './spanFields';
import { USER_FIELDS } from './userFields';
import { getField } from '../../../shared/fields/catalog';

export type { FieldGetter } from './fieldTypes';

const FIELDS: Record<string, FieldFactory> = {
  ...EVT_FIELDS, ...PROC_FIELDS, ...FD_FIELDS, ...FDLIST_FIELDS, ...CONTAINER_FIELDS, ...USER_FIELDS, ...K8S_FIELDS, ...SPAN_FIELDS, ...LIVE_ONLY_FIELDS,
};

/** Every field name this engine can read (for `syscope fields`-style listings and tests). */
export function knownFields(): string[] {
  return Object.keys(FIELDS);
}

/**
 * Resolves `name` (catalog spelling, e.g. `evt.arg`) with its argument (`fd` for `evt.arg.fd`,
 * `2` for `proc.aname[2]`). Dotted arguments written as part of the name (`evt.arg.fd`) are also
 * accepted here, for `-p` formats. Returns `{ error }` for a bad argument, undefined if unknown.
 */
export function resolveField(name: string, arg?: string): FieldGetter | { error: string } | undefined {
  const f = FIELDS[name];
  if (f) return f(arg);
  if (arg === undefined) {
    // csysdig's table fields (thread.vmsize.b, evt.buflen.file.in, ...) are sinsp names whose
    // values sysdig's filters do not give (docs/sysdig-differences.md): said by name, not read
    // as another field with an argument.
    if (getField(name)?.tableOnly) {
      return { error: `'${name}' is one of csysdig's table fields, which sysdig's own filters do not fill in: events, streams, dump and count do not take it` };
    }
    for (let dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
      const base = FIELDS[name.slice(0, dot)];
      if (base) return base(name.slice(dot + 1));
    }
  }
  return undefined;
}

export const fieldResolver: FieldResolver<EventContext> = resolveField;
