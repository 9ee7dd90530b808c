import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../engine/sample/crashloop';
import { captureProblemLine, inputFileProblem, InputFileError, requireCaptureOpens } from './inputFile';

test('a reader naming the capture by its base name is reworded to name the path as typed, once', () => {
  assert.equal(captureProblemLine('x.scap: empty file, not a scap capture', '/tmp/d/x.scap'), '/tmp/d/x.scap: empty file, not a scap capture');
  assert.equal(captureProblemLine('/tmp/d/x.scap: file ends early', '/tmp/d/x.scap'), '/tmp/d/x.scap: file ends early');
  assert.equal(captureProblemLine('x.scap: cannot open capture: permission denied', 'x.scap'), 'x.scap: permission denied');
  assert.equal(captureProblemLine("view 'procs' has no column 'NOPE'", '/tmp/d/x.scap'), "view 'procs' has no column 'NOPE'", 'other failures are left alone');
  assert.equal(captureProblemLine('a\nb', undefined), 'a');
});

test('a file that cannot be read as a capture is named for what it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-input-'));
  const file = join(dir, 'a.scap');
  writeFileSync(file, 'x');
  assert.equal(inputFileProblem(file, 'capture file'), undefined);
  assert.equal(inputFileProblem(join(dir, 'none.scap'), 'capture file'), 'no such file');
  assert.equal(inputFileProblem(join(file, 'below'), 'capture file'), 'no such file', 'a file where a folder was expected');
  assert.equal(inputFileProblem(dir, 'findings file'), 'is a directory, not a findings file');
  assert.equal(inputFileProblem('/dev/null', 'capture file'), 'not a regular file, not a capture file');
});

test('a file that does not begin as a capture is refused in the reader\'s words, before anything is served', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-opens-'));
  const empty = join(dir, 'empty.scap');
  writeFileSync(empty, '');
  const text = join(dir, 'notes.scap');
  writeFileSync(text, 'hello world\n');
  await assert.rejects(requireCaptureOpens(empty), (e) => e instanceof InputFileError && e.message === `${empty}: empty file, not a scap capture`);
  await assert.rejects(requireCaptureOpens(text), (e) => e instanceof InputFileError && /^\S+notes\.scap: not a scap capture \(starts with bytes 68 65 6c 6c/.test(e.message));
  await assert.rejects(requireCaptureOpens(join(dir, 'none.scap')), /none\.scap: no such file$/);
  const sample = join(dir, 'sample.scap');
  await writeCrashLoopSample(sample, { gzip: true });
  await requireCaptureOpens(sample);
});
