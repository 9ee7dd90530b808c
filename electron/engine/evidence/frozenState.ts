/**
 * Checkpoint state kept as compressed bytes instead of live objects. A checkpoint of the state
 * engine is thousands of small objects (threads, fds, maps); hundreds of checkpoints held as
 * objects give the garbage collector that many more objects to trace, and take ≈ 0.26 MB each.
 * Frozen, a checkpoint is one Buffer the collector never looks into. Measured on
 * large-200000000.scap (41 threads): 220 kB serialized, 15 kB after deflate level 1 (process
 * environments and cgroups repeat from thread to thread); freezing ≈ 2 ms + 0.4 ms deflate,
 * thawing ≈ 1.3 ms + 0.13 ms inflate, less than the deep copy it replaces (2–3 ms).
 *
 * `freeze` walks the graph with deepCopy's walk (copyGraph: same sharing, same limits) into plain data the V8
 * serializer takes: a class instance becomes a plain object tagged with its prototype's number
 * in a registry kept in memory (prototypes are few and live as long as the program); functions
 * and compiled patterns are kept by reference in the frozen state's side table. `thaw` turns
 * the bytes back into a fresh graph: instances get their prototype back, and each thaw is a
 * new copy, so the frozen state is never changed by the pass that resumes from it.
 *
 * Anything deepCopy refuses, or that the serializer would lose (symbol keys, accessors,
 * non-enumerable properties), makes freezing fail with CheckpointUnsupported.
 *
 * Prototype numbers are given in the order a thread first meets them, so they differ from
 * thread to thread, except for those seeded first (`seedPortablePrototypes`, the same list in
 * the same order in every thread). A frozen state that uses no other is `portable`: another
 * worker can thaw it (the checkpoint layer, worker/checkpointLayer.ts, lays checkpoints in one
 * and hands them to the index worker).
 */
import { deserialize, serialize } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CheckpointUnsupported, copyGraph, type GraphCopyRules } from './stateCheckpoint';

/** A frozen object graph: its bytes, and what travels by reference. */
export interface FrozenState {
  bytes: Buffer;
  shared: unknown[];
  /** Thawable in any thread that seeded the same prototypes (no other prototype, nothing shared). */
  portable?: boolean;
}

const PROTO = '\u0000proto';
const SHARED = '\u0000shared';
const prototypes: Array<object | null> = [];
const prototypeIds = new Map<object | null, number>();

let portableCount = 0;

/**
 * Numbers these prototypes 0, 1, 2... in this thread, as in every thread that seeds the same
 * list; called again it does nothing. Seeded after something was frozen, the numbers may
 * differ from other threads', so nothing frozen in this thread is portable.
 */
export function seedPortablePrototypes(list: ReadonlyArray<object | null>): void {
  if (prototypes.length > 0) return;
  for (const p of list) prototypeId(p);
  portableCount = prototypes.length;
}

function prototypeId(p: object | null): number {
  let id = prototypeIds.get(p);
  if (id === undefined) {
    id = prototypes.length;
    prototypes.push(p);
    prototypeIds.set(p, id);
  }
  return id;
}

/** Freezes `root`; objects and functions in `leaveOut` become null. */
export function freeze(root: unknown, leaveOut: readonly unknown[] = []): FrozenState {
  const memo = new Map<unknown, unknown>();
  for (const x of leaveOut) if (x !== null && (typeof x === 'object' || typeof x === 'function')) memo.set(x, null);
  const shared: unknown[] = [];
  const sharedIds = new Map<unknown, number>();
  const byReference = (v: unknown) => {
    let id = sharedIds.get(v);
    if (id === undefined) {
      id = shared.length;
      shared.push(v);
      sharedIds.set(v, id);
    }
    return { [SHARED]: id };
  };

  let portable = true;
  const rules: GraphCopyRules = {
    reference: byReference,
    object: (v, memo, copy) => {
      const c: Record<string, unknown> = {};
      memo.set(v, c);
      const proto = Object.getPrototypeOf(v) as object | null;
      if (proto !== Object.prototype) {
        const id = prototypeId(proto);
        if (id >= portableCount) portable = false;
        c[PROTO] = id;
      }
      for (const key of Reflect.ownKeys(v)) {
        const d = Object.getOwnPropertyDescriptor(v, key)!;
        if (typeof key === 'symbol' || !('value' in d) || !d.enumerable || !d.writable) {
          throw new CheckpointUnsupported(`property ${String(key)} cannot be frozen`);
        }
        c[key] = copy(d.value);
      }
      return c;
    },
  };
  const bytes = deflateRawSync(serialize(copyGraph(root, memo, rules)), { level: 1 });
  return { bytes, shared, portable: portable && shared.length === 0 };
}

/** A fresh graph from frozen state (each call a new one). */
export function thaw<T>(frozen: FrozenState): T {
  const memo = new Map<unknown, unknown>();
  const live = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (memo.has(v)) return memo.get(v);
    // Typed arrays, dates: already fresh from the deserializer.
    if (ArrayBuffer.isView(v) || v instanceof Date) return v;
    if (v instanceof Map) {
      const entries = [...v];
      memo.set(v, v);
      v.clear();
      for (const [k, x] of entries) v.set(live(k), live(x));
      return v;
    }
    if (v instanceof Set) {
      const items = [...v];
      memo.set(v, v);
      v.clear();
      for (const x of items) v.add(live(x));
      return v;
    }
    if (Array.isArray(v)) {
      memo.set(v, v);
      for (let i = 0; i < v.length; i++) v[i] = live(v[i]);
      return v;
    }
    const o = v as Record<string, unknown>;
    if (SHARED in o) {
      const s = frozen.shared[o[SHARED] as number];
      memo.set(v, s);
      return s;
    }
    // Rebuilt with its prototype, properties in their order (the same shape as the original).
    const c = (PROTO in o ? Object.create(prototypes[o[PROTO] as number]) : {}) as Record<string, unknown>;
    memo.set(v, c);
    for (const key of Object.keys(o)) if (key !== PROTO) c[key] = live(o[key]);
    return c;
  };
  return live(deserialize(inflateRawSync(frozen.bytes))) as T;
}
