/**
 * At 1000 px beside the open Findings drawer the events list fits its panel (QA H79): its
 * arguments column needed 16 rem, ran past the panel's edge with no ellipsis, and process, tid
 * and cpu sat beyond it behind a sideways scroll. Now the arguments are cut with an ellipsis,
 * whole in their tooltip with the columns that had no room.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, openBesideFindings, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

test('at 1000 px beside the open Findings drawer the events list fits its panel, the arguments cut and whole in their tooltip', { skip }, async () => {
  const { page } = h;
  try {
    const drawer = await openBesideFindings(page, h.host.url, { width: 1000, height: 800 });
    await page.getByRole('tab', { name: 'Events' }).click();
    const list = page.getByRole('grid', { name: 'Events' });
    await list.locator('.event-row').nth(5).waitFor();
    await page.waitForTimeout(200);
    const edge = Math.min((await drawer.boundingBox())!.x, ...[(await list.boundingBox())!].map((b) => b.x + b.width));
    await h.shot('events-1000-findings');

    assert.ok(await list.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the list does not scroll sideways');
    const headers = await list.getByRole('columnheader').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', right: e.getBoundingClientRect().right })));
    for (const hd of headers) assert.ok(hd.right <= edge + 1, `the ${hd.text} column ends at ${hd.right.toFixed(0)}, within the panel (${edge.toFixed(0)})`);
    assert.ok(headers.some((hd) => hd.text === 'arguments'), headers.map((hd) => hd.text).join(' | '));

    const at = headers.findIndex((hd) => hd.text === 'arguments');
    const cells = await list.locator('.event-row').evaluateAll((rows, k) => rows.map((row) => {
      const cell = row.querySelectorAll('[role=gridcell]')[k] as HTMLElement;
      return { text: cell.textContent ?? '', title: cell.title, cut: cell.scrollWidth > cell.clientWidth, ellipsis: getComputedStyle(cell).textOverflow, right: cell.getBoundingClientRect().right };
    }), at);
    const cut = cells.filter((c) => c.cut);
    assert.ok(cut.length > 0, 'some arguments are too long for the panel');
    for (const c of cells) {
      assert.ok(c.right <= edge + 1, `an arguments cell ends at ${c.right.toFixed(0)}, past the panel (${edge.toFixed(0)})`);
      if (c.text) assert.equal(c.title.split('\n')[0], c.text, 'the tooltip has the whole arguments');
    }
    for (const c of cut) assert.equal(c.ellipsis, 'ellipsis');
    // The process, which had no room, is named in the tooltip.
    assert.ok(cells.every((c) => /(^|\n)process \S/.test(c.title)), cells.map((c) => c.title).slice(0, 3).join(' / '));
    // The arguments' header says where the columns without room went.
    const argsTitle = (await list.getByRole('columnheader', { name: 'arguments', exact: true }).getAttribute('title')) ?? '';
    assert.match(argsTitle, /process, tid, cpu: no room here/);
    await page.getByRole('button', { name: 'Close findings' }).click();
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
