import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../engine/evidence/commandLine';
import { command } from './sample';

test('sample refuses an output folder that does not exist, in the words write, report and export use, and creates nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-sample-'));
  const out = join(dir, 'no', 'such', 'x.scap');
  await assert.rejects(command.run(['-o', out]), (e) => e instanceof UsageError
    && e.message === `${out}: cannot write (the folder ${join(dir, 'no', 'such')} does not exist)`);
  assert.equal(existsSync(join(dir, 'no')), false);
  const made = join(dir, 'x.scap');
  assert.equal(await command.run(['-o', made]), 0);
  assert.ok(existsSync(made));
});
