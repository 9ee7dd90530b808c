import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, appendFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { align8, checksum, decodeIndexFile, encodeIndexFile, INDEX_FORMAT_VERSION, readIndexFile, readIndexMeta, slicing, writeIndexColumns, writeIndexFile, type ColumnArray } from './indexFile';

/** Runs `fn` with slices of `bytes` bytes, so a small file crosses the many-slice paths a > 2 GiB one takes. */
async function withSlices<T>(bytes: number, fn: () => T | Promise<T>): Promise<T> {
  const saved = slicing.bytes;
  slicing.bytes = bytes;
  try {
    return await fn();
  } finally {
    slicing.bytes = saved;
  }
}

function sampleColumns(): Record<string, ColumnArray> {
  const ts = new Float64Array(1000);
  for (let i = 0; i < ts.length; i++) ts[i] = i * 1.5 + 0.25;
  return {
    ts,
    // Odd byte lengths, so the columns after them start on padding.
    dir: Uint8Array.from({ length: 13 }, (_, i) => i * 7),
    tid: Int32Array.from([-1, 0, 1, 2 ** 31 - 1, -(2 ** 31), 42, 7]),
    type: Uint16Array.from([1, 2, 3, 65535, 0]),
    empty: new Uint32Array(0),
    last: Uint32Array.from([0xdeadbeef, 1, 2]),
  };
}
const meta = { host: 'h', warnings: ['ü'] };

function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'syscope-indexfile-')), name);
}

/** A file in the documented layout with any header, for headers encodeIndexFile would never write. */
function fileWithHeader(header: unknown, body: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const bodyStart = align8(26 + json.length);
  const out = Buffer.alloc(bodyStart + body.length + 4);
  out.write('SYSCOPEIDX', 0, 'latin1');
  out.writeUInt16LE(INDEX_FORMAT_VERSION, 10);
  out.writeUInt32LE(json.length, 14);
  out.writeBigUInt64LE(BigInt(out.length), 18);
  json.copy(out, 26);
  out.set(body, bodyStart);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

test('an index file many slices long is written, checksummed and read back slice by slice', async () => {
  const path = tempFile('a.idx');
  const columns = sampleColumns();
  const encoded = await withSlices(64, () => {
    const buf = encodeIndexFile(meta, columns);
    writeIndexFile(path, buf);
    return buf;
  });
  assert.ok(encoded.length / 64 > 100, 'the file spans more than a hundred slices');
  assert.ok(readFileSync(path).equals(encoded), 'sliced writes put every byte in place');
  assert.equal(encoded.readUInt32LE(encoded.length - 4), crc32(encoded.subarray(0, encoded.length - 4)), 'sliced checksum equals a one-pass CRC-32');

  for (const slice of [8, 24, 64, 1 << 30]) {
    const read = await withSlices(slice, () => readIndexFile(path));
    assert.ok(read.equals(encoded), `read with ${slice}-byte slices`);
    const decoded = decodeIndexFile(read);
    assert.deepEqual(decoded.meta, meta);
    assert.deepEqual(Object.keys(decoded.columns), Object.keys(columns));
    for (const [name, col] of Object.entries(columns)) {
      assert.equal(decoded.columns[name].constructor, col.constructor, name);
      assert.deepEqual([...decoded.columns[name]], [...col], name);
      assert.equal(decoded.columns[name].buffer, read.buffer, `${name} is a view onto the read buffer, not a copy`);
    }
  }
});

test('a checksum taken in slices of any size equals the one-pass CRC-32', async () => {
  const data = Uint8Array.from({ length: 1001 }, (_, i) => (i * 31 + 7) & 255);
  for (const slice of [1, 3, 8, 1000, 1001, 4096]) {
    assert.equal(await withSlices(slice, () => checksum(data)), crc32(data), `slice ${slice}`);
    assert.equal(await withSlices(slice, () => checksum(data, 5, 900)), crc32(data.subarray(5, 900)), `slice ${slice}, a range`);
  }
});

test('a truncated index file is refused when read and when decoded', async () => {
  const encoded = encodeIndexFile(meta, sampleColumns());
  for (const keep of [0, 10, 26, 200, encoded.length >> 1, encoded.length - 1]) {
    const path = tempFile('t.idx');
    writeFileSync(path, encoded);
    truncateSync(path, keep);
    await assert.rejects(withSlices(16, () => readIndexFile(path)), /truncated|not a Syscope index file/, `kept ${keep} bytes`);
    assert.throws(() => decodeIndexFile(encoded.subarray(0, keep)), /truncated|not a Syscope index file/, `kept ${keep} bytes`);
  }
  const path = tempFile('long.idx');
  writeFileSync(path, encoded);
  appendFileSync(path, Buffer.from([0]));
  await assert.rejects(readIndexFile(path), /1 bytes past its end/);
});

test('a changed byte anywhere after the fixed header is caught by the checksum, when read and when decoded', async () => {
  const encoded = encodeIndexFile(meta, sampleColumns());
  const path = tempFile('x.idx');
  for (const at of [26, 100, encoded.length >> 1, encoded.length - 20, encoded.length - 5, encoded.length - 1]) {
    const bad = Buffer.from(encoded);
    bad[at] ^= 0x10;
    writeFileSync(path, bad);
    await assert.rejects(withSlices(24, () => readIndexFile(path)), /checksum mismatch/, `byte ${at}`);
    assert.throws(() => decodeIndexFile(Buffer.from(bad)), /checksum mismatch/, `byte ${at}`);
  }
});

test('a file of another format version, or not an index at all, is refused by its first bytes', async () => {
  const encoded = encodeIndexFile(meta, sampleColumns());
  const older = Buffer.from(encoded);
  older.writeUInt16LE(INDEX_FORMAT_VERSION - 1, 10);
  assert.throws(() => decodeIndexFile(older), new RegExp(`index format ${INDEX_FORMAT_VERSION - 1}, expected ${INDEX_FORMAT_VERSION}`));
  const path = tempFile('v.idx');
  writeFileSync(path, older);
  await assert.rejects(readIndexFile(path), /index format/);
  writeFileSync(path, Buffer.alloc(statSync(path).size, 7));
  await assert.rejects(readIndexFile(path), /not a Syscope index file/);
});

test('columns decode from an unaligned buffer as aligned copies', () => {
  const encoded = encodeIndexFile(meta, sampleColumns());
  const holder = Buffer.alloc(encoded.length + 3);
  encoded.copy(holder, 3);
  const decoded = decodeIndexFile(holder.subarray(3));
  assert.deepEqual([...decoded.columns.ts], [...sampleColumns().ts]);
  assert.deepEqual([...decoded.columns.tid], [...sampleColumns().tid]);
  assert.notEqual(decoded.columns.ts.buffer, holder.buffer);
});

test('a header placing a column outside the body, or of an unknown type, is refused', () => {
  const body = new Uint8Array(16);
  assert.doesNotThrow(() => decodeIndexFile(fileWithHeader({ meta: {}, columns: [{ name: 'a', kind: 'Float64Array', offset: 8, length: 1 }] }, body)));
  const refused: Array<[unknown, RegExp]> = [
    [{ name: 'a', kind: 'Float64Array', offset: 8, length: 2 }, /column 'a' overruns/],
    [{ name: 'a', kind: 'Uint8Array', offset: 4, length: 1 }, /column 'a' overruns/],
    [{ name: 'a', kind: 'Uint8Array', offset: -8, length: 1 }, /column 'a' overruns/],
    [{ name: 'a', kind: 'Uint8Array', offset: 0, length: 1.5 }, /column 'a' overruns/],
    [{ name: 'a', kind: 'BigInt64Array', offset: 0, length: 1 }, /unknown column type 'BigInt64Array'/],
  ];
  for (const [column, message] of refused) {
    assert.throws(() => decodeIndexFile(fileWithHeader({ meta: {}, columns: [column] }, body)), message);
  }
  assert.throws(() => decodeIndexFile(fileWithHeader({ meta: {} }, body)), /lists no columns/);
});

test('alignment stays exact past 2 GiB, where bitwise arithmetic would wrap', () => {
  assert.equal(align8(2 ** 31 + 1), 2 ** 31 + 8);
  assert.equal(align8(2 ** 32 + 8), 2 ** 32 + 8);
  assert.equal(align8(3 * 2 ** 30 - 3), 3 * 2 ** 30);
});

test('an index written column by column is byte for byte the encoded one, across many slices', async () => {
  const columns = sampleColumns();
  // Views into a larger buffer, as finished index columns may be.
  const big = new Float64Array(2000);
  big.set(columns.ts as Float64Array);
  columns.ts = big.subarray(0, 1000);
  for (const bytes of [1 << 30, 16, 8]) {
    await withSlices(bytes, async () => {
      const path = tempFile('streamed.idx');
      await writeIndexColumns(path, meta, columns);
      assert.deepEqual(readFileSync(path), encodeIndexFile(meta, columns), `slices of ${bytes} bytes`);
      const back = decodeIndexFile(readFileSync(path));
      assert.deepEqual(back.columns.ts, columns.ts);
    });
  }
});

test("an index file's meta is read from its header alone, and a cut file is still refused", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-idxmeta-'));
  const path = join(dir, 'meta.idx');
  const meta = { warnings: ['capture is cut off at byte 299948'], events: 3 };
  await writeIndexColumns(path, meta, { ts: new Float64Array([1, 2, 3]) });
  assert.deepEqual(readIndexMeta(path), meta);
  truncateSync(path, statSync(path).size - 8);
  assert.throws(() => readIndexMeta(path), /truncated/);
});
