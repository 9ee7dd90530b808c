/**
 * The contract between the filter compiler and whoever knows how to read a field from an event
 * (electron/engine/fields owns the real resolver; tests use fakes).
 *
 * Values by type: CHARBUF → string; integer types, RELTIME, ABSTIME, PORT → number or bigint
 * (bigint when it may exceed 2^53); DOUBLE → number; BOOL → boolean (0/1 accepted);
 * IPADDR/IPNET → Uint8Array of 4 or 16 bytes in network order (a dotted/colon string is accepted,
 * but parsed per event); BYTEBUF → Uint8Array (a string is accepted). `undefined` = the field has no
 * value for this event (every comparison is then false; only `exists` tells).
 */
import type { FieldType } from '../../../shared/fields/types';

export type ScalarValue = string | number | bigint | boolean | Uint8Array;
export type FieldValue = ScalarValue | readonly ScalarValue[];

export interface ResolvedField<Ctx> {
  /** The concrete value type (for evt.rawarg: the named parameter's type; never DYN). */
  type: FieldType;
  get(ctx: Ctx): FieldValue | undefined;
  /**
   * How an array returned by get() is matched (an array without `multi` counts as 'any'):
   *  - 'list':   a list field (fd.types): `in` holds if every value is in the set, `intersects` if one is;
   *  - 'any':    candidates such as every ancestor for proc.aname without index: holds if one value satisfies the check;
   *  - 'either': the two ends of a connection (fd.ip, fd.port, fd.net): like 'any', except that
   *              `!=` holds only if no end equals the value (sysdig's rule).
   */
  multi?: 'list' | 'any' | 'either';
}

/**
 * Looks a field up once, when a filter is compiled. `fieldName` is the catalog name (`evt.arg` for
 * `evt.arg.fd`), `arg` the argument as written. Returns `{ error }` for a field the engine cannot
 * provide (the message is shown to the user) — or undefined, reported as "not supported".
 */
export type FieldResolver<Ctx> = (fieldName: string, arg: string | undefined) => ResolvedField<Ctx> | { error: string } | undefined;
