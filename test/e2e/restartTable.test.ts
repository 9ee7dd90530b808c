/**
 * The Processes tab's Restarting containers table at 1000 px beside the open Findings drawer:
 * its Back-off column (the story's exponential back-off) lies within the panel, with no sideways
 * scroll, and no delay is split between its number and its unit (QA H79: the table borrowed the
 * event fields' fixed 12em columns and Back-off lay beyond the panel's edge).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, openBesideFindings, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const { h } = sharedHarness({ skip, open: samplePath });

test('at 1000 px beside the open Findings drawer the Restarting containers table shows its Back-off within the panel, each delay whole', { skip }, async () => {
  const { page } = h;
  try {
    await openBesideFindings(page, h.host.url, { width: 1000, height: 760 });
    await page.getByRole('tab', { name: 'Processes' }).click();
    const table = page.getByRole('region', { name: 'Restarting containers' }).getByRole('table');
    await table.waitFor({ timeout: 30_000 });
    await h.shot('restart-table-1000-findings');
    const panel = await page.locator('.tree-panel').evaluate((el) => ({ right: el.getBoundingClientRect().right, scrolls: el.scrollWidth > el.clientWidth + 1 }));
    assert.ok(!panel.scrolls, 'the Processes tab does not scroll sideways');
    const backoff = table.getByRole('columnheader', { name: 'Back-off' });
    const header = await backoff.boundingBox();
    assert.ok(header && header.x + header.width <= panel.right + 1, `Back-off ends at ${header && (header.x + header.width).toFixed(0)}, the panel at ${panel.right.toFixed(0)}`);
    const cell = table.getByRole('row').nth(1).getByRole('cell').nth(4);
    assert.match((await cell.innerText()).replace(/\s+/g, ' '), /\d s → \d/);
    // Each delay ("40.78 s") is on one line: its text's boxes share one top.
    const delays = await cell.evaluate((td) => Array.from(td.querySelectorAll('span')).map((span) => {
      const r = document.createRange();
      r.selectNodeContents(span);
      return { text: span.textContent ?? '', lines: new Set(Array.from(r.getClientRects()).filter((b) => b.width > 0).map((b) => Math.round(b.top))).size };
    }));
    assert.ok(delays.length >= 2, `${delays.length} delays`);
    const split = delays.filter((d) => d.lines > 1).map((d) => d.text);
    assert.deepEqual(split, [], 'no delay wraps inside');
  } finally {
    const close = page.getByRole('button', { name: 'Close findings' });
    if (await close.count() > 0) await close.click();
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
