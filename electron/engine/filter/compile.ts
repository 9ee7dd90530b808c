/**
 * Compiling a filter into a predicate over events.
 *
 * The text is parsed once (shared/filter), every field is resolved once through the caller's
 * resolver, and every constant is parsed once for the resolved field type. The result is a tree of
 * closures: evaluating it reads field values and compares them with precomputed constants, with no
 * per-event allocation on the common paths (strings, numbers, booleans, byte buffers, IPs as bytes).
 *
 * Semantics follow libsinsp: a field without a value makes every comparison false (including `!=`;
 * only `exists` tells, and `not` inverts the result); `and`/`or` short-circuit left to right;
 * multi-valued fields follow the rules documented on ResolvedField.multi. An `or` of `=` checks on
 * one field is asked as one set lookup (mergeEqualities), as `in` and long `pmatch` lists are
 * (valueSets.ts): the same answers, without one comparison per term.
 */
import type { CheckNode, ComparisonOperator, FilterNode, Operand, TransformerName } from '../../../shared/filter/ast';
import type { FilterError } from '../../../shared/filter/errors';
import { parseFilter } from '../../../shared/filter/parse';
import { checkValues, constantFor } from '../../../shared/filter/validate';
import { unknownNameError } from '../../../shared/filter/knownNames';
import type { Constant } from '../../../shared/filter/values';
import { transformedType, typeWord } from '../../../shared/filter/operators';
import type { FieldType } from '../../../shared/fields/types';
import {
  asciiLower, bytesEqual, bytesInclude, bytesIncludeIgnoreCase, bytesStartWith, globToRegExp, includesIgnoreCase, netContains,
  pathComponents, pathHasPrefix,
} from './match';
import type { FieldResolver, FieldValue, ResolvedField, ScalarValue } from './resolver';
import { asAddress, asNumber, asText, isTrue } from './coerce';
import { equalsOneOf, underOneOf } from './valueSets';

export type { FieldResolver, ResolvedField, FieldValue, ScalarValue } from './resolver';

export type Predicate<Ctx> = (ctx: Ctx) => boolean;

export type CompiledFilter<Ctx> =
  | { ok: true; predicate: Predicate<Ctx>; ast: FilterNode }
  | { ok: false; error: FilterError };

type Test = (v: ScalarValue) => boolean;

class CompileFailure {
  constructor(readonly error: FilterError) {}
}

/** Parses, resolves and compiles `text`. Never throws: every problem comes back as `{ ok: false, error }`. */
export function compileFilter<Ctx>(text: string, resolve: FieldResolver<Ctx>): CompiledFilter<Ctx> {
  const parsed = parseFilter(text);
  if (!parsed.ok) return parsed;
  return compileFilterAst(parsed.value, resolve);
}

export function compileFilterAst<Ctx>(ast: FilterNode, resolve: FieldResolver<Ctx>): CompiledFilter<Ctx> {
  try {
    return { ok: true, predicate: compileNode(ast, resolve), ast };
  } catch (e) {
    if (e instanceof CompileFailure) return { ok: false, error: e.error };
    return { ok: false, error: { message: `cannot compile the filter (${e instanceof Error ? e.message : String(e)})`, offset: 0, length: 1 } };
  }
}

function compileNode<Ctx>(node: FilterNode, resolve: FieldResolver<Ctx>): Predicate<Ctx> {
  switch (node.kind) {
    case 'not': {
      const child = compileNode(node.child, resolve);
      return (ctx) => !child(ctx);
    }
    case 'and': {
      const kids = node.children.map((c) => compileNode(c, resolve));
      if (kids.length === 2) { const [a, b] = kids; return (ctx) => a(ctx) && b(ctx); }
      return (ctx) => { for (let i = 0; i < kids.length; i++) if (!kids[i](ctx)) return false; return true; };
    }
    case 'or': {
      const kids = mergeEqualities(node.children, node.children.map((c) => compileNode(c, resolve)), resolve);
      if (kids.length === 1) return kids[0];
      if (kids.length === 2) { const [a, b] = kids; return (ctx) => a(ctx) || b(ctx); }
      return (ctx) => { for (let i = 0; i < kids.length; i++) if (kids[i](ctx)) return true; return false; };
    }
    case 'check':
      return compileCheck(node, resolve);
  }
}

function resolveField<Ctx>(check: CheckNode['field'], resolve: FieldResolver<Ctx>): ResolvedField<Ctx> {
  const r = resolve(check.name, check.arg);
  const where = { offset: check.start, length: check.end - check.start };
  if (r === undefined) throw new CompileFailure({ message: `field '${check.written}' is not supported yet`, ...where });
  if ('error' in r) throw new CompileFailure({ message: r.error, ...where });
  return check.transformers?.length ? applyTransformers(r, check.transformers) : r;
}

// ---- transformers: tolower(), toupper(), b64(), basename(), len() ----

function transformOne(name: TransformerName, v: ScalarValue): ScalarValue | undefined {
  switch (name) {
    case 'tolower': return asText(v).replace(/[A-Z]+/g, (m) => m.toLowerCase());
    case 'toupper': return asText(v).replace(/[a-z]+/g, (m) => m.toUpperCase());
    case 'basename': { const t = asText(v); return t.slice(t.lastIndexOf('/') + 1); }
    case 'len': return v instanceof Uint8Array ? v.length : Buffer.byteLength(asText(v), 'utf8');
    case 'b64': {
      const t = asText(v);
      if (t.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return undefined;
      return Buffer.from(t, 'base64').toString('utf8');
    }
  }
}

function applyTransformers<Ctx>(field: ResolvedField<Ctx>, names: readonly TransformerName[]): ResolvedField<Ctx> {
  const get = field.get;
  const isList = field.multi === 'list';
  const transform = (v: FieldValue): FieldValue | undefined => {
    let cur: FieldValue | undefined = v;
    for (const name of names) {
      if (cur === undefined) return undefined;
      if (Array.isArray(cur)) {
        if (name === 'len' && isList) { cur = cur.length; continue; }
        const out: ScalarValue[] = [];
        for (const x of cur as readonly ScalarValue[]) { const y = transformOne(name, x); if (y !== undefined) out.push(y); }
        cur = out;
      } else cur = transformOne(name, cur as ScalarValue);
    }
    return cur;
  };
  const multi = isList && names.includes('len') ? undefined : field.multi;
  return {
    type: transformedType(field.type, names),
    get: (ctx) => { const v = get(ctx); return v === undefined ? undefined : transform(v); },
    ...(multi ? { multi } : {}),
  };
}

function compileCheck<Ctx>(check: CheckNode, resolve: FieldResolver<Ctx>): Predicate<Ctx> {
  const nameError = unknownNameError(check);
  if (nameError) throw new CompileFailure(nameError);
  const field = resolveField(check.field, resolve);
  const get = field.get;
  if (check.op === 'exists') {
    return (ctx) => {
      const v = get(ctx);
      return v !== undefined && (!Array.isArray(v) || v.length > 0);
    };
  }
  if (check.operand?.kind === 'field') return compileFieldComparison(check, field, resolveField(check.operand.field, resolve));

  const test = buildTest(check, field.type);
  const multi = field.multi ?? 'any';
  const everyValue = (multi === 'list' && check.op === 'in') || (multi === 'either' && check.op === '!=');
  return valuesPass(field, test, everyValue);
}

/** The check of `field`'s values by `test`: one value passing is enough unless `everyValue`; no value fails. */
function valuesPass<Ctx>(field: ResolvedField<Ctx>, test: Test, everyValue: boolean): Predicate<Ctx> {
  const get = field.get;
  return (ctx) => {
    const v = get(ctx);
    if (v === undefined) return false;
    if (!Array.isArray(v)) return test(v as ScalarValue);
    const values = v as readonly ScalarValue[];
    if (values.length === 0) return false;
    if (everyValue) {
      for (let i = 0; i < values.length; i++) if (!test(values[i])) return false;
      return true;
    }
    for (let i = 0; i < values.length; i++) if (test(values[i])) return true;
    return false;
  };
}

// ---- an or of equalities on one field: `evt.num=1 or evt.num=5 or …` ----

/** The key of the field an `or` term compares with `=` to one value, or undefined for another kind of term. */
function equalityKey(node: FilterNode): string | undefined {
  if (node.kind !== 'check' || node.op !== '=' || node.modifier || node.operand?.kind !== 'value') return undefined;
  const f = node.field;
  return JSON.stringify([f.name, f.arg ?? null, f.transformers ?? []]);
}

/**
 * `kids` (the compiled `terms` of an `or`) with the `=` checks of one field against single values
 * asked as one set lookup, in the place of the first of them. The terms read events and nothing
 * else, so which of them is asked first does not change the or's answer. The terms compiled
 * already, so every one resolves and its value parses.
 */
function mergeEqualities<Ctx>(terms: readonly FilterNode[], kids: Predicate<Ctx>[], resolve: FieldResolver<Ctx>): Predicate<Ctx>[] {
  const byField = new Map<string, number[]>();
  terms.forEach((t, i) => {
    const key = equalityKey(t);
    if (key === undefined) return;
    const at = byField.get(key);
    if (at) at.push(i); else byField.set(key, [i]);
  });
  const merged = new Set<number>();
  for (const at of byField.values()) {
    if (at.length < 2) continue;
    const field = resolveField((terms[at[0]] as CheckNode).field, resolve);
    const test = equalsOneOf(at.flatMap((i) => constants(terms[i] as CheckNode, field.type)));
    if (!test) continue;
    // `=` passes when one of the values does, for every kind of multi-valued field.
    kids[at[0]] = valuesPass(field, test, false);
    for (const i of at.slice(1)) merged.add(i);
  }
  return merged.size === 0 ? kids : kids.filter((_, i) => !merged.has(i));
}

// ---- tests against constants ----

function fail(check: CheckNode, message: string): never {
  throw new CompileFailure({ message, offset: check.opStart, length: check.op.length });
}

function constants(check: CheckNode, type: FieldType): Constant[] {
  return checkValues(check).map((v) => {
    const c = constantFor(check, type, v);
    if ('message' in c) throw new CompileFailure(c);
    return c;
  });
}

function buildTest(check: CheckNode, type: FieldType): Test {
  const op = check.op;
  const cs = constants(check, type);
  const operand = check.operand as Operand;
  if (operand.kind === 'list' && (op === 'in' || op === 'intersects')) return membershipTest(check, type, cs);
  if (op === 'pmatch') {
    const prefixes = cs.map((c) => pathComponents(c.kind === 'string' ? c.text : ''));
    if (prefixes.length >= LONG_PREFIX_LIST) return underOneOf(prefixes);
    return (v) => {
      const s = asText(v);
      for (let i = 0; i < prefixes.length; i++) if (pathHasPrefix(s, prefixes[i])) return true;
      return false;
    };
  }
  if (check.modifier) {
    const tests = cs.map((c) => scalarTest(check, type, c));
    switch (check.modifier) {
      case 'anyof': return (v) => { for (const t of tests) if (t(v)) return true; return false; };
      case 'allof': return (v) => { for (const t of tests) if (!t(v)) return false; return true; };
      case 'oneof': return (v) => { let n = 0; for (const t of tests) if (t(v) && ++n > 1) return false; return n === 1; };
    }
  }
  return scalarTest(check, type, cs[0]);
}

/** From this many prefixes on, pmatch looks the path's components up in a set rather than comparing each prefix. */
const LONG_PREFIX_LIST = 8;

function membershipTest(check: CheckNode, type: FieldType, cs: Constant[]): Test {
  const inSet = equalsOneOf(cs);
  if (inSet) return inSet;
  const tests = cs.map((c) => scalarTest({ ...check, op: '=' }, type, c));
  return (v) => { for (const t of tests) if (t(v)) return true; return false; };
}

function scalarTest(check: CheckNode, type: FieldType, c: Constant): Test {
  switch (c.kind) {
    case 'string': return stringTest(check, c.text);
    case 'number': return numberTest(check, c.num, c.big);
    case 'bool': {
      const want = c.value;
      if (check.op === '=' || check.op === 'in' || check.op === 'intersects') return (v) => isTrue(v) === want;
      if (check.op === '!=') return (v) => isTrue(v) !== want;
      return fail(check, `operator '${check.op}' does not apply to a boolean field`);
    }
    case 'net': {
      const { bytes, prefix } = c;
      if (check.op === '=' || check.op === 'in' || check.op === 'intersects') return (v) => { const a = asAddress(v); return a !== undefined && netContains(bytes, prefix, a); };
      if (check.op === '!=') return (v) => { const a = asAddress(v); return a !== undefined && !netContains(bytes, prefix, a); };
      return fail(check, `operator '${check.op}' does not apply to an IP field`);
    }
    case 'bytes': return bytesTest(check, type, c.bytes);
  }
}

function stringTest(check: CheckNode, k: string): Test {
  switch (check.op) {
    case '=': case 'in': case 'intersects': return (v) => asText(v) === k;
    case '!=': return (v) => asText(v) !== k;
    case '<': return (v) => asText(v) < k;
    case '<=': return (v) => asText(v) <= k;
    case '>': return (v) => asText(v) > k;
    case '>=': return (v) => asText(v) >= k;
    case 'contains': return (v) => asText(v).includes(k);
    case 'icontains': { const lower = asciiLower(k); return (v) => includesIgnoreCase(asText(v), lower); }
    case 'startswith': return (v) => asText(v).startsWith(k);
    case 'endswith': return (v) => asText(v).endsWith(k);
    case 'glob': case 'iglob': { const re = globToRegExp(k, check.op === 'iglob'); return (v) => re.test(asText(v)); }
    case 'regex': {
      let re: RegExp;
      try { re = new RegExp(`^(?:${k})$`); } catch (e) {
        return fail(check, `'${k}' is not a valid regular expression (${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : e})`);
      }
      return (v) => re.test(asText(v));
    }
    case 'pmatch': { const p = pathComponents(k); return (v) => pathHasPrefix(asText(v), p); }
    default: return fail(check, `operator '${check.op}' does not apply to text`);
  }
}

function numberTest(check: CheckNode, num: number, big: bigint | undefined): Test {
  // Compares v with the constant: negative, zero or positive; NaN when v is not a number.
  const order = (v: ScalarValue): number => {
    if (typeof v === 'bigint' && big !== undefined) return v < big ? -1 : v > big ? 1 : 0;
    const n = asNumber(v);
    return n < num ? -1 : n > num ? 1 : n === num ? 0 : NaN;
  };
  switch (check.op) {
    case '=': case 'in': case 'intersects': return (v) => order(v) === 0;
    case '!=': return (v) => { const o = order(v); return o === o && o !== 0; };
    case '<': return (v) => order(v) < 0;
    case '<=': return (v) => order(v) <= 0;
    case '>': return (v) => order(v) > 0;
    case '>=': return (v) => order(v) >= 0;
    default: return fail(check, `operator '${check.op}' does not apply to a numeric field`);
  }
}

function bytesTest(check: CheckNode, type: FieldType, k: Uint8Array): Test {
  // Values may come as strings (text fields with bcontains, resolvers that decode): compare as text then.
  const kText = new TextDecoder().decode(k);
  const op = check.op;
  const onText = stringTest({ ...check, op: op === 'bcontains' ? 'contains' : op === 'bstartswith' ? 'startswith' : op }, kText);
  switch (op) {
    case '=': case 'in': case 'intersects': return (v) => (v instanceof Uint8Array ? bytesEqual(v, k) : onText(v));
    case '!=': return (v) => (v instanceof Uint8Array ? !bytesEqual(v, k) : onText(v));
    case 'contains': case 'bcontains': return (v) => (v instanceof Uint8Array ? bytesInclude(v, k) : onText(v));
    case 'icontains': { const lower = k.map((b) => (b >= 65 && b <= 90 ? b + 32 : b)); return (v) => (v instanceof Uint8Array ? bytesIncludeIgnoreCase(v, lower) : onText(v)); }
    case 'startswith': case 'bstartswith': return (v) => (v instanceof Uint8Array ? bytesStartWith(v, k) : onText(v));
    case 'endswith': return (v) => (v instanceof Uint8Array ? bytesStartWith(v, k, v.length - k.length) : onText(v));
    default: return fail(check, `operator '${op}' does not apply to a ${typeWord(type)} field`);
  }
}

// ---- field against field: `fd.name = val(proc.name)` ----

type Category = 'text' | 'number' | 'bool' | 'ip' | 'bytes';
function category(t: FieldType): Category {
  switch (t) {
    case 'CHARBUF': case 'DYN': return 'text';
    case 'BOOL': return 'bool';
    case 'IPADDR': case 'IPNET': return 'ip';
    case 'BYTEBUF': return 'bytes';
    default: return 'number';
  }
}

function compileFieldComparison<Ctx>(check: CheckNode, left: ResolvedField<Ctx>, right: ResolvedField<Ctx>): Predicate<Ctx> {
  const cat = category(left.type);
  if (cat !== category(right.type)) {
    const rhs = (check.operand as { field: { written: string } }).field.written;
    fail(check, `cannot compare '${check.field.written}' (${typeWord(left.type)}) with '${rhs}' (${typeWord(right.type)})`);
  }
  const op = check.op;
  const textOps: Partial<Record<ComparisonOperator, (a: string, b: string) => boolean>> = {
    '=': (a, b) => a === b, '!=': (a, b) => a !== b, '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b,
    contains: (a, b) => a.includes(b), startswith: (a, b) => a.startsWith(b), endswith: (a, b) => a.endsWith(b),
    icontains: (a, b) => includesIgnoreCase(a, asciiLower(b)),
  };
  const orderOps: Partial<Record<ComparisonOperator, (o: number) => boolean>> = {
    '=': (o) => o === 0, '!=': (o) => o === o && o !== 0, '<': (o) => o < 0, '<=': (o) => o <= 0, '>': (o) => o > 0, '>=': (o) => o >= 0,
  };
  let cmp: (a: ScalarValue, b: ScalarValue) => boolean;
  if (cat === 'text') {
    const f = textOps[op];
    if (!f) fail(check, `operator '${op}' cannot compare two fields`);
    cmp = (a, b) => f(asText(a), asText(b));
  } else if (cat === 'number') {
    const f = orderOps[op];
    if (!f) fail(check, `operator '${op}' cannot compare two fields`);
    cmp = (a, b) => {
      if (typeof a === 'bigint' && typeof b === 'bigint') return f(a < b ? -1 : a > b ? 1 : 0);
      const x = asNumber(a), y = asNumber(b);
      return f(x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN);
    };
  } else {
    if (op !== '=' && op !== '!=') fail(check, `operator '${op}' cannot compare two ${typeWord(left.type)} fields`);
    const same = (a: ScalarValue, b: ScalarValue): boolean => {
      if (cat === 'bool') return isTrue(a) === isTrue(b);
      const x = cat === 'ip' ? asAddress(a) : a, y = cat === 'ip' ? asAddress(b) : b;
      return x instanceof Uint8Array && y instanceof Uint8Array ? bytesEqual(x, y) : asText(x ?? '') === asText(y ?? '');
    };
    cmp = op === '=' ? same : (a, b) => !same(a, b);
  }
  const getL = left.get, getR = right.get;
  return (ctx) => {
    const a = getL(ctx);
    if (a === undefined) return false;
    const b = getR(ctx);
    if (b === undefined || Array.isArray(b)) return false;
    if (!Array.isArray(a)) return cmp(a as ScalarValue, b as ScalarValue);
    for (const x of a as readonly ScalarValue[]) if (cmp(x, b as ScalarValue)) return true;
    return false;
  };
}
