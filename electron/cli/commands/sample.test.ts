import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../engine/evidence/commandLine';
import { captureCensus } from '../../engine/capture/captureCensus';
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

test('sample says the events and time span that info and the app say for the file it wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-sample-'));
  const made = join(dir, 'x.scap');
  const said: string[] = [];
  const { log } = console;
  console.log = (...a: unknown[]) => { said.push(a.join(' ')); };
  try {
    assert.equal(await command.run(['-o', made]), 0);
  } finally {
    console.log = log;
  }
  const c = await captureCensus(made);
  const span = (Number(c.printedLastTs! - c.printedFirstTs!) / 1e9).toFixed(3);
  assert.match(said[0], new RegExp(`^wrote ${made.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${c.printedEvents} events, \\d+ containers, ${span.replace('.', '\\.')} s of capture \\(\\d+ ms\\)$`));
});
