import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RecentParses } from './recentParses';

const text = (b: Uint8Array) => ({ text: Buffer.from(b).toString() });

test('the same bytes give the same parsed object while remembered, and are parsed again once forgotten', () => {
  let parses = 0;
  const recent = new RecentParses((b) => { parses++; return text(b); }, 2);
  const a = recent.of(Buffer.from('alpha'));
  assert.equal(recent.of(Buffer.from('alpha')), a);
  assert.equal(parses, 1);
  assert.deepEqual(recent.of(Buffer.from('alphb')), { text: 'alphb' }); // same length, other bytes
  recent.of(Buffer.from('gamma')); // a third distinct string pushes out the oldest
  assert.notEqual(recent.of(Buffer.from('alpha')), a);
  assert.deepEqual(recent.of(Buffer.from('alpha')), a);
  assert.equal(parses, 4);
});

test('remembered bytes are a copy: a reused buffer does not change what they match', () => {
  const recent = new RecentParses(text, 4);
  const chunk = Buffer.from('xxabcxx');
  const first = recent.of(chunk.subarray(2, 5));
  chunk.write('zzz', 2);
  assert.deepEqual(recent.of(chunk.subarray(2, 5)), { text: 'zzz' });
  assert.equal(recent.of(Buffer.from('abc')), first);
});
