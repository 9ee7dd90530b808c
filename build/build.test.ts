import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

test('the build prints no warning, and the Electron bundles get their own URL for import.meta (QA 20: three "import.meta is not available" warnings every build)', () => {
  const r = spawnSync(process.execPath, ['build/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr + r.stdout, /warning|import\.meta/i);
  const main = readFileSync(`${root}dist/electron/main.cjs`, 'utf8');
  assert.match(main.split('\n')[0], /pathToFileURL\(__filename\)/);
  assert.doesNotMatch(main, /import_meta = \{\}/);
});
