import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command } from './tree';

const dir = mkdtempSync(join(tmpdir(), 'syscope-tree-'));
process.env.SYSCOPE_CACHE_DIR = join(dir, 'cache');
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

async function printed(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const { log } = console;
  console.log = (...a: unknown[]) => { out.push(a.join(' ')); };
  try {
    assert.equal(await command.run(args), 0);
  } finally {
    console.log = log;
  }
  return out;
}

test('tree --containers writes the back-off between restarts as the app does (QA 18: "10.4s, 20.9s" beside the app\'s "10.44 s → 20.86 s")', async () => {
  await made;
  const groups = (await printed([sample, '--containers', '--json'])).map((l) => JSON.parse(l) as { record: string; backoffNs?: string[] })
    .filter((r) => r.record === 'restarts' && (r.backoffNs?.length ?? 0) > 0);
  assert.equal(groups.length, 1, 'the sample has one crash-looping container');
  const lines = (await printed([sample, '--containers'])).filter((l) => l.includes('back-off'));
  assert.equal(lines.length, 1);
  // The sample's nginx restarts after about 10, 20, 40, 80 and 160 seconds (kubelet's doubling back-off).
  assert.match(lines[0], /^ {4}back-off before each restart: \d+\.\d\d s → \d+\.\d\d s → \d+\.\d\d s → 1m \d+s → 2m \d+s$/);
  assert.equal(lines[0].split(': ')[1].split(' → ').length, groups[0].backoffNs!.length);
});
