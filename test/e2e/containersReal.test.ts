/**
 * The Containers view on a real capture at 1360 px (QA 15 B2): on bencer_capture both IMAGE and
 * NAME hold long names, and the table used to be 56 px wider than its room, NAME's kept ending
 * past the window's edge with nothing saying so. Either every NAME's ending is on screen, or the
 * columns cut off on the right are announced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { e2eSkip, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
const { h } = sharedHarness({ skip, open: join(capturesDir, 'bencer_capture.scap') });

test('on bencer_capture at 1360 px, every container NAME ends on screen, or the cut columns are announced', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('tab', { name: 'Views' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'Containers', exact: true }).click();
  const containers = page.getByRole('grid', { name: 'Containers' });
  await containers.getByRole('row').nth(2).waitFor({ timeout: 60_000 });
  // Let the widths measured from the rows settle.
  await page.waitForTimeout(300);
  const grid = (await containers.boundingBox())!;
  const right = grid.x + (await containers.evaluate((el) => el.clientWidth));
  const name = (await containers.getByRole('columnheader', { name: 'NAME' }).boundingBox())!;
  const announced = await page.getByRole('button', { name: /more columns? →/ }).count();
  await h.shot('44-containers-bencer');
  if (announced) return;
  assert.ok(name.x + name.width <= right + 1, `NAME ends at ${name.x + name.width}, past the edge ${right}, and no column is announced`);
  const names = containers.getByRole('row').filter({ has: page.getByRole('gridcell') }).locator('[role=gridcell]:last-child');
  const n = await names.count();
  assert.ok(n >= 5, `${n} container rows`);
  for (let i = 0; i < n; i++) {
    const shown = await names.nth(i).evaluate((el, edge) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) if ((t as Text).length) last = t as Text;
      const range = document.createRange();
      range.setStart(last!, last!.length - 1);
      range.setEnd(last!, last!.length);
      const end = range.getBoundingClientRect();
      return { text: el.textContent ?? '', inside: end.width > 0 && end.right <= Math.min(edge, el.getBoundingClientRect().right) + 0.5 };
    }, right);
    assert.ok(shown.inside, `the end of "${shown.text}" is on screen`);
  }
});
