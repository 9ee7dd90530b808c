/**
 * Typed-array columns that grow while the capture is read, then are trimmed to their final
 * length. Each element kind has its own class with its own `push`: one shared `push` over five
 * array kinds is a megamorphic store in V8, and it cost a quarter of the indexing pass (measured
 * with --cpu-prof on a 1.6 M-event capture: 1.3 s of 5.0 s); per-kind pushes are monomorphic.
 */
type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/**
 * The first `length` elements of a column grown with room to spare: a view when little room
 * is left over (no second copy at the indexer's peak memory), else a copy.
 */
export function filledPart<T extends TypedArray>(data: T, length: number): T {
  return (data.length - length <= data.length / 16 ? data.subarray(0, length) : data.slice(0, length)) as T;
}
type TypedArrayCtor<T extends TypedArray> = { new (n: number): T };

abstract class Growable<T extends TypedArray> {
  protected data: T;
  length = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>, initialCapacity: number) {
    this.data = new ctor(Math.max(16, initialCapacity));
  }

  abstract push(v: number): void;

  get(i: number): number {
    return this.data[i];
  }

  protected grow(): void {
    // 1.5× rather than 2×: the peak while reading is what the memory target measures.
    const bigger = new this.ctor(Math.ceil(this.data.length * 1.5) + 16);
    (bigger as unknown as { set(a: T): void }).set(this.data);
    this.data = bigger;
  }

  /** Room for `n` elements in all (the indexer knows roughly how many events a file holds). */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const bigger = new this.ctor(n);
    (bigger as unknown as { set(a: T): void }).set(this.data.subarray(0, this.length) as T);
    this.data = bigger;
  }

  /** The filled part (filledPart). */
  finish(): T {
    const out = filledPart(this.data, this.length);
    this.data = new this.ctor(16);
    return out;
  }
}

class Float64Column extends Growable<Float64Array> {
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
}
class Int32Column extends Growable<Int32Array> {
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
}
class Uint32Column extends Growable<Uint32Array> {
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
}
class Uint16Column extends Growable<Uint16Array> {
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
}
class Uint8Column extends Growable<Uint8Array> {
  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }
}

export type GrowableColumn<T extends TypedArray> = Growable<T>;

/** A growable column of the element kind `ctor` makes. */
export function growableColumn<T extends TypedArray>(ctor: TypedArrayCtor<T>, initialCapacity = 1024): GrowableColumn<T> {
  const c = ctor as unknown;
  if (c === Float64Array) return new Float64Column(Float64Array, initialCapacity) as unknown as GrowableColumn<T>;
  if (c === Int32Array) return new Int32Column(Int32Array, initialCapacity) as unknown as GrowableColumn<T>;
  if (c === Uint32Array) return new Uint32Column(Uint32Array, initialCapacity) as unknown as GrowableColumn<T>;
  if (c === Uint16Array) return new Uint16Column(Uint16Array, initialCapacity) as unknown as GrowableColumn<T>;
  if (c === Uint8Array) return new Uint8Column(Uint8Array, initialCapacity) as unknown as GrowableColumn<T>;
  throw new Error(`no growable column for ${String((ctor as { name?: string }).name)}`);
}
