import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseServeArgs } from './serve';

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
