/**
 * A link whose filter does not parse (QA 16): `#open=…&panel=events&filter=((proc.name%3Dnginx`
 * opened a blank Events grid, no header row, an empty timeline, and the parse error twice.
 * Now the Events tab lists the capture's events unfiltered, the bad filter waits in the box,
 * and its error is shown once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const { h } = sharedHarness({ skip });
const bad = '((proc.name=nginx';

test('a link with a filter that does not parse opens the unfiltered events, the filter in the box with its error once', { skip }, async () => {
  const { page } = h;
  await page.goto(`${h.host.url}#open=${encodeURIComponent(samplePath)}&panel=events&filter=${encodeURIComponent(bad)}`);
  const grid = page.getByRole('grid', { name: 'Events' });
  await grid.getByRole('row').nth(2).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#filter-input').inputValue(), bad);
  assert.equal(await page.locator('#filter-input').getAttribute('aria-invalid'), 'true');
  const shown = await page.locator('body').innerText();
  const error = await page.locator('#filter-error').innerText();
  assert.ok(error.length > 0);
  assert.equal(shown.split(error.split('\n')[0]).length - 1, 1, `the error is shown once: ${error}`);
  const names = await page.locator('.event-row [role=gridcell]:nth-child(4)').allInnerTexts();
  assert.ok(new Set(names).size > 1, `events of more than one process, unfiltered: ${[...new Set(names)].join(', ')}`);
  assert.deepEqual(h.pageErrors, []);
});
