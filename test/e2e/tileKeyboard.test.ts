/**
 * The story's keyboard walk to Container Deaths → (QA 16 R9: 70 Tab presses): the tiles are one
 * Tab stop, PgDn reaches the Infrastructure category and → the tile's drill.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

test('from the first tile, Container Deaths → is a few keys away and Tab leaves the tiles at once', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.activeElement?.classList.contains('tile-main'), undefined, { timeout: 30_000 });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
  const section = () => page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-label'));

  let presses = 0;
  while ((await section()) !== 'Infrastructure' && presses < 12) { await page.keyboard.press('PageDown'); presses++; }
  while ((await focused()) !== 'Open Container Deaths in a view' && presses < 30) { await page.keyboard.press('ArrowRight'); presses++; }
  assert.equal(await focused(), 'Open Container Deaths in a view');
  assert.ok(presses <= 15, `${presses} key presses from the first tile`);
  console.log(`# Container Deaths → reached in ${presses} key presses from the first tile`);

  // One Tab leaves the tile grid.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-tile-control')), false);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 'Open Container Deaths in a view', 'Shift+Tab comes back to the tile last focused');

  await page.keyboard.press('Enter');
  await page.getByRole('grid', { name: 'Containers' }).waitFor({ timeout: 30_000 });
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});
