import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { engineResolver } from '../api/engineResolver';
import { buildIndex } from './buildIndex';
import { fileIdentity } from './cache';
import { scanCapture, scanRows } from './scanCapture';

let dir = '';
let path = '';
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'syscope-scan-'));
  path = join(dir, 'sample.scap');
  await writeCrashLoopSample(path);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The file offset of each row, by the row number scanCapture gives it. */
async function numberedOffsets(): Promise<number[]> {
  const out: number[] = [];
  await scanCapture(path, (ctx, row) => { out[row] = ctx.ev.fileOffset; });
  return out;
}

test('an unnumbered pass hands out the rows a numbered pass numbers, in that order', async () => {
  const numbered = await numberedOffsets();
  const unnumbered: number[] = [];
  await scanRows(path, (ctx) => { unnumbered.push(ctx.ev.fileOffset); });
  assert.ok(numbered.length > 100);
  assert.deepEqual(unnumbered, numbered);
});

test('the index numbers its rows as a filter re-scan numbers them', async () => {
  const numbered = await numberedOffsets();
  const index = await buildIndex(path, fileIdentity(path), { resolver: engineResolver() });
  assert.equal(index.events, numbered.length);
  assert.deepEqual([...index.cols.offset], numbered);
});
