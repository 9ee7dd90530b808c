/** A field the filter compiler and `-p` formats can read from an event (one getter per field use). */
import type { FieldType } from '../../../shared/fields/types';
import type { FieldValue, ResolvedField } from '../filter/resolver';
import type { EventContext } from '../inspector/eventContext';

export interface FieldGetter extends ResolvedField<EventContext> {
  /** The text `-p` prints; undefined when the field has no value (printed as `<NA>`). */
  format(ctx: EventContext): string | undefined;
}

/** What a field class answers for a name: a getter, a user-facing error, or undefined (unknown here). */
export type FieldFactory = (arg: string | undefined) => FieldGetter | { error: string };

export function stringField(get: (ctx: EventContext) => string | undefined, type: FieldType = 'CHARBUF'): FieldGetter {
  return { type, get, format: get };
}

export function numberField(type: FieldType, get: (ctx: EventContext) => number | bigint | undefined): FieldGetter {
  return {
    type,
    get,
    format: (ctx) => {
      const v = get(ctx);
      return v === undefined ? undefined : String(v);
    },
  };
}

export function boolField(get: (ctx: EventContext) => boolean | undefined): FieldGetter {
  return {
    type: 'BOOL',
    get,
    format: (ctx) => {
      const v = get(ctx);
      return v === undefined ? undefined : v ? 'true' : 'false';
    },
  };
}

export function ipField(get: (ctx: EventContext) => Uint8Array | undefined, text: (ip: Uint8Array) => string): FieldGetter {
  return {
    type: 'IPADDR',
    get,
    format: (ctx) => {
      const v = get(ctx);
      return v === undefined ? undefined : text(v);
    },
  };
}

export function customField(type: FieldType, get: (ctx: EventContext) => FieldValue | undefined, format: (ctx: EventContext) => string | undefined, multi?: 'list' | 'any' | 'either'): FieldGetter {
  return multi ? { type, get, format, multi } : { type, get, format };
}

/** A field that takes no argument. */
export function noArg(make: () => FieldGetter): FieldFactory {
  return (arg) => (arg === undefined ? make() : { error: 'this field takes no argument' });
}

/** An index argument `[N]` (non-negative integer). */
export function parseIndex(arg: string | undefined): number | undefined {
  if (arg === undefined || !/^\d+$/.test(arg)) return undefined;
  return Number(arg);
}
