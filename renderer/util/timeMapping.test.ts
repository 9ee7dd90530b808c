import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowFromPixels, pixelsFromWindow, isWholeCapture } from './timeMapping';

const first = '1700000000000000000';
const last = '1700000010000000000';

test('a brushed pixel range maps to exact nanosecond strings', () => {
  assert.deepEqual(windowFromPixels(100, 300, 1000, first, last), { from: '1700000001000000000', to: '1700000003000000000' });
  assert.deepEqual(windowFromPixels(300, 100, 1000, first, last), { from: '1700000001000000000', to: '1700000003000000000' });
});

test('pixels outside the axis clamp to the capture', () => {
  assert.deepEqual(windowFromPixels(-50, 5000, 1000, first, last), { from: first, to: last });
});

test('a window maps back to the pixels it came from', () => {
  const [a, b] = pixelsFromWindow({ from: '1700000002500000000', to: '1700000005000000000' }, 800, first, last);
  assert.equal(a, 200);
  assert.equal(b, 400);
  assert.equal(isWholeCapture({ from: first, to: last }, first, last), true);
  assert.equal(isWholeCapture({ from: first, to: '1700000005000000000' }, first, last), false);
});
