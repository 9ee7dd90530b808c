import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { emptyCaptureProblem, HOLDS_NO_EVENTS } from './emptyCapture';
import { isEventBlock } from '../engine/capture/blockTypes';

const cli = fileURLToPath(new URL('./main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-empty-'));
const syscope = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });

const sample = join(dir, 'sample.scap');
const headerOnly = join(dir, 'header-only.scap');
const cutInMachineInfo = join(dir, 'cut-in-mi.scap');
const machineInfoOnly = join(dir, 'machine-info-only.scap');
const tablesOnly = join(dir, 'tables-only.scap');
const made = writeCrashLoopSample(sample, {}).then(() => {
  const bytes = readFileSync(sample);
  const shbLength = bytes.readUInt32LE(4);
  writeFileSync(headerOnly, bytes.subarray(0, shbLength));
  writeFileSync(cutInMachineInfo, bytes.subarray(0, shbLength + 72));
  writeFileSync(machineInfoOnly, bytes.subarray(0, shbLength + bytes.readUInt32LE(shbLength + 4)));
  // Every block before the first event block (blocks are type, length, body, length).
  let at = 0;
  while (!isEventBlock(bytes.readUInt32LE(at))) at += bytes.readUInt32LE(at + 4);
  writeFileSync(tablesOnly, bytes.subarray(0, at));
});

test('a capture that ends cleanly before its first event block is told apart from a whole one and from one cut inside a block', async () => {
  await made;
  assert.equal(await emptyCaptureProblem(headerOnly), HOLDS_NO_EVENTS);
  // QA 17: with its machine-info block, and with its initial tables too, it still holds no event (sysdig: "no events in file").
  assert.equal(await emptyCaptureProblem(machineInfoOnly), HOLDS_NO_EVENTS);
  assert.equal(await emptyCaptureProblem(tablesOnly), HOLDS_NO_EVENTS);
  assert.equal(await emptyCaptureProblem(sample), undefined);
  // Cut off: the reader's warning and exit 3 tell that one (captureDamage.ts).
  assert.equal(await emptyCaptureProblem(cutInMachineInfo), undefined);
});

test('every reading command refuses a capture of only its section header with one line saying it holds no events, exit 1, nothing on stdout; info describes it and says so on stderr', async () => {
  await made;
  const out = join(dir, 'out');
  const runs: Array<[string, string[]]> = [
    ['count', []], ['tiles', []], ['view', ['procs']], ['tree', []], ['events', []], ['streams', []], ['dump', []],
    ['index', ['--no-cache']], ['export', ['events', '-o', `${out}.csv`]], ['write', ['-o', `${out}.scap`]],
  ];
  for (const [name, rest] of runs) {
    const r = syscope(name, headerOnly, ...rest);
    assert.equal(r.status, 1, name);
    assert.equal(r.stdout, '', name);
    assert.equal(r.stderr, `syscope ${name}: ${headerOnly}: ${HOLDS_NO_EVENTS}\n`, name);
  }
  const info = syscope('info', headerOnly);
  assert.equal(info.status, 0);
  assert.match(info.stdout, /^events: +0$/m);
  assert.equal(info.stderr, `syscope info: warning: ${headerOnly}: ${HOLDS_NO_EVENTS}\n`);
});
