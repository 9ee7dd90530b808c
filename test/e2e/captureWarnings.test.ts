/**
 * A damaged capture's warnings can be read without hovering (QA 14 B): on a private copy of the
 * sample cut off at 60%, the header's warning count is a button; Enter or a click opens the list,
 * where the warning saying where reading stopped comes first, and Esc closes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { e2eSkip, samplePath, sharedHarness } from './harness';
import { escapeMarkdown } from '../../shared/findings/escape';

const skip = e2eSkip();
const downloads: Download[] = [];
const { h, out } = sharedHarness({
  skip, privateCopyOf: samplePath, copyName: 'cut-off.scap',
  prepare: (capture) => { const bytes = readFileSync(samplePath); writeFileSync(capture, bytes.subarray(0, Math.floor(bytes.length * 0.6))); },
  started: (harness) => harness.page.on('download', (d) => downloads.push(d)),
});

/** Where reading stops, in the user's words: the reader counts event blocks, sysdig's internal ones among them. */
const cutOffInUsersWords = /^capture is cut off at byte \d+, inside an? [\w ]+; the \d+ event blocks? before it (?:were|was) read \(sysdig's internal events included\)$/;

test('the warnings of a cut-off capture open as a list by keyboard and by click, where reading stopped first', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const toggle = page.locator('header.identity').getByRole('button', { name: /^\d+ warnings? / });
  await toggle.waitFor({ timeout: 30_000 });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: 'Capture warnings' });
  await list.waitFor();
  const items = await list.getByRole('listitem').allInnerTexts();
  assert.match(items[0], cutOffInUsersWords);
  assert.ok(await list.evaluate((el) => el === document.activeElement), 'the list has the focus');
  await h.shot('capture-warnings');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.ok(await toggle.evaluate((el) => el === document.activeElement), 'focus is back on the button');
  await toggle.click();
  await list.waitFor();
  await list.getByRole('button', { name: 'Close' }).click();
  await list.waitFor({ state: 'detached' });
  assert.deepEqual(h.pageErrors, []);
});

test('the exported findings report and the export\'s status say the capture is cut off as the warning list does (H79: the reader\'s old "events before it were read")', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const toggle = page.locator('header.identity').getByRole('button', { name: /^\d+ warnings? / });
  await toggle.waitFor({ timeout: 30_000 });
  await toggle.click();
  const list = page.getByRole('dialog', { name: 'Capture warnings' });
  const listed = (await list.getByRole('listitem').allInnerTexts())[0];
  await list.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /^Findings/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByRole('button', { name: 'Record this step' }).click();
  await panel.getByRole('button', { name: 'Export findings' }).click();
  const status = panel.getByRole('status').filter({ hasText: /Report exported/ });
  await status.waitFor({ timeout: 60_000 });
  const said = `Capture: ${listed}; the report covers only the events before it`;
  assert.ok((await status.innerText()).includes(`Warnings: ${said}`), await status.innerText());
  for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
  const md = downloads.find((d) => d.suggestedFilename() === 'cut-off-findings.md');
  assert.ok(md, downloads.map((d) => d.suggestedFilename()).join(', '));
  await md.saveAs(join(out, 'cut-off-findings.md'));
  const markdown = readFileSync(join(out, 'cut-off-findings.md'), 'utf8');
  const section = markdown.slice(markdown.indexOf('## Warnings'));
  assert.match(section, /^## Warnings\n\n- Capture: capture is cut off at byte \d+/);
  assert.ok(section.includes(`- ${escapeMarkdown(said)}\n`), section.slice(0, 400));
  assert.deepEqual(h.pageErrors, []);
});

test('at 1000 px a short capture name takes no more room than itself, and the header\'s items show whole (QA H79: \'cut.scap\' kept an empty 8em while the host was cut)', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 760 });
  try {
    await page.goto(h.host.url);
    const header = page.locator('header.identity');
    await header.getByRole('button', { name: /^\d+ warnings? / }).waitFor({ timeout: 30_000 });
    const items = await header.locator(':scope > strong, :scope > span:not(.spacer)').evaluateAll((els) => els.map((el) => {
      const text = document.createRange();
      text.selectNodeContents(el);
      return { text: el.textContent ?? '', width: el.getBoundingClientRect().width, textWidth: text.getBoundingClientRect().width, cut: el.scrollWidth > el.clientWidth };
    }));
    const name = items.find((i) => i.text === 'cut-off.scap');
    assert.ok(name, items.map((i) => i.text).join(' | '));
    assert.ok(name.width - name.textWidth <= 12, `the name's box is ${name.width.toFixed(0)} px for ${name.textWidth.toFixed(0)} px of text`);
    for (const item of items) assert.ok(!item.cut, `"${item.text}" is cut`);
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
