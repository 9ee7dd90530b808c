import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { capture, cstr, eventBlock, le64, tempCapture } from '../../engine/capture/testCapture';
import { BlockType } from '../../engine/capture/blockTypes';

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
  assert.match(r.stdout, /events:\s+3/);
  assert.match(r.stdout, /unknown ids: 9999×1/);
  assert.match(r.stdout, /time span:\s+2001-09-09 01:46:40\.000000000 UTC → 2001-09-09 01:46:40\.500000000 UTC \(0\.500s\)/);
  assert.match(r.stdout, /warnings:\s+none/);
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
