import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readCapture } from '../engine/capture/readCapture';
import { isEventBlock } from '../engine/capture/blockTypes';
import { DAMAGED_CAPTURE_STATUS } from './captureDamage';
import { whereReadingStops } from '../../shared/scap/readingStops';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-damage-'));
const syscope = (cache: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, cache) } });

const sample = join(dir, 'sample.scap');
const truncated = join(dir, 'truncated.scap');
const corrupt = join(dir, 'corrupt.scap');

/** The offset of the first event block at or after `from` (blocks walked from the start). */
function eventBlockAfter(bytes: Buffer, from: number): number {
  for (let at = 0; at + 8 <= bytes.length; at += bytes.readUInt32LE(at + 4)) {
    if (at >= from && isEventBlock(bytes.readUInt32LE(at))) return at;
  }
  throw new Error('no event block after the offset');
}

test('the sample, a copy cut off after 300,000 bytes and one with a block whose length lies', () => {
  assert.equal(syscope('c0', 'sample', '-o', sample).status, 0);
  const bytes = readFileSync(sample);
  writeFileSync(truncated, bytes.subarray(0, 300_000));
  const damaged = Buffer.from(bytes);
  const at = eventBlockAfter(damaged, 500_000);
  // A plausible length that disagrees with the block's trailer: the framing is lost from there.
  damaged.writeUInt32LE(damaged.readUInt32LE(at + 4) + 148, at + 4);
  writeFileSync(corrupt, damaged);
});

test('the reader says where a cut-off or a mis-framed capture stops being readable, in words whereReadingStops knows', async () => {
  const cut = await readCapture(truncated, {}, { layout: 'file' });
  assert.match(whereReadingStops(cut.warnings) ?? '', /^capture is cut off at byte 2999\d\d, .*; the \d+ events before it were read$/);
  const broken = await readCapture(corrupt, {}, { layout: 'file' });
  assert.match(whereReadingStops(broken.warnings) ?? '', /^EV\w* block at offset \d+ says it is \d+ bytes long but its trailer says \d+; the rest of the capture was not read$/);
  const gzip = join(dir, 'truncated.scap.gz');
  writeFileSync(gzip, gzipSync(readFileSync(sample)).subarray(0, 60_000));
  const cutGzip = await readCapture(gzip, {}, { layout: 'file' });
  assert.match(whereReadingStops(cutGzip.warnings) ?? '', /ends early or is damaged after \d+ decompressed bytes/, 'the gzip stream\'s end, not its copy\'s');
  const whole = await readCapture(sample, {}, { layout: 'file' });
  assert.equal(whereReadingStops(whole.warnings), undefined);
  assert.equal(whereReadingStops(['EV_V2 block at offset 9: event length 7 runs past the end of its block; event skipped']), undefined);
});

/** The commands that answer from a capture, with `P` for it; their pages are big enough to reach the damage. */
const answering: string[][] = [
  ['count', 'P'], ['count', 'P', 'evt.type=openat'], ['tiles', 'P'], ['view', 'P', 'procs'], ['tree', 'P'],
  ['events', 'P', '--limit', '100000'], ['streams', 'P'], ['dump', 'P'],
  // QA 15: export exited 0 without a word.
  ['export', 'P', 'view', 'procs'], ['export', 'P', 'events'], ['export', 'P', 'tree'],
];

function assertWarnsOnce(args: string[], capture: string, cache: string, expectStatus: number) {
  const withCapture = args.map((a) => (a === 'P' ? capture : a));
  const r = syscope(cache, ...withCapture);
  const what = `${withCapture.join(' ')}: ${r.stderr}`;
  assert.equal(r.status, expectStatus, what);
  assert.notEqual(r.stdout.trim(), '', `${what} still prints what the readable part gives`);
  const warnings = r.stderr.split('\n').filter((l) => l.includes('warning:'));
  if (expectStatus === 0) { assert.deepEqual(warnings, [], what); return; }
  assert.equal(warnings.length, 1, what);
  assert.match(warnings[0], new RegExp(`^syscope ${args[0]}: warning: ${capture.replace(/[.]/g, '\\.')}: .*(cut off at byte|the rest of the capture was not read)`), what);
}

test('every answering command reads a damaged capture to its readable end, says where it stops in one line and exits 3', () => {
  assert.equal(DAMAGED_CAPTURE_STATUS, 3);
  // A fresh cache each: tiles and view store the index they build, and the others would answer from it.
  answering.forEach((args, i) => {
    assertWarnsOnce(args, truncated, `pass-t${i}`, 3);
    assertWarnsOnce(args, corrupt, `pass-c${i}`, 3);
  });
});

test('an answer from the cached index warns as one from a pass does (the index keeps the reader warnings)', () => {
  assert.equal(syscope('kept', 'index', truncated).status, 0);
  for (const args of answering.filter((a) => a[0] !== 'dump')) assertWarnsOnce(args, truncated, 'kept', 3);
  const counted = syscope('kept', 'count', truncated);
  assert.match(counted.stderr, /counted from the cached index/);
});

test('a whole capture, and a page that ends before the damage, exit 0 without a warning', () => {
  for (const args of [['count', 'P'], ['tree', 'P'], ['dump', 'P']]) assertWarnsOnce(args, sample, 'none-s', 0);
  assertWarnsOnce(['events', 'P', '--limit', '10'], truncated, 'none-t', 0);
});

test('write keeps the readable part of a cut-off capture, says where it stops in one line and exits 3', () => {
  assertWarnsOnce(['write', 'P', '-o', join(dir, 'written.scap')], truncated, 'write-t', 3);
});

test("the cut-off line counts what was read as event blocks, internal events included, in the warning and in info (QA 20: '858 events' beside 857)", () => {
  const counted = syscope('words', 'count', truncated);
  assert.match(counted.stderr, /; the \d+ event blocks before it were read \(sysdig's internal events included\); the output covers only the events before it$/m);
  const info = syscope('words', 'info', truncated);
  assert.match(info.stdout, /^  - capture is cut off at byte \d+, .*; the \d+ event blocks before it were read \(sysdig's internal events included\)$/m);
});
