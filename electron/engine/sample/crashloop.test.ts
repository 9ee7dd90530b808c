import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample, SAMPLE_START_NS } from './crashloop';
import { readCapture } from '../capture';

const dir = mkdtempSync(join(tmpdir(), 'syscope-sample-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('the sample is the same file, byte for byte, every time it is generated, and quick to make', async () => {
  const a = join(dir, 'a.scap');
  const b = join(dir, 'b.scap');
  const started = performance.now();
  await writeCrashLoopSample(a);
  const ms = performance.now() - started;
  await writeCrashLoopSample(b);
  assert.ok(readFileSync(a).equals(readFileSync(b)));
  // The build generates it at install time: well under the 2 s budget (generous bound for slow CI).
  assert.ok(ms < 2000, `generation took ${Math.round(ms)} ms`);
});

test("Syscope's reader reads the sample cleanly, in time order, with the story's events", async () => {
  const path = join(dir, 'sample.scap');
  const summary = await writeCrashLoopSample(path);
  let events = 0;
  let lastTs = 0n;
  let outOfOrder = 0;
  let nginxExitsWithStatus1 = 0;
  let dnsQueries = 0;
  const threads = new Set<number>();
  const result = await readCapture(path, {
    onProcess: (p) => threads.add(p.tid),
    onEvent: (ev) => {
      events++;
      if (ev.ts < lastTs) outOfOrder++;
      lastTs = ev.ts;
      const param = (i: number) => ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i]);
      const i64 = (i: number) => Number(Buffer.from(param(i)).readBigInt64LE(0));
      if (ev.type === 186 && i64(0) === 256 && i64(1) === 1) nginxExitsWithStatus1++;
      if (ev.type === 31 && Buffer.from(param(1)).includes('api-backend')) dnsQueries++;
    },
  }, { layout: 'file' });
  assert.deepEqual(result.warnings, []);
  assert.equal(events, summary.events);
  assert.equal(outOfOrder, 0);
  assert.equal(nginxExitsWithStatus1, 5);
  assert.ok(dnsQueries >= 5 * 8, `${dnsQueries} DNS queries`);
  assert.ok(threads.has(1340) && threads.has(1021) && threads.has(312), 'kubelet, containerd and journald are in the process list');
  assert.ok(lastTs - SAMPLE_START_NS > 300_000_000_000n);
});

test('the newest layouts read from the sample convert without a hitch (libs converter rules)', async () => {
  const path = join(dir, 'newest.scap');
  await writeCrashLoopSample(path);
  const s = await readCapture(path, {});
  assert.deepEqual(s.warnings, []);
  assert.equal(s.upgrade?.unconvertible, 0);
  assert.ok((s.upgrade?.converted ?? 0) > 1000);
});
