import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenFailure, parseServeArgs } from './serve';

test('serve takes an optional capture and a port', () => {
  assert.deepEqual(parseServeArgs([]), { port: 0 });
  assert.deepEqual(parseServeArgs(['a.scap', '--port', '8123']), { capture: 'a.scap', port: 8123 });
});

test('bad serve arguments are one-line errors', () => {
  assert.throws(() => parseServeArgs(['--port', 'x']), /--port needs a port number/);
  assert.throws(() => parseServeArgs(['--port', '70000']), /--port needs/);
  assert.throws(() => parseServeArgs(['--verbose']), /unknown option '--verbose'/);
  assert.throws(() => parseServeArgs(['a.scap', 'b.scap']), /one capture at a time/);
});

test('a port in use is said in words, with a free port to try instead', async () => {
  const taken = createServer();
  await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
  const port = (taken.address() as AddressInfo).port;
  try {
    const clash = createServer();
    const err = await new Promise<unknown>((done) => { clash.once('error', done); clash.listen(port, '127.0.0.1'); });
    const said = await listenFailure(err, port);
    const m = new RegExp(`^port ${port} is in use; try --port (\\d+)$`).exec((said as Error).message);
    assert.ok(m, (said as Error).message);
    const suggested = createServer();
    await new Promise<void>((done, fail) => { suggested.once('error', fail); suggested.listen(Number(m[1]), '127.0.0.1', done); });
    suggested.close();
    const other = new Error('something else');
    assert.equal(await listenFailure(other, port), other, 'other failures pass through');
  } finally {
    taken.close();
  }
});

test('serve refuses a file that is not a capture as the other commands do, instead of serving it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-serve-'));
  const empty = join(dir, 'empty.scap');
  writeFileSync(empty, '');
  const cli = fileURLToPath(new URL('../main.ts', import.meta.url));
  // Served, it would run until killed: the timeout turns that into a failure.
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'serve', empty, '--port', '0'], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim(), `syscope serve: ${empty}: empty file, not a scap capture`);
});
