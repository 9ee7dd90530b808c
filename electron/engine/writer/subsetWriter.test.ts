import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureWriter } from './captureWriter';
import { writeSubset } from './subsetWriter';
import { readCapture } from '../capture';

const dir = mkdtempSync(join(tmpdir(), 'syscope-subset-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const T0 = 1_710_000_000_000_000_000n;
const at = (ms: number) => T0 + BigInt(ms) * 1_000_000n;

/** One thread: opens a file at 1 ms, enters a read at 5 ms, a context switch, the read returns at 12 ms, closes at 20 ms. */
async function original(path: string): Promise<void> {
  const w = CaptureWriter.create(path);
  w.writeHeader({ machine: { numCpus: 2, memoryBytes: 1n << 30n, hostname: 'h' } });
  const e = w.event;
  e.begin(at(0), -1, 272).str('{"container":{"id":"abc"}}').end(0); // container: modifies state
  e.begin(at(1), 10, 306).fd(-100).path('/etc/hosts').u32(1).u32(0).end(0); // openat E (modifies state)
  e.begin(at(1), 10, 307).fd(3).fd(-100).path('/etc/hosts').u32(1).u32(0).u32(0).end(0); // openat X
  e.begin(at(3), 10, 64).u64(1).u16(0).u64(0).end(0); // futex E: neither kept nor needed
  e.begin(at(4), 10, 65).errno(0).end(0); // futex X
  e.begin(at(5), 10, 6).fd(3).u32(100).end(0); // read E, before the window
  e.begin(at(6), 10, 152).pid(11).u64(0).u64(0).u32(0).u32(0).u32(0).end(0); // switch: leaves the pending read alone
  e.begin(at(12), 10, 7).errno(4).text('1.2.').end(0); // read X, in the window
  e.begin(at(15), 10, 8).fd(3).u32(1).end(0); // write E, in the window
  e.begin(at(16), 10, 9).errno(1).text('x').end(0);
  e.begin(at(20), 10, 4).fd(3).end(0); // close E, after the window
  e.begin(at(20), 10, 5).errno(0).end(0);
  await w.close();
}

async function events(path: string): Promise<string[]> {
  const out: string[] = [];
  await readCapture(path, { onEvent: (ev) => out.push(`${(ev.ts - T0) / 1_000_000n}ms:${ev.type}${ev.flags & 1 ? ':state-only' : ''}`) }, { layout: 'file' });
  return out;
}

test('a window keeps its events, state-changing events before it as state-only, and drops the rest', async () => {
  const src = join(dir, 'orig.scap');
  await original(src);
  const out = join(dir, 'window.scap');
  const s = await writeSubset(src, out, { fromNs: at(10), toNs: at(17) });
  assert.deepEqual(await events(out), [
    '0ms:272:state-only', '1ms:306:state-only', '1ms:307:state-only',
    '5ms:6:state-only', // the read's enter event, written just before its exit
    '12ms:7', '15ms:8', '16ms:9',
  ]);
  assert.deepEqual([s.kept, s.stateOnly], [3, 4]);
});

test('a selection keeps only the chosen events; their context is kept state-only', async () => {
  const src = join(dir, 'orig.scap');
  await original(src);
  const offsets: number[] = [];
  await readCapture(src, { onEvent: (ev) => { if (ev.type === 9) offsets.push(ev.fileOffset); } }, { layout: 'file' });
  const out = join(dir, 'selected.scap');
  await writeSubset(src, out, { selection: { offsets: Float64Array.from(offsets), count: offsets.length }, gzip: true });
  assert.deepEqual(await events(out), [
    '0ms:272:state-only', '1ms:306:state-only', '1ms:307:state-only',
    '15ms:8:state-only', '16ms:9', '20ms:4:state-only', '20ms:5:state-only',
  ]);
});

test('a gzip capture cut off mid-stream keeps every whole block before the cut, with one warning (QA 15: it failed with "unexpected end of file")', async () => {
  const src = join(dir, 'orig.scap');
  await original(src);
  const gz = join(dir, 'orig.scap.gz');
  const whole = gzipSync(readFileSync(src));
  writeFileSync(gz, whole.subarray(0, whole.length - 12)); // the gzip trailer and the last bytes gone
  const out = join(dir, 'cut-gzip.scap');
  const s = await writeSubset(gz, out, {});
  assert.match(s.warnings.join('\n'), /^the gzip stream ends early or is damaged after \d+ decompressed bytes of whole blocks \(unexpected end of file\); the events before it were kept$/m);
  const kept = await events(out);
  const all = await events(src);
  assert.ok(kept.length > 0 && kept.length < all.length, `some whole blocks before the cut kept: ${kept.join(' ')}`);
  assert.deepEqual(kept, all.slice(0, kept.length));
});

/** `src` with the length of its `nth` event block replaced by `length(len)`: the framing breaks there. */
async function withBrokenFraming(src: string, nth: number, length: (len: number) => number): Promise<{ path: string; at: number }> {
  const blocks: Array<{ at: number; len: number }> = [];
  await readCapture(src, { onBlock: (type, at, len) => { if (type === 0x216 || type === 0x217) blocks.push({ at, len }); } }, { layout: 'file' });
  const bytes = Buffer.from(readFileSync(src));
  const { at, len } = blocks[nth];
  bytes.writeUInt32LE(length(len), at + 4);
  const path = join(dir, `broken-${nth}-${length(len)}.scap`);
  writeFileSync(path, bytes);
  return { path, at };
}

test('a capture whose block framing breaks keeps the blocks before the break, with the reader\'s warning (QA 15: write refused it)', async () => {
  const src = join(dir, 'orig.scap');
  await original(src);
  for (const [nth, length] of [[4, () => 7], [4, (len: number) => len + 8], [6, () => 0xfffffff0]] as Array<[number, (len: number) => number]>) {
    const broken = await withBrokenFraming(src, nth, length);
    const out = join(dir, 'kept-before-break.scap');
    const s = await writeSubset(broken.path, out, {});
    const read = await readCapture(broken.path, {}, { layout: 'file' });
    const stop = read.warnings.find((w) => w.includes(`offset ${broken.at}`));
    assert.ok(stop, read.warnings.join('\n'));
    assert.deepEqual(s.warnings, [stop], 'one warning, in the reader\'s words');
    const kept = await events(out);
    assert.ok(kept.length > 0, `${nth}`);
    assert.deepEqual(kept, await events(broken.path), 'the events every other command reads');
  }
});
