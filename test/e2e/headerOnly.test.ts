/**
 * A capture cut after its header (the sample's first 100 bytes) has no timestamped event: the app
 * says so in the header and the timeline rather than showing 1970-01-01 and a 0 ns span (QA 14 A8).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { referenceSkip } from '../support/reference';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
const { h } = sharedHarness({
  skip, privateCopyOf: samplePath, copyName: 'hdr100.scap',
  prepare: (capture) => writeFileSync(capture, readFileSync(samplePath).subarray(0, 100)),
});

test('a header-only capture says it has no timestamped events, with no 1970 date', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const header = page.getByRole('banner', { name: 'Capture' }).or(page.locator('header.identity'));
  await header.first().getByText('no timestamped events').waitFor({ timeout: 30_000 });
  const text = await header.first().innerText();
  assert.doesNotMatch(text, /1970|\b0 ns\b/);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  assert.match(await timeline.innerText(), /No timestamped events/);
  assert.doesNotMatch(await timeline.innerText(), /00:00:00/);
  await h.shot('headeronly-01');
});
