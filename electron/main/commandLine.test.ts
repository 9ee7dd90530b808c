import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureFromArgv } from './commandLine';

const dir = mkdtempSync(join(tmpdir(), 'syscope-argv-'));
writeFileSync(join(dir, 'cap.scap'), '');

test('the first existing file after the app path is the capture, flags skipped', () => {
  assert.equal(captureFromArgv(['electron', '.', '--inspect', 'cap.scap'], dir, false), join(dir, 'cap.scap'));
  assert.equal(captureFromArgv(['syscope', '--no-sandbox', join(dir, 'cap.scap')], '/', true), join(dir, 'cap.scap'));
});

test('no argument, a missing file or a directory opens nothing', () => {
  assert.equal(captureFromArgv(['electron', '.'], dir, false), null);
  assert.equal(captureFromArgv(['electron', '.', 'missing.scap'], dir, false), null);
  assert.equal(captureFromArgv(['syscope', dir], dir, true), null);
});
