/**
 * The Findings drawer from the keyboard, in a real browser (QA 16 R13): Enter on the header's
 * Findings button left the focus on <body>, the Title field 44 Tabs away, and Esc did not close
 * the drawer. Now the focus goes to Title, and Esc gives it back to the Findings button.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const { h } = sharedHarness({ skip, open: samplePath });

const focused = () => h.page.evaluate(() => {
  const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent ?? ''}` : '';
});

test('Enter on Findings puts the focus on Title; Esc closes the drawer and gives the focus back', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 860 });
  await page.goto(h.host.url);
  const toggle = page.getByRole('button', { name: /^Findings/ });
  await toggle.waitFor({ timeout: 30_000 });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('complementary', { name: 'Findings' }).waitFor();
  assert.equal(await focused(), 'input:Report title');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'textarea:Report summary');
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Findings' }).waitFor({ state: 'detached' });
  assert.match(await focused(), /^button:Findings/);
  assert.deepEqual(h.pageErrors, []);
});
