import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWindowTime } from './windowTime';

const first = '1710236467250001837'; // 2024-03-12 09:41:07.250001837 UTC

test('a UTC date and time as the app shows it, to the nanosecond', () => {
  assert.deepEqual(parseWindowTime('2024-03-12 09:41:30.390000 UTC', first), { ns: '1710236490390000000' });
  assert.deepEqual(parseWindowTime('2024-03-12T09:41:30.123456789Z', first), { ns: '1710236490123456789' });
  assert.deepEqual(parseWindowTime('2024-03-12 09:41', first), { ns: '1710236460000000000' });
});

test('a time of day is on the capture\'s first day', () => {
  assert.deepEqual(parseWindowTime('09:41:30.39', first), { ns: '1710236490390000000' });
  assert.deepEqual(parseWindowTime('00:00:00', first), { ns: '1710201600000000000' });
});

test('an offset with its unit counts from the first event', () => {
  assert.deepEqual(parseWindowTime('60s', first), { ns: (BigInt(first) + 60_000_000_000n).toString() });
  assert.deepEqual(parseWindowTime('1.5s', first), { ns: (BigInt(first) + 1_500_000_000n).toString() });
  assert.deepEqual(parseWindowTime('+1500ms', first), { ns: (BigInt(first) + 1_500_000_000n).toString() });
  assert.deepEqual(parseWindowTime('2m', first), { ns: (BigInt(first) + 120_000_000_000n).toString() });
});

test('anything else is refused with one line saying what a time looks like', () => {
  for (const bad of ['', 'soon', '12.5', '25:00:00', '2024-13-01 00:00:00', '09:61']) {
    const r = parseWindowTime(bad, first);
    assert.ok('error' in r, bad);
    assert.ok(!r.error.includes('\n'));
  }
});

test('the fields take what the command line takes: epoch nanoseconds as evt.rawtime prints them (QA 19 item 11)', async () => {
  assert.deepEqual(parseWindowTime('1710236490390000000', first), { ns: '1710236490390000000' });
  assert.deepEqual(parseWindowTime('2024-03-12 09:41:30.39 UTC', first), { ns: '1710236490390000000' });
  const { WINDOW_FIELDS_HINT } = await import('../components/WindowFields');
  const { TIME_FORMS } = await import('../../shared/format/timeInput');
  assert.ok(WINDOW_FIELDS_HINT.includes(TIME_FORMS));
  const refused = parseWindowTime('soon', first);
  assert.ok('error' in refused && refused.error.includes(TIME_FORMS));
});
