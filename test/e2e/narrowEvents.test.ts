/**
 * At 1000 px (QA 16 R7, R8) the events list shows each event's time of day, type and arguments
 * beside the detail panel, and the capture header keeps its size, event count and span whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

test('at 1000 px the events list shows time, type and arguments, and the header its facts', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 860 });
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator('.event-row').nth(2).click();
  await page.locator('.event-detail .fields-table').waitFor();

  const grid = (await page.getByRole('grid', { name: 'Events' }).boundingBox())!;
  for (const name of ['time (UTC)', 'type', 'arguments']) {
    const box = (await page.getByRole('columnheader', { name, exact: true }).boundingBox())!;
    assert.ok(box.x + Math.min(box.width, 120) <= grid.x + grid.width, `${name} column on screen`);
  }
  const time = (await page.locator('.event-row').first().locator('[role=gridcell]').nth(1).innerText()).trim();
  assert.match(time, /^\d\d:\d\d:\d\d\.\d{9}$/);

  // Each fact of the header is shown whole, not cut with an ellipsis.
  const cut = await page.locator('.identity > .fact').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
  assert.deepEqual(cut, []);
  assert.equal(await page.locator('.identity > .fact').count(), 3);
  assert.ok(((await page.getByRole('button', { name: 'Close capture' }).boundingBox())!.x) < 1000, 'Close capture on screen');
  await h.shot('49-narrow-events');
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});

test('at 1000 px the event detail shows its values inside the panel, no number cut in two', { skip }, async () => {
  const { page } = h;
  const panel = (await page.locator('.event-detail').boundingBox())!;
  const overflow = await page.locator('.event-detail').evaluate((e) => e.scrollWidth - e.clientWidth);
  assert.ok(overflow <= 1, `the detail panel does not scroll sideways (${overflow} px)`);
  const rawtime = page.locator('.fields-table tr', { hasText: 'evt.rawtime' }).first().locator('td');
  const lines = await rawtime.evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  assert.equal(lines, 1, 'evt.rawtime on one line');
  const time = page.locator('.fields-table tr', { hasText: 'evt.outputtime' }).first().locator('td');
  assert.match((await time.innerText()).trim(), /^\d\d:\d\d:\d\d\.\d{9}$/, 'evt.outputtime whole on one line');
  assert.ok(panel.width < 360, `detail panel ${panel.width} px wide`);
  await h.shot('49-narrow-detail');
});

test('at 1000 px with the Findings drawer open the event detail stacks under the list, and no field name breaks inside a word (QA 19 item 12)', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.getByRole('button', { name: /^Findings/ }).click();
  await page.getByRole('complementary', { name: 'Findings' }).waitFor();
  await page.locator('.event-row').nth(2).click();
  await page.locator('.event-detail .fields-table').waitFor();
  const panel = (await page.locator('.event-detail').boundingBox())!;
  const list = (await page.locator('.events-list').boundingBox())!;
  assert.ok(panel.width >= 400, `detail panel ${panel.width} px wide`);
  assert.ok(panel.y >= list.y + list.height - 1, 'the detail sits under the list');
  // A name may wrap after a dot (each part is a span); a part on two lines was cut inside a word.
  const broken = await page.locator('.fields-table th').evaluateAll((ths) => ths.flatMap((th) => [...th.querySelectorAll('span')]
    .filter((part) => {
      const range = document.createRange();
      range.selectNodeContents(part);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
    }).map((part) => th.textContent)));
  assert.deepEqual(broken, []);
  await h.shot('49-narrow-detail-findings');
  await page.keyboard.press('Escape');
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});
