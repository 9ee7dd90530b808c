import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../../engine/sample/crashloop';
import { command } from './dump';

const dir = mkdtempSync(join(tmpdir(), 'syscope-dump-'));
const sample = join(dir, 'sample.scap');
const made = writeCrashLoopSample(sample, {});

test('dump -p with a malformed format says so in one line and exits 2, printing no event (QA 20: 13,363 lines of "%")', async () => {
  await made;
  const said: string[] = [];
  const printed: string[] = [];
  const [error, write] = [console.error, process.stdout.write];
  console.error = (line: string) => { said.push(line); };
  process.stdout.write = ((chunk: string) => { printed.push(chunk); return true; }) as typeof process.stdout.write;
  try {
    for (const format of ['%', '%evt.num %', '%(evt.num']) {
      said.length = 0;
      assert.equal(await command.run([sample, '-p', format]), 2, format);
      assert.equal(said.length, 1, format);
      assert.match(said[0], /^syscope dump: -p '/);
    }
  } finally {
    console.error = error;
    process.stdout.write = write;
  }
  assert.deepEqual(printed, []);
});
