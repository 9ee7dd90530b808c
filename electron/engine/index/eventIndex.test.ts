import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaptureIndex, CaptureIndexBuilder, emptyEventRow, SPAN_PROCESS } from './eventIndex';
import { IndexFormatError } from './indexFile';

const meta = { identity: { size: 10, mtimeMs: 1, headTailHash: 'ab' }, path: '/x.scap', sizeBytes: 10, hostname: 'h', numCpus: 2, warnings: [] };

function sample(): CaptureIndex {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  for (let i = 0; i < 5000; i++) {
    row.ts = 1_700_000_000_000_000_000n + BigInt(i) * 1000n;
    row.tid = 100 + (i % 7);
    row.type = i % 300;
    row.dir = i & 1;
    row.bytes = i * 3;
    row.fileOffset = 5_000_000_000 + i * 64;
    const r = b.addEvent(row);
    if (i % 100 === 0) b.addTile(r, b.tileNumber('file.bytes'), i, b.strings.intern(`/tmp/f${(i / 100) % 10}`));
  }
  b.addSpan(SPAN_PROCESS, 1_699_999_999_000_000_000n, undefined);
  return b.finish(meta);
}

test('rows keep exact nanosecond times, offsets beyond 4 GiB and interned tile keys', () => {
  const idx = sample();
  assert.equal(idx.events, 5000);
  assert.equal(idx.rowTs(4999), 1_700_000_000_000_000_000n + 4_999_000n);
  assert.equal(idx.cols.offset[4999], 5_000_000_000 + 4999 * 64);
  assert.equal(idx.strings.get(idx.cols.tileKey[3]), '/tmp/f3');
  assert.equal(idx.strings.size, 1 + 10);
  assert.equal(idx.meta.firstTs, '1700000000000000000');
  assert.equal(idx.cols.tileRow.length, 50);
  assert.equal(idx.cols.spanStart[0], -1_000_000_000);
  assert.equal(idx.cols.spanEnd[0], Infinity);
});

test('an index survives encoding and decoding unchanged', () => {
  const idx = sample();
  const back = CaptureIndex.decode(idx.encode());
  assert.deepEqual(back.meta, idx.meta);
  assert.deepEqual(back.cols.bytes, idx.cols.bytes);
  assert.deepEqual(back.cols.ts, idx.cols.ts);
  assert.equal(back.strings.get(back.cols.tileKey[13]), '/tmp/f3');
  assert.deepEqual(back.cols.tileKey, idx.cols.tileKey);
  assert.equal(back.meta.tileIds[0], 'file.bytes');
});

test('a damaged or foreign index file is refused with one line', () => {
  const buf = sample().encode();
  const flipped = Buffer.from(buf);
  flipped[flipped.length >> 1] ^= 0xff;
  assert.throws(() => CaptureIndex.decode(flipped), (e: Error) => e instanceof IndexFormatError && /checksum/.test(e.message));
  assert.throws(() => CaptureIndex.decode(buf.subarray(0, 100)), IndexFormatError);
  assert.throws(() => CaptureIndex.decode(Buffer.from('hello world, not an index at all, really not one at all')), /not a Syscope index/);
});

test('file offsets take 4 bytes each until one passes 4 GiB, then 8, keeping the earlier ones', () => {
  const build = (offsets: number[]) => {
    const b = new CaptureIndexBuilder();
    const row = emptyEventRow();
    offsets.forEach((o, i) => { row.ts = 1_700_000_000_000_000_000n + BigInt(i); row.fileOffset = o; b.addEvent(row); });
    return CaptureIndex.decode(b.finish(meta).encode());
  };
  const small = build([24, 4_000_000_000, 4_294_967_295]);
  assert.ok(small.cols.offset instanceof Uint32Array);
  assert.deepEqual([...small.cols.offset], [24, 4_000_000_000, 4_294_967_295]);
  const crossing = build([24, 4_294_967_295, 4_294_967_296, 9_000_000_000]);
  assert.ok(crossing.cols.offset instanceof Float64Array);
  assert.deepEqual([...crossing.cols.offset], [24, 4_294_967_295, 4_294_967_296, 9_000_000_000]);
});

test('times given as halves: the first timed event is the base, zero times are listed, the earliest and latest are exact', () => {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  const add = (ts: bigint) => {
    row.ts = ts;
    row.tsHi = Number(ts >> 32n);
    row.tsLo = Number(ts & 0xffffffffn);
    b.addEvent(row);
  };
  const base = 1_700_000_000_123_456_789n;
  add(0n);
  assert.equal(b.startTs, undefined);
  assert.equal(b.latestTs, undefined);
  // Earlier than the base, later by more than 2^32 ns (the high half moves), and a low half past 2^31.
  for (const ts of [base, base - 5n, 0n, base + 4_294_967_303n, (base & ~0xffffffffn) + 0xfffffff0n]) add(ts);
  assert.equal(b.startTs, base);
  assert.equal(b.latestTs, base + 4_294_967_303n);
  const idx = b.finish(meta);
  assert.equal(idx.meta.baseTs, String(base));
  assert.equal(idx.meta.firstTs, String(base - 5n));
  assert.equal(idx.meta.lastTs, String(base + 4_294_967_303n));
  assert.deepEqual(idx.meta.zeroTimeRows, [0, 3]);
  assert.equal(idx.rowTs(4), base + 4_294_967_303n);
  assert.equal(idx.rowTs(5), (base & ~0xffffffffn) + 0xfffffff0n);
});

test('the latest time stays exact when it is too far from the base for a row time to hold it', () => {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  const far = 1_000_000_000_000_000_000n + (1n << 60n) + 3n;
  for (const ts of [1_000_000_000_000_000_000n, far]) { row.ts = ts; row.tsHi = Number(ts >> 32n); row.tsLo = Number(ts & 0xffffffffn); b.addEvent(row); }
  assert.equal(b.latestTs, far);
});
