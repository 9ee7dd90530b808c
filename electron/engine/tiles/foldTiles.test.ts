import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaptureIndexBuilder, emptyEventRow, SPAN_PROCESS } from '../index/eventIndex';
import { foldTiles } from './foldTiles';

const meta = { identity: { size: 1, mtimeMs: 1, headTailHash: 'x' }, path: '/c.scap', sizeBytes: 1, hostname: 'h', numCpus: 1, warnings: [] };
const T0 = 1_600_000_000_000_000_000n;

/** 100 events 10 ms apart; every event is a syscall (counted from the rows), every 10th writes 100 bytes to one of 3 files. */
function capture() {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  b.tileNumber('syscalls');
  const bytes = b.tileNumber('file.bytes');
  const modified = b.tileNumber('file.modified');
  for (let i = 0; i < 100; i++) {
    row.ts = T0 + BigInt(i) * 10_000_000n;
    const r = b.addEvent(row);
    if (i % 10 === 0) {
      b.addTile(r, bytes, 100);
      b.addTile(r, modified, 1, b.strings.intern(`/f${(i / 10) % 3}`));
    }
  }
  b.addSpan(SPAN_PROCESS, undefined, undefined, 1);
  b.addSpan(SPAN_PROCESS, T0 + 500_000_000n, undefined, 2);
  b.addSpan(SPAN_PROCESS, T0 + 100_000_000n, T0 + 200_000_000n, 3);
  b.addSpan(SPAN_PROCESS, T0 + 300_000_000n, T0 + 380_000_000n, 4);
  return b.finish(meta);
}

const byId = (tiles: ReturnType<typeof foldTiles>) => new Map(tiles.map((t) => [t.id, t]));

test('sums, distinct counts and series over the whole capture', () => {
  const tiles = byId(foldTiles(capture(), { from: 0, to: 990_000_000, samples: 10 }));
  assert.equal(tiles.get('syscalls')?.total, 100);
  assert.deepEqual(tiles.get('syscalls')?.series, Array(10).fill(10));
  assert.equal(tiles.get('file.bytes')?.total, 1000);
  assert.equal(tiles.get('file.modified')?.total, 3);
  assert.equal(tiles.get('file.modified')?.max, 1);
  assert.equal(tiles.get('procs')?.total, 4);
  assert.equal(tiles.get('procs')?.series[0], 1);
  assert.equal(tiles.get('procs')?.series[5], 2);
});

test('a window and a row mask narrow every tile', () => {
  const idx = capture();
  const mask = new Uint8Array(idx.events);
  for (let i = 0; i < 50; i++) mask[i] = 1;
  const tiles = byId(foldTiles(idx, { from: 200_000_000, to: 990_000_000, samples: 4, rowMask: mask }));
  assert.equal(tiles.get('syscalls')?.total, 30);
  assert.equal(tiles.get('file.bytes')?.total, 300);
  assert.equal(tiles.get('syscalls')?.series.length, 4);
  assert.equal(tiles.get('procs')?.total, 4, 'process 3 ended at the window start and still counts');
  const later = byId(foldTiles(idx, { from: 250_000_000, to: 990_000_000, samples: 4 }));
  assert.equal(later.get('procs')?.total, 3, 'process 3 ended before the window');
});

test('excludable tiles with nothing to show are hidden; others show zero', () => {
  const tiles = byId(foldTiles(capture(), { from: 0, to: 990_000_000, samples: 2 }));
  assert.equal(tiles.has('sec.sudo'), false);
  assert.equal(tiles.get('net.bytes')?.total, 0);
  assert.equal(tiles.has('logs.app'), false);
});

test('under a filter, running processes are those with a matching event in the window', () => {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  b.tileNumber('syscalls');
  for (let i = 0; i < 10; i++) {
    row.ts = T0 + BigInt(i) * 1000n;
    row.pid = i < 5 ? 7 : 8;
    b.addEvent(row);
  }
  b.addSpan(SPAN_PROCESS, undefined, undefined, 7, 7);
  b.addSpan(SPAN_PROCESS, undefined, undefined, 8, 8);
  const idx = b.finish(meta);
  const mask = new Uint8Array(10);
  mask[2] = 1;
  const t = byId(foldTiles(idx, { from: 0, to: 9000, samples: 1, rowMask: mask }));
  assert.equal(t.get('procs')?.total, 1);
  assert.equal(t.get('syscalls')?.total, 1);
  assert.equal(byId(foldTiles(idx, { from: 0, to: 9000, samples: 1 })).get('procs')?.total, 2);
});

test('nothing is alive in a window after the capture or before it, though processes were alive at its ends', () => {
  const idx = capture();
  assert.equal(byId(foldTiles(idx, { from: 2_000_000_000, to: 3_000_000_000, samples: 4 })).get('procs')?.total ?? 0, 0);
  assert.equal(byId(foldTiles(idx, { from: -3_000_000_000, to: -2_000_000_000, samples: 4 })).get('procs')?.total ?? 0, 0);
  assert.equal(byId(foldTiles(idx, { from: 900_000_000, to: 3_000_000_000, samples: 4 })).get('procs')?.total, 2, 'a window overlapping the end still sees them');
});

test('series over a span inside the window: one fold gives the window totals and that span series', () => {
  const idx = capture();
  const whole = byId(foldTiles(idx, { from: 0, to: 990_000_000, samples: 5 }));
  const span = byId(foldTiles(idx, { from: 200_000_000, to: 690_000_000, samples: 5 }));
  const both = byId(foldTiles(idx, { from: 0, to: 990_000_000, samples: 5, seriesFrom: 200_000_000, seriesTo: 690_000_000 }));
  for (const id of ['syscalls', 'file.bytes', 'file.modified', 'procs']) {
    assert.equal(both.get(id)?.total, whole.get(id)?.total, `${id}: the window's total`);
    assert.deepEqual(both.get(id)?.series, span.get(id)?.series, `${id}: the span's series`);
    assert.equal(both.get(id)?.max, span.get(id)?.max, `${id}: the span's largest slice`);
  }
});
