/**
 * A damaged capture's warnings can be read without hovering (QA 14 B): on a private copy of the
 * sample cut off at 60%, the header's warning count is a button; Enter or a click opens the list,
 * where the warning saying where reading stopped comes first, and Esc closes it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const { h } = sharedHarness({
  skip, privateCopyOf: samplePath, copyName: 'cut-off.scap',
  prepare: (capture) => { const bytes = readFileSync(samplePath); writeFileSync(capture, bytes.subarray(0, Math.floor(bytes.length * 0.6))); },
});

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
  assert.match(items[0], /^capture is cut off at byte \d+/);
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
