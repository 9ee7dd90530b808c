/**
 * Fuzz: thousands of cut-off and byte-flipped variants of the real captures. Every read must
 * end cleanly — resolve with a summary or reject with a one-line CaptureError — and quickly.
 * A seeded PRNG keeps failures reproducible (the failing seed and variant are in the message).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readCapture } from './readCapture';
import { CaptureError, type ReadSummary } from './types';
import { isEventBlock } from './blockTypes';
import { readParam } from './params';
import { seededRandom } from '../testing/seededRandom';

const capturesDir = process.env.SYSCOPE_CAPTURES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/captures');
// Small captures covering every layout family: SHB 1.0/1.1/1.2, PL v5–v9, EV v1/v2, gzip, pcapng options.
const SAMPLES = ['falco_cat_write.scap', 'falco_syscall.scap', 'libs_curl_google_comments.scap', 'libs_single_ipv6_conn.scap',
  'libs_sample.scap', 'bencerex_example0_nginx.scap', 'falco_psp_write_tmp_test.scap', 'falco_ping_sendto.scap'];
const PER_READ_LIMIT_MS = 5000;
const SEED = Number(process.env.SYSCOPE_FUZZ_SEED ?? 20261127);

const dir = mkdtempSync(join(tmpdir(), 'syscope-fuzz-'));
let fileNo = 0;

/** Reads bytes as a capture; returns the summary or the CaptureError; fails on anything else. */
async function readVariant(bytes: Uint8Array, what: string): Promise<ReadSummary | CaptureError> {
  const path = join(dir, `v${fileNo++ % 8}.scap`);
  writeFileSync(path, bytes);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: read did not finish within ${PER_READ_LIMIT_MS} ms`)), PER_READ_LIMIT_MS); });
  try {
    // Decoding every parameter makes the fuzz reach params.ts too.
    const read = readCapture(path, { onEvent(ev) { for (let i = 0; i < ev.nparams; i++) readParam(ev, i); } }, { layout: (fileNo & 1) === 0 ? 'file' : 'newest' });
    return await Promise.race([read, timeout]);
  } catch (err) {
    if (err instanceof CaptureError) {
      assert.ok(!err.message.includes('\n'), `${what}: multi-line error ${JSON.stringify(err.message)}`);
      return err;
    }
    throw new Error(`${what}: ended with ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} instead of a summary or CaptureError`);
  } finally {
    clearTimeout(timer);
  }
}

/** Offsets where event blocks end, by walking the intact block frames (`all`: every block). */
function eventBlockEnds(raw: Buffer, all?: Set<number>): number[] {
  const ends: number[] = [];
  for (let o = 0; o + 8 <= raw.length;) {
    const len = raw.readUInt32LE(o + 4);
    if (isEventBlock(raw.readUInt32LE(o))) ends.push(o + len);
    o += len;
    all?.add(o);
  }
  return ends;
}

const available = SAMPLES.filter((f) => existsSync(join(capturesDir, f)));
const skip = available.length === 0 ? `no captures in ${capturesDir}` : false;
if (skip) console.log(`# skipping fuzz: ${skip}`);

test('cut-off captures deliver exactly the complete event blocks before the cut', { skip }, async () => {
  const rand = seededRandom(SEED);
  for (const name of available) {
    const file = readFileSync(join(capturesDir, name));
    const raw = file[0] === 0x1f ? gunzipSync(file) : file;
    const blockEnds = new Set<number>();
    const ends = eventBlockEnds(raw, blockEnds);
    for (let k = 0; k < 110; k++) {
      const cut = Math.floor(rand() * raw.length);
      const what = `${name} cut at ${cut} (seed ${SEED})`;
      const r = await readVariant(raw.subarray(0, cut), what);
      if (r instanceof CaptureError) {
        assert.ok(ends.length === 0 || cut < ends[0], `${what}: rejected although events precede the cut: ${r.message}`);
        continue;
      }
      const complete = ends.filter((e) => e <= cut).length;
      assert.equal(r.eventBlocks, complete, what);
      assert.equal(r.truncatedAt !== undefined, !blockEnds.has(cut), `${what}: truncatedAt=${r.truncatedAt}`);
    }
  }
});

test('cut-off gzip files end cleanly', { skip }, async () => {
  const rand = seededRandom(SEED + 1);
  for (const name of available) {
    const file = readFileSync(join(capturesDir, name));
    if (file[0] !== 0x1f) continue;
    for (let k = 0; k < 60; k++) {
      const cut = Math.floor(rand() * file.length);
      await readVariant(file.subarray(0, cut), `${name} (gzip) cut at ${cut} (seed ${SEED + 1})`);
    }
  }
});

test('byte-flipped captures end cleanly and never invent more events than blocks', { skip }, async () => {
  const rand = seededRandom(SEED + 2);
  let rejected = 0, resolved = 0;
  for (const name of available) {
    const file = readFileSync(join(capturesDir, name));
    const raw = file[0] === 0x1f ? gunzipSync(file) : file;
    const blocks = eventBlockEnds(raw).length;
    for (let k = 0; k < 180; k++) {
      const v = Buffer.from(raw);
      const flips = 1 + Math.floor(rand() * 8);
      const where: number[] = [];
      for (let f = 0; f < flips; f++) {
        // Half the flips hit the first 64 KiB, where headers and metadata blocks live.
        const at = Math.floor(rand() * (rand() < 0.5 ? Math.min(65536, v.length) : v.length));
        v[at] = rand() < 0.3 ? 0xff : v[at] ^ (1 << Math.floor(rand() * 8));
        where.push(at);
      }
      const r = await readVariant(v, `${name} flipped at ${where.join(',')} (seed ${SEED + 2})`);
      if (r instanceof CaptureError) { rejected++; continue; }
      resolved++;
      assert.ok((r.eventBlocks ?? 0) + (r.skippedEvents ?? 0) <= blocks + flips, `${name}: ${r.eventBlocks} events from ${blocks} blocks`);
    }
  }
  assert.ok(resolved > rejected, `most flipped captures should still be readable (resolved ${resolved}, rejected ${rejected})`);
});

test('byte-flipped gzip files end cleanly', { skip }, async () => {
  const rand = seededRandom(SEED + 3);
  for (const name of available) {
    const file = readFileSync(join(capturesDir, name));
    if (file[0] !== 0x1f) continue;
    for (let k = 0; k < 40; k++) {
      const v = Buffer.from(file);
      const at = Math.floor(rand() * v.length);
      v[at] ^= 1 << Math.floor(rand() * 8);
      await readVariant(v, `${name} (gzip) flipped at ${at} (seed ${SEED + 3})`);
    }
  }
});
