import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture, cstr, eventBlock, le64, tempCapture } from '../../engine/capture/testCapture';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
const cacheDir = mkdtempSync(join(tmpdir(), 'syscope-index-cli-'));
function syscope(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: cacheDir } });
}
const source = (r: ReturnType<typeof syscope>) => /source:\s+(\w+)/.exec(r.stdout)?.[1];

test('index loads from the cache on a second run, --rebuild builds anew and replaces the entry, --no-cache stores nothing', () => {
  const ev = (ts: bigint) => eventBlock({ type: 3, ts, params: [le64(3), cstr('/etc/hosts')] });
  const path = tempCapture(capture(ev(1_000_000_000_000_000_000n), ev(1_000_000_000_500_000_000n)));
  const first = syscope('index', path);
  assert.equal(first.status, 0, first.stderr);
  assert.equal(source(first), 'built');
  assert.match(first.stdout, /events:\s+2/);
  assert.equal(source(syscope('index', path)), 'cache');
  const entry = readdirSync(cacheDir).find((n) => n.endsWith('.idx'))!;
  const storedAt = statSync(join(cacheDir, entry)).mtimeMs;
  const rebuilt = syscope('index', path, '--rebuild');
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.equal(source(rebuilt), 'built');
  assert.ok(statSync(join(cacheDir, entry)).mtimeMs > storedAt, 'the rebuilt index replaced the stored one');
  assert.equal(source(syscope('index', path)), 'cache');
  const other = tempCapture(capture(ev(1_000_000_000_000_000_000n)));
  assert.equal(source(syscope('index', other, '--no-cache')), 'built');
  assert.equal(source(syscope('index', other)), 'built', '--no-cache left nothing to load');
});

test('index refuses an unknown option with its usage, and a missing file in one line', () => {
  const bad = syscope('index', 'x.scap', '--fast');
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim(), "syscope index: unknown option '--fast' (usage: syscope index <capture> [--rebuild] [--no-cache])");
  const missing = syscope('index', join(cacheDir, 'absent.scap'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr.trim(), /^syscope index: .*absent\.scap: no such file$/);
});

/** The crash-loop sample gzipped and cut at 60,000 bytes: a gzip stream that ends early. */
async function cutGzipSample(): Promise<string> {
  const { writeCrashLoopSample } = await import('../../engine/sample/crashloop');
  const { readFileSync, writeFileSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'syscope-index-gz-'));
  const whole = join(dir, 'whole.scap.gz');
  await writeCrashLoopSample(whole, { gzip: true });
  const cut = join(dir, 'cut.scap.gz');
  writeFileSync(cut, readFileSync(whole).subarray(0, 60_000));
  return cut;
}

test('a gzip capture cut short is indexed as far as it goes, with a warning that stays with the stored index', async () => {
  const cut = await cutGzipSample();
  const gzipWarning = /^warning: +the gzip stream ends early or is damaged after \d+ decompressed bytes \(unexpected end of file\)/m;
  const built = syscope('index', cut);
  assert.equal(built.status, 0, built.stderr);
  assert.equal(source(built), 'built');
  const events = Number(/events:\s+(\d+)/.exec(built.stdout)?.[1]);
  assert.ok(events > 1000, `the events before the cut are indexed (${events})`);
  assert.match(built.stdout, gzipWarning);
  assert.equal(built.stdout.match(/^warning:/gm)?.length, 1, 'the break once, not also as the decompressed copy being cut off');
  const info = syscope('info', cut);
  assert.match(info.stdout, /^warnings: +1\n  - .* ends early or is damaged after \d+ decompressed bytes/m, 'info lists the same place once');
  const again = syscope('index', cut);
  assert.equal(source(again), 'cache');
  assert.match(again.stdout, gzipWarning);
  const tiles = syscope('tiles', cut, '--json');
  // A cut capture's answer exits 3 (README), saying where the gzip stream broke.
  assert.equal(tiles.status, 3, tiles.stderr);
  assert.match(tiles.stderr, /^syscope tiles: warning: .*cut\.scap\.gz: the gzip stream ends early or is damaged after \d+ decompressed bytes/);
  const calls = (JSON.parse(tiles.stdout) as Array<{ id: string; total: number }>).find((t) => t.id === 'syscalls');
  assert.ok(calls && calls.total > 0, 'tiles read the events before the cut');
});

test('a cut gzip capture is said to break in one wording, with or without the cache', async () => {
  const cut = await cutGzipSample();
  const said = (r: ReturnType<typeof syscope>) => / warning: .*?cut\.scap\.gz: (.*)$/m.exec(r.stderr)?.[1];
  const passed = said(syscope('count', cut, '--no-cache'));
  syscope('index', cut);
  const cached = said(syscope('tiles', cut));
  assert.ok(passed && cached);
  assert.equal(passed, cached);
  const info = syscope('info', cut);
  assert.ok(info.stdout.includes(`  - ${passed.replace(/; the output covers only the events before it$/, '')}\n`), info.stdout);
});
