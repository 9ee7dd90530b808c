import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { EvidenceService } from '../../engine/evidence/evidenceService';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-events-cli-'));
const literally = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const syscope = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });

/** sysdig's time-of-day texts for a timestamp in UTC, worked out from the date alone. */
function timeTexts(ns: bigint): Record<string, string> {
  const iso = new Date(Number(ns / 1_000_000n)).toISOString(); // 2024-03-12T09:41:09.054Z
  const day = iso.slice(0, 10);
  const clock = iso.slice(11, 19);
  const nanos = (ns % 1_000_000_000n).toString().padStart(9, '0');
  return {
    'evt.time': `${clock}.${nanos}`, 'evt.time.s': clock, 'evt.time.iso8601': `${day}T${clock}.${nanos}+0000`,
    'evt.datetime': `${day} ${clock}.${nanos}`, 'evt.datetime.s': `${day} ${clock}`,
  };
}

test('the event detail reads its times as sysdig prints them; its --json keeps sysdig -j raw nanoseconds, as strings of digits', async () => {
  const sample = join(dir, 'sample.scap');
  await writeCrashLoopSample(sample);
  const evtNum = 105;
  const detail = await new EvidenceService(sample).eventDetail({ captureId: 'c', evtNum });
  const raw = BigInt(detail.fields['evt.rawtime'] as string);
  const expected = timeTexts(raw);
  for (const [name, text] of Object.entries(expected)) assert.equal(detail.fields[name], text, `the app's detail: ${name}`);

  const r = syscope('events', sample, '--detail', String(evtNum));
  assert.equal(r.status, 0, r.stderr);
  for (const [name, text] of Object.entries(expected)) assert.match(r.stdout, new RegExp(`^${literally(name)} +${literally(text)}$`, 'm'), `events --detail: ${name}`);

  const j = syscope('events', sample, '--detail', String(evtNum), '--json');
  assert.equal(j.status, 0, j.stderr);
  for (const name of [...Object.keys(expected), 'evt.rawtime']) {
    assert.match(j.stdout, new RegExp(`"${literally(name)}":"${raw}"[,}]`), `events --detail --json: ${name} as the raw number's digits`);
  }
});

test('events --json writes evt.rawtime as a string of digits that JSON readers keep whole', async () => {
  const sample = join(dir, 'sample.scap');
  await writeCrashLoopSample(sample);
  const r = syscope('events', sample, '--json', '--limit', '1', 'evt.num=105');
  assert.equal(r.status, 0, r.stderr);
  const row = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(typeof row['evt.rawtime'], 'string');
  assert.match(r.stdout, /"evt.rawtime":"\d{19}"/);
});
