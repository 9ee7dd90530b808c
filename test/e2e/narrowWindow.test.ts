/**
 * The layout follows the window both ways: after shrinking a window that was opened wide, every
 * control still fits (no page-wide horizontal scroll, the filter's Apply, the header's buttons,
 * the Find box and the event detail on screen), as after a reload at the narrow size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

async function rightEdge(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  assert.ok(box, 'the control is laid out');
  return box.x + box.width;
}

test('shrinking the window shrinks the layout: the timeline follows and the controls stay on screen', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.locator('.timeline-chart .axis .tick').first().waitFor();
  assert.equal(await pageWidth(page), 1360);

  await page.setViewportSize({ width: 1024, height: 700 });
  // The timeline re-measures on resize; give its observer a frame or two.
  await page.waitForFunction(() => Number(document.querySelector('.timeline-chart')?.getAttribute('width')) <= 1024);
  assert.equal(await pageWidth(page), 1024, 'no horizontal scroll of the whole page');
  assert.ok(await rightEdge(page.getByRole('button', { name: 'Apply' })) <= 1024, 'Apply on screen');
  assert.ok(await rightEdge(page.getByRole('button', { name: 'Close capture' })) <= 1024, 'Close capture on screen');

  await page.getByRole('tab', { name: 'Views' }).click();
  await page.getByRole('grid').first().waitFor();
  assert.equal(await pageWidth(page), 1024);
  assert.ok(await rightEdge(page.getByLabel('Find', { exact: true })) <= 1024, 'Find on screen');

  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator('.event-row').nth(2).click();
  await page.locator('.event-detail .fields-table').waitFor();
  assert.equal(await pageWidth(page), 1024);
  assert.ok(await rightEdge(page.locator('.event-detail')) <= 1024, 'event detail on screen');
  await h.shot('40-narrow-after-shrink');

  // And back: growing the window again widens the timeline.
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.waitForFunction(() => Number(document.querySelector('.timeline-chart')?.getAttribute('width')) > 1200);
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});
