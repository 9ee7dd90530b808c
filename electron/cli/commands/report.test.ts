import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'syscope-report-'));
const syscope = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });

test('report says what it wrote in words that agree with the counts ("1 step", not "1 steps")', () => {
  const sample = join(dir, 'sample.scap');
  assert.equal(syscope('sample', '-o', sample).status, 0);
  const findings = join(dir, 'findings.json');
  const step = { title: 'Processes', viewId: 'procs', trail: [], filter: '', tiles: [], note: '' };
  writeFileSync(findings, JSON.stringify({ format: 'syscope-findings', version: 1, steps: [step] }));
  const r = syscope('report', sample, findings, '-o', join(dir, 'r.html'));
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'r.html')));
  assert.match(r.stderr, /: 1 step, 0 pieces of evidence$/m);
});

test('report says what is wrong with a findings file in plain words, not in zod\'s', () => {
  const sample = join(dir, 'sample.scap');
  if (!existsSync(sample)) assert.equal(syscope('sample', '-o', sample).status, 0);
  const findings = join(dir, 'bad-sha.json');
  writeFileSync(findings, JSON.stringify({ format: 'syscope-findings', version: 1, capture: { fileName: 'x.scap', sha256: 'abc' } }));
  const r = syscope('report', sample, findings, '-o', join(dir, 'bad.html'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim(), `syscope report: ${findings}: not a findings file (capture.sha256 is not a SHA-256 (64 hex digits))`);
});

test('report on a capture cut off before its end writes the report for the readable part and exits 3, as the reading commands do (QA 20: exit 0)', () => {
  const sample = join(dir, 'sample.scap');
  if (!existsSync(sample)) assert.equal(syscope('sample', '-o', sample).status, 0);
  const cut = join(dir, 'cut.scap');
  writeFileSync(cut, readFileSync(sample).subarray(0, 100_000));
  const findings = join(dir, 'cut-findings.json');
  const step = { title: 'Processes', viewId: 'procs', trail: [], filter: '', tiles: [], note: '' };
  writeFileSync(findings, JSON.stringify({ format: 'syscope-findings', version: 1, steps: [step] }));
  const r = syscope('report', cut, findings, '-o', join(dir, 'cut.html'));
  assert.equal(r.status, 3, r.stderr);
  assert.ok(existsSync(join(dir, 'cut.html')));
  assert.match(r.stderr, /^syscope report: warning: Capture: capture is cut off at byte \d+/m);
  // The whole capture still exits 0.
  assert.equal(syscope('report', sample, findings, '-o', join(dir, 'whole.html')).status, 0);
});

test('the report names the capture by its file name in its commands, as its Capture section does, not by this machine\'s path (QA 20)', () => {
  const sample = join(dir, 'sample.scap');
  if (!existsSync(sample)) assert.equal(syscope('sample', '-o', sample).status, 0);
  const findings = join(dir, 'path-findings.json');
  const step = { title: 'Overview', viewId: 'overview', trail: [], filter: '', tiles: [], note: '' };
  writeFileSync(findings, JSON.stringify({ format: 'syscope-findings', version: 1, steps: [step], bookmarks: [{ kind: 'event', evtNum: 2, note: '' }] }));
  assert.equal(syscope('report', sample, findings, '-o', join(dir, 'path.html')).status, 0);
  const markdown = readFileSync(join(dir, 'path.md'), 'utf8');
  assert.match(markdown, /^syscope tiles sample\.scap$/m);
  assert.match(markdown, /^syscope dump sample\.scap evt\.num=2$/m);
  assert.ok(!markdown.includes(dir), 'no path of this machine');
});
