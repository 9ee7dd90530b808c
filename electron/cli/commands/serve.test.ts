import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
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
