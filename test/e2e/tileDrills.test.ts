/**
 * The overview's "what went wrong" tiles lead to their evidence (QA report 14): in a real browser
 * against the real engine, on a private copy of the bundled sample. A tile Sysdig Inspect sends to
 * its I/O or event list ('echo' / 'dig') opens the I/O Streams or Events tab under the tile's
 * filter, as a drill step Back undoes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceSkip } from '../support/reference';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
const { h } = sharedHarness({ skip, privateCopyOf: samplePath });

test('App Log Error Messages → opens I/O Streams on the log writes, nginx\'s five [emerg] lines among them; Back returns', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'App Log Error Messages', exact: true }).waitFor({ timeout: 30_000 });
  const tileValue = await page.getByRole('button', { name: 'App Log Error Messages', exact: true }).locator('.tile-value').innerText();
  await page.getByRole('button', { name: 'Open App Log Error Messages in I/O Streams' }).click();
  assert.equal(await page.getByRole('tab', { selected: true }).innerText(), 'I/O Streams');
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByRole('article').first().waitFor({ timeout: 30_000 });
  const emerg = ops.getByRole('article').filter({ hasText: '/var/log/nginx/error.log' }).filter({ hasText: '[emerg]' });
  assert.equal(await emerg.count(), 5, 'one [emerg] write per dead nginx');
  // The tile counts lines, the list shows writes: the note says how many of each (QA 15 item 1).
  const note = await page.locator('.tile-lines-note').innerText({ timeout: 30_000 });
  const [, lines, writes] = /counts lines: (\d+) lines? in the (\d+) writes? listed here/.exec(note) ?? [];
  assert.equal(Number(writes), await ops.getByRole('article').count(), note);
  assert.equal(lines, tileValue, note);
  assert.ok(Number(lines) >= Number(writes), note);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  assert.equal(await crumbs.getByRole('listitem').last().innerText(), 'I/O of App Log Error Messages');
  // QA 15: the → left the focus on <body>, where ↓ did nothing; the list has it, and ↓ moves in it.
  assert.equal(await ops.evaluate((el) => el === document.activeElement), true, 'the I/O list has the focus');
  await page.keyboard.press('ArrowDown');
  assert.equal(await ops.getByRole('article').nth(1).getAttribute('aria-current'), 'true', '↓ made the second operation current');
  await h.shot('tiledrills-01-app-log-errors');
  // Enter follows the current operation's stream (the help says so).
  const followLabel = await ops.getByRole('article').nth(1).getByRole('button', { name: /^Follow / }).getAttribute('aria-label');
  await page.keyboard.press('Enter');
  await page.locator('.streams-bar .following').waitFor({ timeout: 30_000 });
  assert.equal(`Follow ${await page.locator('.streams-bar .following code').innerText()}`, followLabel);
  await page.keyboard.press('Backspace');
  await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
  // QA 15: back on the overview the focus was on <body>; it is on the first tile.
  await page.waitForFunction(() => document.activeElement?.classList.contains('tile-main'), undefined, { timeout: 30_000 });
  assert.deepEqual(h.pageErrors, []);
});

test('Fork Count → opens the Events tab on the clone/fork exits', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Fork Count in Events' }).click();
  await page.locator('.event-row').first().waitFor({ timeout: 30_000 });
  const types = new Set(await page.locator('.event-row').allInnerTexts().then((rows) => rows.map((r) => /\b(clone3?|v?fork)\b/.exec(r)?.[1] ?? r)));
  assert.ok([...types].every((t) => /^(clone3?|v?fork)$/.test(t)), `event types: ${[...types].join(' | ').slice(0, 300)}`);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Whole capture' }).click();
  assert.deepEqual(h.pageErrors, []);
});

test('keyboard only: Enter on a tile\'s → puts focus on the table, so ↓ moves and Enter drills; so does Esc out of the filter box (QA 14 A3)', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Open Container Deaths in a view' }).focus();
  await page.keyboard.press('Enter');
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.getByRole('row').filter({ hasText: 'nginx:' }).first().waitFor({ timeout: 30_000 });
  const focused = () => page.evaluate(() => `${document.activeElement?.getAttribute('role')}:${document.activeElement?.getAttribute('aria-label')}`);
  assert.equal(await focused(), 'grid:Containers');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await grid.locator('[role=row][aria-selected=true]').getAttribute('aria-rowindex'), '4', 'the third row is selected');
  await page.keyboard.press('Enter');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await crumbs.getByRole('listitem').last().filter({ hasText: /in container [0-9a-f]{12}/ }).waitFor({ timeout: 30_000 });
  const procs = page.getByRole('grid', { name: 'Processes' });
  await procs.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  assert.equal(await focused(), 'grid:Processes');

  await page.locator('#filter-input').fill('proc.name=nginx');
  await page.locator('#filter-input').press('Enter');
  await page.locator('#filter-input').press('Escape');
  assert.equal(await focused(), 'grid:Processes', 'Esc hands the keyboard back to the table');
  await page.keyboard.press('Backspace');
  await page.getByRole('grid', { name: 'Containers' }).waitFor({ timeout: 30_000 });
  assert.equal(await focused(), 'grid:Containers');
  await page.locator('#filter-input').fill('');
  await page.locator('#filter-input').press('Enter');
  assert.deepEqual(h.pageErrors, []);
});

test('a pasted 3,000-term filter (47,624 characters) lists its events and keeps the timeline (QA 14 A4)', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'Events' }).click();
  const long = Array.from({ length: 3000 }, (_, i) => `evt.num=${i * 3}`).join(' or ');
  await page.locator('#filter-input').fill(long);
  await page.locator('#filter-input').press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.event-row')].length > 0
    && [...document.querySelectorAll('.event-row')].every((r) => Number(r.querySelector('[role=gridcell]')?.textContent) % 3 === 0), undefined, { timeout: 30_000 });
  assert.equal(await page.locator('.main-panel [role=alert]').count(), 0);
  assert.equal(await page.getByRole('alert').filter({ hasText: /Too big|longer than/ }).count(), 0);
  assert.ok(await page.locator('.timeline svg, .timeline canvas').count() > 0, 'the timeline stays');
  await page.locator('#filter-input').fill('');
  await page.locator('#filter-input').press('Enter');
  assert.deepEqual(h.pageErrors, []);
});
