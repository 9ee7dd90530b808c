/**
 * The URL and the screen agree in a real browser: browser Back returns to the previous
 * drill-down step (and Forward comes back), and an edited #open= opens the capture it names;
 * a reload then shows what the screen showed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const { h, out } = sharedHarness({ skip, open: samplePath, prepare: () => copyFileSync(samplePath, other) });
// A second capture to switch to: the sample under another name.
const other = join(out, 'other-capture.scap');

const crumbs = () => h.page.locator('nav[aria-label="Breadcrumb"] li').allInnerTexts();

test('browser Back returns to the previous drill-down step; Forward comes back', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Views' }).click();
  const procs = page.getByRole('grid', { name: 'Processes' });
  await procs.getByRole('row').nth(2).waitFor();
  await procs.getByRole('row').nth(2).dblclick();
  await page.getByRole('grid', { name: 'Threads' }).waitFor();
  assert.equal((await crumbs()).length, 3);

  await page.goBack();
  await procs.waitFor();
  assert.deepEqual(await crumbs(), ['Whole capture', 'Processes']);
  assert.doesNotMatch(page.url(), /proc\.pid/);

  await page.goForward();
  await page.getByRole('grid', { name: 'Threads' }).waitFor();
  assert.equal((await crumbs()).length, 3);

  await page.goBack();
  await page.goBack();
  await page.locator('[role=tab][aria-selected=true]', { hasText: 'Overview' }).waitFor({ timeout: 5000 });
  assert.match(await page.locator('.identity').innerText(), /crashloop-nginx\.scap/);
});

test('an edited #open= opens that capture, and a reload shows the same', { skip }, async () => {
  const { page } = h;
  await page.goto(`${h.host.url.split('#')[0]}#open=${encodeURIComponent(other)}&panel=views`);
  await page.locator('.identity', { hasText: 'other-capture.scap' }).waitFor({ timeout: 30_000 });
  await page.getByRole('grid', { name: 'Processes' }).waitFor();
  await page.reload();
  await page.locator('.identity', { hasText: 'other-capture.scap' }).waitFor({ timeout: 30_000 });
  await page.getByRole('grid', { name: 'Processes' }).waitFor();
  // Back to the entry before the edit: the sample again, as that entry says.
  await page.goBack();
  await page.locator('.identity', { hasText: 'crashloop-nginx.scap' }).waitFor({ timeout: 30_000 });
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});
