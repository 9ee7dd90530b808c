import { test } from 'node:test';
import assert from 'node:assert/strict';
import { choiceOption, intOption, parseCommandLine, UsageError } from './commandLine';

test('the first word is the capture and the other words make the filter', () => {
  const p = parseCommandLine(['x.scap', 'proc.name', '=', 'nginx', '--limit', '5', '--json'], ['limit'], ['json']);
  assert.equal(p.capture, 'x.scap');
  assert.equal(p.filter, 'proc.name = nginx');
  assert.equal(intOption(p, 'limit', 100), 5);
  assert.equal(p.options.get('json'), true);
});

test('--name=value works, and words after -- belong to the filter', () => {
  const p = parseCommandLine(['x.scap', '--mode=hex', '--', 'evt.buffer', 'contains', '--x'], ['mode'], []);
  assert.equal(choiceOption(p, 'mode', ['dotted', 'hex'] as const, 'dotted'), 'hex');
  assert.equal(p.filter, 'evt.buffer contains --x');
});

test('mistakes are one-line usage errors', () => {
  assert.throws(() => parseCommandLine([], [], []), UsageError);
  assert.throws(() => parseCommandLine(['x', '--bogus'], [], []), /unknown option '--bogus'/);
  assert.throws(() => parseCommandLine(['x', '--limit'], ['limit'], []), /needs a value/);
  assert.throws(() => intOption(parseCommandLine(['x', '--limit', '-3'], ['limit'], []), 'limit', 1), /non-negative integer/);
  assert.throws(() => choiceOption(parseCommandLine(['x', '--mode', 'b'], ['mode'], []), 'mode', ['a'] as const, 'a'), /one of a/);
});

test('parseTimeOrOffset reads every form the app\'s Set window… reads: an offset, epoch nanoseconds, a UTC date and time, a time of day', async () => {
  const { parseTimeOrOffset } = await import('./commandLine');
  assert.deepEqual(parseTimeOrOffset('60s', 'from'), { kind: 'offset', ns: 60_000_000_000n });
  assert.deepEqual(parseTimeOrOffset('+12.5s', 'from'), { kind: 'offset', ns: 12_500_000_000n });
  assert.deepEqual(parseTimeOrOffset('1500ms', 'from'), { kind: 'offset', ns: 1_500_000_000n });
  assert.deepEqual(parseTimeOrOffset('2m', 'from'), { kind: 'offset', ns: 120_000_000_000n });
  assert.deepEqual(parseTimeOrOffset('60', 'from'), { kind: 'epoch', ns: 60n });
  assert.deepEqual(parseTimeOrOffset('1710236490390000000', 'from'), { kind: 'epoch', ns: 1710236490390000000n });
  assert.deepEqual(parseTimeOrOffset('2024-03-12T09:41:09.5Z', 'from'), { kind: 'epoch', ns: 1710236469500000000n });
  assert.deepEqual(parseTimeOrOffset('2024-03-12 09:41:09.5 UTC', 'from'), { kind: 'epoch', ns: 1710236469500000000n });
  assert.deepEqual(parseTimeOrOffset('09:41:30.5', 'from'), { kind: 'timeOfDay', ns: 34_890_500_000_000n });
  assert.throws(() => parseTimeOrOffset('60x', 'from'), /--from must be .*2024-03-12T09:41:09\.5Z.*time of day .*09:41:30\.5.*offset from the capture's first event/);
  assert.throws(() => parseTimeOrOffset('25:00', 'to'), /^UsageError: --to: '25:00' is not a valid time of day$/);
});
