import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { capture, cstr, eventBlock, le64, tempCapture } from '../../engine/capture/testCapture';
import { BlockType } from '../../engine/capture/blockTypes';
import { EV } from '../../engine/state/eventIds';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
function syscope(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });
}

test('info prints the census of a capture and exits 0', () => {
  const ev = (ts: bigint, type = 3) => eventBlock({ type, ts, params: [le64(3), cstr('/etc/hosts')] });
  const path = tempCapture(capture(ev(0n), ev(1_000_000_000_000_000_000n), ev(1_000_000_000_500_000_000n, 9999)), { gzip: true });
  const r = syscope('info', path);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /compressed:\s+yes/);
  assert.match(r.stdout, /format:\s+SHB 1\.2/);
  assert.match(r.stdout, /hostname:\s+testhost/);
  assert.match(r.stdout, /blocks:\s+5 \(SHB×1 MI×1 EV_V2×3\)/);
  assert.match(r.stdout, /events:\s+2 \(\+1 with ids sysdig 0\.29\.3 does not know, skipped as it does\)\n/);
  assert.match(r.stdout, /unknown ids: 9999×1/);
  assert.match(r.stdout, /time span:\s+2001-09-09 01:46:40\.000000000 UTC → 2001-09-09 01:46:40\.000000000 UTC \(0\.000s\)/);
  assert.match(r.stdout, /all events:\s+2001-09-09 01:46:40\.000000000 UTC → 2001-09-09 01:46:40\.500000000 UTC \(0\.500s\)/);
  assert.match(r.stdout, /warnings:\s+none/);
});

test('info counts the events sysdig prints, of those it reads and numbers, and spans the printed ones', () => {
  const s = 1_000_000_000n;
  const t0 = 1_700_000_000n * s;
  const container = eventBlock({ type: EV.CONTAINER_JSON, ts: t0, params: [cstr('{"container":{"id":"abc"}}')] });
  const procinfo = (ts: bigint) => eventBlock({ type: EV.PROCINFO, ts, params: [le64(1), le64(2)] });
  const open = (ts: bigint) => eventBlock({ type: 3, ts, params: [le64(3), cstr('/etc/hosts')] });
  const path = tempCapture(capture(container, procinfo(t0 + s - 1n), open(t0 + 2n * s), open(t0 + 2n * s + s / 2n), procinfo(t0 + 4n * s - 1n)));
  const r = syscope('info', path);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /events:\s+2 printed by sysdig, of 5 it reads and numbers \(the others are internal events such as procinfo, or metadata read as initial state\)\n/);
  assert.match(r.stdout, /time span:\s+2023-11-14 22:13:22\.000000000 UTC → 2023-11-14 22:13:22\.500000000 UTC \(0\.500s\)\n/);
  assert.match(r.stdout, /all events:\s+2023-11-14 22:13:20\.000000000 UTC → 2023-11-14 22:13:23\.999999999 UTC \(4\.000s\), with internal and metadata events\n/);
  const j = JSON.parse(syscope('info', path, '--json').stdout);
  assert.deepEqual([j.eventBlocks, j.events, j.printedEvents, j.printedFirstTs, j.printedLastTs], [5, 5, 2, String(t0 + 2n * s), String(t0 + 2n * s + s / 2n)]);
});

test('info --json gives the same census as JSON', () => {
  const path = tempCapture(capture(eventBlock({ type: 3, params: [le64(3)] }, BlockType.EVENT)));
  const r = syscope('info', path, '--json');
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.eventBlocks, 1);
  assert.deepEqual(j.blocks, { SHB: 1, MI: 1, EV: 1 });
});

test('info on a cut-off capture reports the truncation and still exits 0', () => {
  const full = capture(eventBlock({ type: 3, params: [le64(3)] }), eventBlock({ type: 3, params: [le64(4)] }));
  const r = syscope('info', tempCapture(full.subarray(0, full.length - 5)));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /events:\s+1/);
  assert.match(r.stdout, /truncated:\s+at byte \d+/);
  assert.match(r.stdout, /capture is cut off at byte/);
});

test('info on a bad file exits 1 and on bad arguments 2, with one line', () => {
  const cases: [string[], number][] = [[[tempCapture(Buffer.from('not a capture at all'))], 1], [['/no/such/file.scap'], 1], [[], 2], [['a', 'b'], 2], [['--bogus', 'x'], 2]];
  for (const [args, status] of cases) {
    const r = syscope('info', ...args);
    assert.equal(r.status, status, `${args}: ${r.stdout}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^syscope info: /);
  }
});
