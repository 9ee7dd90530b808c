// Runs the test suites with Node's own test runner (TypeScript through tsx).
//   node test/run-tests.mjs            every suite: unit, reference, e2e
//   node test/run-tests.mjs unit       only the given suite(s)
// Unit tests sit beside the code (*.test.ts under electron/, shared/, renderer/);
// reference tests (against sysdig and the real captures) live in test/reference,
// end-to-end tests (Chromium driving the real renderer and engine) in test/e2e.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const suites = {
  unit: ['electron', 'shared', 'renderer', 'build'],
  reference: ['test/reference'],
  e2e: ['test/e2e'],
};

function findTests(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = wanted.length ? wanted : Object.keys(suites);
const files = [];
for (const s of chosen) {
  if (!suites[s]) { console.error(`unknown suite '${s}' (have: ${Object.keys(suites).join(', ')})`); process.exit(2); }
  for (const d of suites[s]) findTests(join(root, d), files);
}
if (files.length === 0) { console.error('no test files found'); process.exit(1); }
console.log(`running ${files.length} test files: ${chosen.join(', ')}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec',
  '--test-concurrency=2', ...files.map((f) => relative(root, f))], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
