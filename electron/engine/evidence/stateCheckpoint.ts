/**
 * Deep copies of the state engine for checkpoints. The copy walks the object graph generically
 * (class instances keep their prototype, Maps, Sets, arrays and typed arrays are copied) with a
 * memo, so anything shared in the original is shared the same way in the copy: threads that
 * share their leader's fd table, an fd entry waiting for deferred removal that is also in its
 * table, the thread the current event state points at. Walking the structure rather than
 * listing the state's fields means a field added to the state later is copied too.
 *
 * Limits: contents that cannot be read from outside (WeakMap, WeakSet, Promise) make the copy
 * fail with CheckpointUnsupported, and the caller keeps reading from the start. ES `#private`
 * fields cannot be seen at all: the state engine must not use them (it does not today).
 */

export class CheckpointUnsupported extends Error {}

/** How a graph copy treats what the walk does not copy itself. */
export interface GraphCopyRules {
  /** A function or compiled pattern (never changed in place): what the copy holds for it. */
  reference(v: object): unknown;
  /** Any other object: its copy, put in `memo` before its properties are copied with `copy`. */
  object(v: object, memo: Map<unknown, unknown>, copy: (x: unknown) => unknown): unknown;
}

/**
 * The walk deepCopy and freeze (frozenState.ts) share: typed arrays, Maps, Sets, arrays and
 * dates are copied, shared objects stay shared (`memo`), and what cannot be read from outside
 * fails with CheckpointUnsupported.
 */
export function copyGraph(v: unknown, memo: Map<unknown, unknown>, rules: GraphCopyRules): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  if (memo.has(v)) return memo.get(v);
  if (typeof v === 'function') return rules.reference(v);
  const copy = (x: unknown) => copyGraph(x, memo, rules);
  if (ArrayBuffer.isView(v)) {
    // A view copies only its own bytes (a parameter can be a view into a whole read chunk).
    if (v instanceof DataView) throw new CheckpointUnsupported('a DataView in the state');
    const c = Buffer.isBuffer(v) ? Buffer.from(v) : new (v.constructor as new (src: ArrayBufferView) => ArrayBufferView)(v);
    memo.set(v, c);
    return c;
  }
  if (v instanceof Map) {
    const c = new Map();
    memo.set(v, c);
    for (const [k, x] of v) c.set(copy(k), copy(x));
    return c;
  }
  if (v instanceof Set) {
    const c = new Set();
    memo.set(v, c);
    for (const x of v) c.add(copy(x));
    return c;
  }
  if (Array.isArray(v)) {
    const c: unknown[] = new Array(v.length);
    memo.set(v, c);
    for (let i = 0; i < v.length; i++) c[i] = copy(v[i]);
    return c;
  }
  if (v instanceof RegExp) {
    const c = rules.reference(v);
    memo.set(v, c);
    return c;
  }
  if (v instanceof Date) {
    const c = new Date(v.getTime());
    memo.set(v, c);
    return c;
  }
  if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise || v instanceof ArrayBuffer) {
    throw new CheckpointUnsupported(`a ${v.constructor.name} in the state`);
  }
  return rules.object(v, memo, copy);
}

const liveCopy: GraphCopyRules = {
  reference: (v) => v,
  object: (v, memo, copy) => {
    const c = Object.create(Object.getPrototypeOf(v)) as Record<PropertyKey, unknown>;
    memo.set(v, c);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key)!;
      if ('value' in d) d.value = copy(d.value);
      Object.defineProperty(c, key, d);
    }
    return c;
  },
};

/**
 * Copies `root`. Objects in `leaveOut` become null in the copy (e.g. the reader's current
 * event, whose bytes are a whole read chunk). Functions are shared, not copied.
 */
export function deepCopy<T>(root: T, leaveOut: readonly unknown[] = []): T {
  const memo = new Map<unknown, unknown>();
  for (const x of leaveOut) if (x !== null && typeof x === 'object') memo.set(x, null);
  return copyGraph(root, memo, liveCopy) as T;
}
