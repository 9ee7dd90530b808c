import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mostTellingFirst } from './captureWarnings';
import { saysReadingStops } from '../../shared/scap/readingStops';

const skipped = 'event block at offset 812 is malformed (bad params); the rest of that block was skipped';
const trailer = '3 event blocks have a trailer that disagrees with their length (events read anyway)';
const stopped = 'event block at offset 90120 says it is 4096 bytes long but its trailer says 12; the rest of the capture was not read';

describe('the order of a capture\'s warnings', () => {
  it('puts the warning that says where reading stopped first, the others in the reader\'s order', () => {
    assert.deepEqual(mostTellingFirst([skipped, trailer, stopped]), [stopped, skipped, trailer]);
  });

  it('says a gzip break once, without the cut-off it causes', () => {
    const cut = 'capture is cut off at byte 4990, inside an EV block; the 12 events before it were read';
    const gzip = 'the gzip stream ends early or is damaged after 5000 decompressed bytes (unexpected end of file); the events before it were read';
    assert.deepEqual(mostTellingFirst([skipped, cut, gzip]), [gzip, skipped]);
  });

  it('knows each wording the reader uses for a capture it stops reading', () => {
    for (const w of [
      stopped,
      'block at offset 77 has an impossible length 3; the rest of the capture cannot be located and was not read',
      'capture is cut off at byte 100, inside a block header; the 0 events before it were read',
      'compressed data ends early or is damaged after 5000 decompressed bytes (unexpected end of file); everything before it was read',
      'the gzip stream ends early or is damaged after 300 bytes',
      'a later section cannot be read: bad magic; reading stopped there',
    ]) assert.ok(saysReadingStops(w), w);
  });

  it('does not take a skipped block or event for the end of reading', () => {
    assert.equal(saysReadingStops(skipped), false);
    assert.equal(saysReadingStops(trailer), false);
  });
});
