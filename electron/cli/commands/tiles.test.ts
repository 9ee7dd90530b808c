import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command } from './tiles';

const dir = mkdtempSync(join(tmpdir(), 'syscope-tiles-'));
process.env.SYSCOPE_CACHE_DIR = join(dir, 'cache');
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

async function printed(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (line: string) => { lines.push(line); };
  try { assert.equal(await command.run(args), 0); } finally { console.log = log; }
  return lines;
}

test('tiles under --filter marks Running Containers as not narrowed by it, and only under a filter (QA 20: "9" beside 0 system calls)', async () => {
  await made;
  const containers = (lines: string[]) => lines.find((l) => l.trim().startsWith('Running Containers'));
  assert.match(containers(await printed([sample, '--filter', 'proc.name=doesnotexist'])) ?? '', /\(not narrowed by --filter\)$/);
  assert.doesNotMatch(containers(await printed([sample])) ?? '', /not narrowed/);
  const syscalls = (await printed([sample, '--filter', 'proc.name=doesnotexist'])).find((l) => l.trim().startsWith('System Calls'));
  assert.doesNotMatch(syscalls ?? '', /not narrowed/);
});
