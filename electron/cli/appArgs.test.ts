// The `npm start` launcher (bin/syscope-app.mjs) reads its words with bin/appArgs.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppUsageError, parseAppArgs } from '../../bin/appArgs.mjs';

test('npm start reads the word after --port as the port, never as a capture', () => {
  assert.deepEqual(parseAppArgs(['--port', '7958']), { help: false, port: '7958' });
  assert.deepEqual(parseAppArgs(['-p', '7958', 'x.scap']), { help: false, port: '7958', capture: 'x.scap' });
  assert.deepEqual(parseAppArgs(['x.scap', '--port=0']), { help: false, port: '0', capture: 'x.scap' });
  assert.deepEqual(parseAppArgs([]), { help: false });
  assert.throws(() => parseAppArgs(['--port']), (e) => e instanceof AppUsageError && e.message === '--port needs a port number');
  assert.throws(() => parseAppArgs(['a.scap', 'b.scap']), /one capture at a time/);
});

test('npm start refuses an unknown option in one line with exit 2', () => {
  assert.throws(() => parseAppArgs(['--prot', '7958']), (e) => e instanceof AppUsageError && e.message === "unknown option '--prot'");
  const launcher = fileURLToPath(new URL('../../bin/syscope-app.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [launcher, '--prot', '7958'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^syscope: unknown option '--prot' \(usage: npm start -- \[capture\.scap\] \[--port N\].*\)\n$/);
});

test('npm start refuses a port that is not a number in one line with exit 2, before saying anything of Electron (QA 19)', () => {
  for (const bad of [['--port', 'abc'], ['-p', '70000'], ['--port=1.5'], ['--port=']]) {
    assert.throws(() => parseAppArgs(bad), AppUsageError, bad.join(' '));
  }
  assert.throws(() => parseAppArgs(['--port', 'abc']), (e) => e instanceof AppUsageError && e.message === "--port needs a port number (0-65535), got 'abc'");
  const launcher = fileURLToPath(new URL('../../bin/syscope-app.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [launcher, '--port', 'abc'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^syscope: --port needs a port number \(0-65535\), got 'abc' \(usage: npm start -- .*\)\n$/);
});
