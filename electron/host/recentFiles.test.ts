import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recentFiles } from './recentFiles';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-recent-'));
  const files = ['a', 'b', 'c', 'd'].map((n) => { const p = join(dir, `${n}.scap`); writeFileSync(p, ''); return p; });
  return { dir, files, store: join(dir, 'cfg', 'recent.json') };
}

test('the latest opened capture comes first and appears once', () => {
  const { files, store } = setup();
  const recent = recentFiles(store);
  recent.remember(files[0]);
  recent.remember(files[1]);
  recent.remember(files[0]);
  assert.deepEqual(recent.list(), [files[0], files[1]]);
});

test('the list keeps at most the limit', () => {
  const { files, store } = setup();
  const recent = recentFiles(store, 3);
  for (const f of files) recent.remember(f);
  assert.deepEqual(recent.list(), [files[3], files[2], files[1]]);
});

test('captures that were deleted are not offered', () => {
  const { files, store } = setup();
  const recent = recentFiles(store);
  recent.remember(files[0]);
  recent.remember(files[1]);
  rmSync(files[1]);
  assert.deepEqual(recent.list(), [files[0]]);
});

test('a damaged store reads as an empty list and is repaired on the next open', () => {
  const { files, store, dir } = setup();
  const recent = recentFiles(join(dir, 'r.json'));
  writeFileSync(join(dir, 'r.json'), '{not json');
  assert.deepEqual(recent.list(), []);
  recent.remember(files[2]);
  assert.deepEqual(recent.list(), [files[2]]);
  assert.deepEqual(recentFiles(store).list(), []);
});
