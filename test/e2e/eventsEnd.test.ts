/**
 * End in the events list reaches the end of the capture (QA 14 B): on mpm-event full (35,860
 * numbered events, 34.7k listed), one End shows the last event sysdig numbers, and Home the
 * first, where End used to move 500 loaded rows further per press. Scrolling up from the end
 * reads the events before, as sysdig numbers them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip, sysdig } from '../support/reference';
import { e2eSkip, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(true);
const capturePath = join(capturesDir, 'sysflow_mpm-event_full_capture.scap');

const { h } = sharedHarness({ skip, open: capturePath });

test('End shows the capture\'s last event and Home its first', { skip }, async () => {
  const numbers = sysdig(['-r', capturePath, '-p', '%evt.num']).trim().split('\n');
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('tab', { name: 'Events' }).click({ timeout: 60_000 });
  const grid = page.getByRole('grid', { name: 'Events' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  const selectedEvtNum = async () => (await grid.locator('.grid-row.selected [role=gridcell]').first().innerText()).trim();
  await grid.focus();
  await grid.press('End');
  await page.getByText(/^the last [\d,]+ events, from #\d+/).waitFor({ timeout: 30_000 });
  assert.equal(await selectedEvtNum(), numbers.at(-1));
  await h.shot('events-end');
  const toTop = () => grid.evaluate((el) => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); });
  const loaded = async () => Number(await grid.getAttribute('aria-rowcount')) - 1;
  const before = await loaded();
  await toTop();
  await page.waitForFunction((n) => Number(document.querySelector('[role=grid][aria-label=Events]')?.getAttribute('aria-rowcount')) - 1 > n, before, { timeout: 30_000 });
  await toTop();
  await page.waitForTimeout(500);
  // Every loaded row is the event sysdig prints that many lines before its last.
  const all = await loaded();
  const firstRow = grid.locator('.event-row').first();
  const index = Number(await firstRow.getAttribute('aria-rowindex')) - 2;
  const firstShown = (await firstRow.locator('[role=gridcell]').first().innerText()).trim();
  assert.ok(all > before);
  assert.equal(firstShown, numbers.at(index - all));
  await grid.press('Home');
  await page.getByText(/more as you scroll/).waitFor({ timeout: 30_000 });
  assert.equal(await selectedEvtNum(), numbers[0]);
  await page.getByRole('button', { name: 'Go to end' }).click();
  await page.getByText(/^the last [\d,]+ events/).waitFor({ timeout: 30_000 });
  assert.equal(await selectedEvtNum(), numbers.at(-1));
  assert.deepEqual(h.pageErrors, []);
});

test('scrolling up from the end keeps the event at the top of the list where it was while earlier events load (QA 17)', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('tab', { name: 'Events' }).click({ timeout: 60_000 });
  const grid = page.getByRole('grid', { name: 'Events' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  await grid.focus();
  await grid.press('End');
  await page.getByText(/^the last [\d,]+ events, from #\d+/).waitFor({ timeout: 30_000 });
  const loaded = async () => Number(await grid.getAttribute('aria-rowcount')) - 1;
  // The event in the list's top row: rows are 22 px and indexed from 2 (the header is row 1).
  const topEvent = () => grid.evaluate((el) => {
    const i = Math.floor(el.scrollTop / 22);
    return el.querySelector(`[aria-rowindex="${i + 2}"] [role=gridcell]`)?.textContent?.trim();
  });
  const before = await loaded();
  // Scrolled to the tenth loaded row: near enough to the top that the page before is read.
  // The list starts at the event the status names; the tenth row after it is sysdig's tenth event after that one.
  const from = /from #(\d+)/.exec(await page.getByText(/^the last [\d,]+ events, from #\d+/).innerText())?.[1];
  const numbers = sysdig(['-r', capturePath, '-p', '%evt.num']).trim().split('\n');
  const atTop = numbers[numbers.indexOf(from ?? '') + 10];
  assert.ok(from && atTop, `the list starts at #${from}`);
  await grid.evaluate((el) => { el.scrollTop = 10 * 22; el.dispatchEvent(new Event('scroll')); });
  await page.waitForFunction((n) => Number(document.querySelector('[role=grid][aria-label=Events]')?.getAttribute('aria-rowcount')) - 1 > n, before, { timeout: 30_000 });
  await page.waitForTimeout(300);
  assert.equal(await topEvent(), atTop, 'the same event at the top after the earlier page loaded');
  assert.deepEqual(h.pageErrors, []);
});
