import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync, readdirSync, utimesSync, readFileSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { CaptureIndexBuilder, emptyEventRow } from './eventIndex';
import { fileIdentity, IndexCache } from './cache';
import { slicing } from './indexFile';

function captureFile(dir: string, name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function indexFor(path: string, events = 10) {
  const b = new CaptureIndexBuilder();
  const row = emptyEventRow();
  for (let i = 0; i < events; i++) { row.ts = 1000n + BigInt(i); b.addEvent(row); }
  return b.finish({ identity: fileIdentity(path), path, sizeBytes: 1, hostname: '', numCpus: 1, warnings: [] });
}

test('a stored index is found again by the file identity, also after a rename', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const cap = captureFile(dir, 'a.scap', 'capture bytes');
  const copy = captureFile(dir, 'b.scap', 'capture bytes');
  for (const p of [cap, copy]) utimesSync(p, 1_700_000_000, 1_700_000_000);
  await cache.store(indexFor(cap));
  assert.equal((await cache.load(fileIdentity(copy))).index?.events, 10);
  assert.deepEqual(readdirSync(dir).sort(), ['a.scap', 'b.scap', 'cache'], 'nothing is written beside the capture');
});

test('a changed capture misses, and a corrupt entry is rejected and removed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const cap = captureFile(dir, 'a.scap', 'capture bytes');
  const id = fileIdentity(cap);
  await cache.store(indexFor(cap));
  writeFileSync(cap, 'capture bytez');
  assert.equal((await cache.load(fileIdentity(cap))).index, undefined);
  const p = cache.indexPath(id);
  const buf = readFileSync(p);
  buf[40] ^= 1;
  writeFileSync(p, buf);
  const r = await cache.load(id);
  assert.equal(r.index, undefined);
  assert.match(r.rejected ?? '', /checksum|JSON|header/);
  assert.equal(readdirSync(join(dir, 'cache')).length, 0);
});

test('with slices of a few bytes, an entry many slices long is stored and reloaded, and a truncated or tampered one is rejected and removed', async () => {
  const saved = slicing.bytes;
  slicing.bytes = 40;
  try {
    const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
    const cache = new IndexCache(join(dir, 'cache'));
    const cap = captureFile(dir, 'a.scap', 'capture bytes');
    const id = fileIdentity(cap);
    const built = indexFor(cap, 2000);
    await cache.store(built);
    const p = cache.indexPath(id);
    const size = statSync(p).size;
    assert.ok(size / slicing.bytes > 1000, 'the entry spans more than a thousand slices');
    const loaded = (await cache.load(id)).index;
    assert.deepEqual([...(loaded?.cols.ts ?? [])], [...built.cols.ts]);

    truncateSync(p, size - 9);
    const truncated = await cache.load(id);
    assert.equal(truncated.index, undefined);
    assert.match(truncated.rejected ?? '', /truncated/);
    assert.equal(readdirSync(join(dir, 'cache')).length, 0, 'the truncated entry is removed');

    await cache.store(built);
    const bytes = readFileSync(p);
    bytes[Math.floor(size * 0.7)] ^= 0x40;
    writeFileSync(p, bytes);
    const tampered = await cache.load(id);
    assert.equal(tampered.index, undefined);
    assert.match(tampered.rejected ?? '', /checksum/);
    assert.equal(readdirSync(join(dir, 'cache')).length, 0, 'the tampered entry is removed');
  } finally {
    slicing.bytes = saved;
  }
});

test('an entry claiming another file identity is not trusted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const a = captureFile(dir, 'a.scap', 'first capture');
  const b = captureFile(dir, 'b.scap', 'second one!!!');
  await cache.store(indexFor(a));
  writeFileSync(cache.indexPath(fileIdentity(b)), readFileSync(cache.indexPath(fileIdentity(a))));
  assert.match((await cache.load(fileIdentity(b))).rejected ?? '', /another file/);
});

test('the cache evicts least recently used entries beyond its size cap', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const probe = new IndexCache(join(dir, 'probe'));
  const one = captureFile(dir, 'one.scap', 'x1');
  await probe.store(indexFor(one, 1000));
  const entrySize = statSync(probe.indexPath(fileIdentity(one))).size;
  const cache = new IndexCache(join(dir, 'cache'), entrySize * 2 + 100);
  const caps = ['a', 'b', 'c'].map((n) => captureFile(dir, `${n}.scap`, `capture ${n}`));
  await cache.store(indexFor(caps[0], 1000));
  await cache.store(indexFor(caps[1], 1000));
  const old = new Date(Date.now() - 60_000);
  utimesSync(cache.indexPath(fileIdentity(caps[1])), old, old);
  await cache.load(fileIdentity(caps[0]));
  await cache.store(indexFor(caps[2], 1000));
  assert.ok((await cache.load(fileIdentity(caps[0]))).index, 'recently used entry kept');
  assert.equal((await cache.load(fileIdentity(caps[1]))).index, undefined, 'least recently used entry evicted');
  assert.ok((await cache.load(fileIdentity(caps[2]))).index, 'new entry kept');
});

test('a gzip capture is decompressed once into the cache, a raw one is read in place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const raw = captureFile(dir, 'raw.scap', 'raw bytes');
  assert.equal(await cache.readablePath(raw, fileIdentity(raw)), raw);
  const gz = join(dir, 'z.scap');
  writeFileSync(gz, gzipSync(Buffer.from('inflated capture')));
  const p = await cache.readablePath(gz, fileIdentity(gz));
  assert.ok(p.startsWith(join(dir, 'cache')));
  assert.equal(readFileSync(p, 'utf8'), 'inflated capture');
  assert.equal(await cache.readablePath(gz, fileIdentity(gz)), p);
});

/** Bytes gzip shrinks to about a half, so a cut gzip stream still holds a good part of them. */
function halfCompressible(bytes: number): Buffer {
  const b = Buffer.alloc(bytes);
  let x = 12345;
  for (let i = 0; i < bytes; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = i % 2 ? x >>> 24 : 65 + (i % 7); }
  return b;
}

test('a gzip stream cut short keeps what decompresses, under a name of its own, with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const whole = gzipSync(halfCompressible(400_000));
  const cut = whole.subarray(0, whole.length >> 1);
  const gz = join(dir, 'cut.scap.gz');
  writeFileSync(gz, cut);
  const expected = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH });
  assert.ok(expected.length > 100_000);

  const copy = await cache.readableCopy(gz, fileIdentity(gz));
  assert.match(copy.path, /\.partial\.scap$/);
  assert.ok(readFileSync(copy.path).equals(expected), 'every byte that decompresses is in the copy');
  assert.equal(copy.warning, `the gzip stream ends early or is damaged after ${expected.length} decompressed bytes (unexpected end of file); the events before it were read`);
  assert.ok(!readdirSync(join(dir, 'cache')).some((n) => n.endsWith('.scap') && !n.endsWith('.partial.scap')), 'no copy under the complete name');
  assert.deepEqual(await cache.readableCopy(gz, fileIdentity(gz)), copy, 'found again with its warning');
  assert.equal(await cache.readablePath(gz, fileIdentity(gz)), copy.path);

  // A partial copy is read only with its note, and only while the two agree.
  unlinkSync(`${copy.path}.json`);
  assert.deepEqual(await cache.readableCopy(gz, fileIdentity(gz)), copy, 'without its note the copy is made again, still partial');
  truncateSync(copy.path, 1000);
  assert.deepEqual(await cache.readableCopy(gz, fileIdentity(gz)), copy, 'a copy shorter than its note is made again');
  assert.ok(readFileSync(copy.path).equals(expected));

  // The whole stream is another file (another identity): its copy is complete.
  const full = join(dir, 'full.scap.gz');
  writeFileSync(full, whole);
  const complete = await cache.readableCopy(full, fileIdentity(full));
  assert.equal(complete.warning, undefined);
  assert.doesNotMatch(complete.path, /partial/);
  assert.equal(statSync(complete.path).size, 400_000);
});

test('a gzip file of which nothing decompresses is refused in one line, leaving nothing in the cache', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const gz = join(dir, 'broken.scap');
  writeFileSync(gz, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff]));
  await assert.rejects(cache.readableCopy(gz, fileIdentity(gz)), (e: Error) => /^broken\.scap: not a readable gzip file \(.+\)$/.test(e.message));
  assert.deepEqual(existsSync(join(dir, 'cache')) ? readdirSync(join(dir, 'cache')) : [], []);
});

test('view tables are kept beside the index and a damaged file of them is dropped', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'));
  const cap = captureFile(dir, 'a.scap', 'capture bytes');
  const id = fileIdentity(cap);
  cache.storeViewTables(id, { syscalls: { keys: ['read'], rows: [[2, 10, 5, 'read']] } });
  cache.storeViewTables(id, { errors: { keys: ['ENOENT'], rows: [[1, 'ENOENT']] } });
  assert.deepEqual(Object.keys(cache.loadViewTables(id)).sort(), ['errors', 'syscalls']);
  const p = readdirSync(join(dir, 'cache')).find((n) => n.endsWith('.views.json'))!;
  writeFileSync(join(dir, 'cache', p), '{"syscalls": {"keys": [1], "rows": ');
  assert.deepEqual(cache.loadViewTables(id), {});
  assert.equal(readdirSync(join(dir, 'cache')).some((n) => n.endsWith('.views.json')), false);
});

test('kept checkpoints come back only to the code that froze them, intact, and count towards the cap', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-cache-'));
  const cache = new IndexCache(join(dir, 'cache'), 10_000);
  const cap = captureFile(dir, 'a.scap', 'capture bytes');
  const id = fileIdentity(cap);
  const payload = Buffer.from('frozen state '.repeat(100));
  cache.storeCheckpoints(id, 'code-1', payload);
  assert.ok(cache.hasCheckpoints(id, 'code-1'));
  assert.equal(cache.hasCheckpoints(id, 'code-2'), false);
  assert.deepEqual(cache.loadCheckpoints(id, 'code-1'), payload);
  assert.equal(cache.loadCheckpoints(id, 'code-2'), undefined, 'other code gets nothing');
  assert.equal(readdirSync(join(dir, 'cache')).length, 0, 'and the entry it could not use is gone');

  cache.storeCheckpoints(id, 'code-1', payload);
  const file = join(dir, 'cache', readdirSync(join(dir, 'cache'))[0]);
  const bytes = readFileSync(file);
  bytes[bytes.length - 3] ^= 1;
  writeFileSync(file, bytes);
  assert.ok(cache.hasCheckpoints(id, 'code-1'), 'the header alone looks fine');
  assert.equal(cache.loadCheckpoints(id, 'code-1'), undefined, 'a tampered payload is refused');
  assert.equal(readdirSync(join(dir, 'cache')).length, 0);

  cache.storeCheckpoints(id, 'code-1', Buffer.alloc(6_000));
  const other = captureFile(dir, 'b.scap', 'other capture');
  cache.storeCheckpoints(fileIdentity(other), 'code-1', Buffer.alloc(6_000));
  assert.equal(readdirSync(join(dir, 'cache')).length, 1, 'the older entry was evicted past the cap');
  assert.ok(cache.hasCheckpoints(fileIdentity(other), 'code-1'));
});
