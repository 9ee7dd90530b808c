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

/**
 * Copies `root`. Objects in `leaveOut` become null in the copy (e.g. the reader's current
 * event, whose bytes are a whole read chunk). Functions are shared, not copied.
 */
export function deepCopy<T>(root: T, leaveOut: readonly unknown[] = []): T {
  const memo = new Map<unknown, unknown>();
  for (const x of leaveOut) if (x !== null && typeof x === 'object') memo.set(x, null);
  return copyValue(root, memo) as T;
}

function copyValue(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (memo.has(v)) return memo.get(v);
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
    for (const [k, x] of v) c.set(copyValue(k, memo), copyValue(x, memo));
    return c;
  }
  if (v instanceof Set) {
    const c = new Set();
    memo.set(v, c);
    for (const x of v) c.add(copyValue(x, memo));
    return c;
  }
  if (Array.isArray(v)) {
    const c: unknown[] = new Array(v.length);
    memo.set(v, c);
    for (let i = 0; i < v.length; i++) c[i] = copyValue(v[i], memo);
    return c;
  }
  if (v instanceof RegExp) return v; // compiled patterns are never changed in place
  if (v instanceof Date) {
    const c = new Date(v.getTime());
    memo.set(v, c);
    return c;
  }
  if (v instanceof WeakMap || v instanceof WeakSet || v instanceof Promise || v instanceof ArrayBuffer) {
    throw new CheckpointUnsupported(`a ${v.constructor.name} in the state`);
  }
  const c = Object.create(Object.getPrototypeOf(v)) as Record<PropertyKey, unknown>;
  memo.set(v, c);
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!;
    if ('value' in d) d.value = copyValue(d.value, memo);
    Object.defineProperty(c, key, d);
  }
  return c;
}
