import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inUsersWords, warningsToShow, whereReadingStops } from './readingStops';

const gzipBreak = 'the gzip stream ends early or is damaged after 2221888 decompressed bytes (unexpected end of file); the events before it were read';
const cutInside = 'capture is cut off at byte 2221876, inside an EV block of 44 bytes (12 present); the 19456 events before it were read';
const other = '3 events have unknown ids';

test('a gzip break and the cut block it causes are listed once, the break first', () => {
  assert.deepEqual(warningsToShow([cutInside, other, gzipBreak]), [gzipBreak, other]);
  assert.deepEqual(warningsToShow([gzipBreak, cutInside]), [gzipBreak]);
  const older = 'compressed data ends early or is damaged after 2221888 decompressed bytes (unexpected end of file); everything before it was read';
  assert.deepEqual(warningsToShow([cutInside, older]), [older], 'the wording cached indexes may still hold');
});

test('a cut that a gzip break does not explain stays, first', () => {
  assert.deepEqual(warningsToShow([other, cutInside]), [cutInside, other]);
  const earlyBreak = gzipBreak.replace('2221888', '100');
  assert.deepEqual(warningsToShow([earlyBreak, cutInside]), [earlyBreak, cutInside]);
  assert.equal(whereReadingStops(warningsToShow([cutInside, gzipBreak])), gzipBreak);
  assert.deepEqual(warningsToShow([]), []);
});

test('a cut-off warning counts what was read as event blocks, internal events included, so it does not read as one event more than the lists show (QA 20)', () => {
  assert.equal(inUsersWords('capture is cut off at byte 99984, inside an EV_V2 block of 52 bytes (16 present); the 858 events before it were read'),
    "capture is cut off at byte 99984, inside an EV_V2 block of 52 bytes (16 present); the 858 event blocks before it were read (sysdig's internal events included)");
  assert.equal(inUsersWords('capture is cut off at byte 100, inside a block header; the 1 event before it was read'),
    "capture is cut off at byte 100, inside a block header; the 1 event block before it was read (sysdig's internal events included)");
  assert.equal(inUsersWords(gzipBreak), gzipBreak);
});
