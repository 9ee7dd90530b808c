/**
 * Typed-array columns that grow by doubling while the capture is read, then are trimmed to their
 * final length. One class per element kind keeps every push monomorphic and allocation-free.
 */
type TypedArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;
type TypedArrayCtor<T extends TypedArray> = { new (n: number): T; new (buf: ArrayBufferLike, byteOffset: number, length: number): T };

export class GrowableColumn<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly ctor: TypedArrayCtor<T>, initialCapacity = 1024) {
    this.data = new ctor(Math.max(16, initialCapacity));
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  /** Overwrites element i (i < length), e.g. an enter event's latency once its exit arrives. */
  set(i: number, v: number): void {
    this.data[i] = v;
  }

  get(i: number): number {
    return this.data[i];
  }

  private grow(): void {
    const bigger = new this.ctor(this.data.length * 2);
    (bigger as unknown as { set(a: T): void }).set(this.data);
    this.data = bigger;
  }

  /** The filled part, copied into an array of exactly `length` elements. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}
