/**
 * One meaning per figure, the same in `syscope info` (the census) and the app's header (the
 * session's CaptureInfo), against sysdig 0.29.3 on every capture it reads:
 * - events: those sysdig prints (the lines of `sysdig -r`, what the Events tab lists), in both;
 * - events sysdig reads: all it counts and numbers (no printed evt.num is beyond it), in info;
 * - the span: from the earliest to the latest printed event (not procinfo's own times);
 * - a capture cut short says so once, in both places;
 * - the whole capture's tiles count every event (their totals are those of a fold over every
 *   row's span) while their series cover the span shown.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { captureFiles, capturesDir, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { captureCensus } from '../../electron/engine/capture/captureCensus';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { foldTiles } from '../../electron/engine/tiles/foldTiles';

const skip = referenceSkip();

/** sysdig's printed events: how many, the last evt.num, the earliest and latest time. */
function printed(file: string): { lines: number; lastNum: number; first: bigint | null; last: bigint | null } {
  const lines = sysdig(['-r', file, '-p', '*%evt.num %evt.rawtime'], { allowFail: true }).split('\n').filter(Boolean);
  let first: bigint | null = null; let last: bigint | null = null; let lastNum = 0;
  for (const l of lines) {
    const [num, raw] = l.split(' ');
    lastNum = Math.max(lastNum, Number(num));
    const ts = BigInt(raw);
    if (ts === 0n) continue;
    if (first === null || ts < first) first = ts;
    if (last === null || ts > last) last = ts;
  }
  return { lines: lines.length, lastNum, first, last };
}

test('events, events sysdig prints and the span mean the same in info and in the app, on every capture', { skip }, async () => {
  let narrower = 0;
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const name = basename(file);
    const census = await captureCensus(file);
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    const info = session.info('x');
    const theirs = printed(file);
    assert.equal(census.printedEvents, theirs.lines, `${name}: events sysdig prints, in info`);
    assert.equal(info.events, theirs.lines, `${name}: events sysdig prints, in the header`);
    assert.ok(theirs.lastNum <= census.events, `${name}: sysdig prints #${theirs.lastNum}, beyond the ${census.events} events it reads`);
    assert.equal(session.index.meta.sysdigEvents, census.events, `${name}: events sysdig reads, in the index and in info`);
    if (theirs.first === null) continue;
    assert.deepEqual([census.printedFirstTs, census.printedLastTs], [theirs.first, theirs.last], `${name}: info's span`);
    assert.deepEqual([info.firstTs, info.lastTs], [String(theirs.first), String(theirs.last)], `${name}: the header's span`);

    const m = session.index.meta;
    if (m.firstTs === info.firstTs && m.lastTs === info.lastTs) continue;
    narrower++;
    const whole = await session.tiles({ samples: 40 });
    const everyRow = foldTiles(session.index, { from: session.index.toRelative(BigInt(m.firstTs)), to: session.index.toRelative(BigInt(m.lastTs)), samples: 40 });
    assert.deepEqual(whole.map((t) => [t.id, t.total]), everyRow.map((t) => [t.id, t.total]), `${name}: whole-capture totals count every event`);
    const shown = await session.tiles({ samples: 40, window: { from: info.firstTs, to: info.lastTs } });
    assert.deepEqual(whole.map((t) => t.series), whole.map((t) => shown.find((s) => s.id === t.id)?.series ?? new Array(40).fill(0)), `${name}: series over the span shown`);
  }
  assert.ok(narrower >= 5, `captures whose internal events widen the span: ${narrower}`);
});

test('a capture cut short says so once, in info and in the app, and both count its events alike', { skip }, async () => {
  const cut = join(mkdtempSync(join(tmpdir(), 'syscope-counts-')), 'trunc.scap');
  writeFileSync(cut, readFileSync(join(capturesDir, 'inspect_502Error.scap')).subarray(0, 100_000));
  const census = await captureCensus(cut);
  const info = (await CaptureSession.open(cut, { resolver: engineResolver(), cache: null })).info('x');
  assert.equal(census.summary.warnings.length, 1, census.summary.warnings.join('\n'));
  assert.deepEqual(info.warnings, census.summary.warnings);
  assert.match(info.warnings[0], /^capture is cut off at byte \d+, inside an EV block/);
  assert.equal(info.events, printed(cut).lines);
  assert.equal(census.printedEvents, info.events);
});
