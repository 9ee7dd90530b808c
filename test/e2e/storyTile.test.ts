/**
 * The sample tells its story from one tile: in a real browser against the real engine, on a
 * private copy of the bundled sample, the Infrastructure tile "Container Deaths" counts the
 * five dead nginx containers; drilling from it lists them, one of them drills to its
 * processes, its files show nginx's error.log, and that file's I/O stream says why nginx died:
 * "host not found in upstream".
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceSkip } from '../support/reference';
import { e2eSkip, ensureBuilt, samplePath, startHarness, type Harness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
let h: Harness;
const out = mkdtempSync(join(tmpdir(), 'syscope-story-e2e-'));
const capturePath = join(out, 'crashloop-nginx.scap');

before(async () => {
  if (skip) return;
  ensureBuilt();
  // A private copy: the bundled sample is rebuilt whenever anyone builds.
  copyFileSync(samplePath, capturePath);
  h = await startHarness({ openPath: capturePath });
});
after(async () => {
  if (h) await h.close();
  rmSync(out, { recursive: true, force: true });
});

test('the Infrastructure tile "Container Deaths" counts the five dead nginx containers', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const deaths = page.getByRole('button', { name: 'Container Deaths', exact: true });
  await deaths.waitFor({ timeout: 30_000 });
  const infrastructure = page.getByRole('region', { name: 'Infrastructure', exact: true });
  assert.equal(await infrastructure.getByRole('button', { name: 'Container Deaths', exact: true }).count(), 1, 'the tile sits under Infrastructure');
  assert.equal((await deaths.locator('.tile-value').innerText()).trim(), '5');
  await h.shot('story-01-overview');
});

test('drilling from the tile lists the dead containers; Enter drills into an nginx one', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Container Deaths in a view' }).click();
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.getByRole('row').filter({ hasText: 'nginx' }).first().waitFor({ timeout: 30_000 });
  assert.equal(await grid.getByRole('row').filter({ hasText: 'nginx:' }).count(), 5, 'one row per dead nginx container');
  await h.shot('story-02-dead-containers');
  await grid.getByRole('row').filter({ hasText: 'nginx:' }).first().click();
  await grid.focus();
  await page.keyboard.press('Enter');
  const procs = page.getByRole('grid', { name: 'Processes' });
  await procs.getByRole('row').filter({ hasText: 'nginx' }).first().waitFor({ timeout: 30_000 });
  assert.match(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').last().innerText(), /container\.id = [0-9a-f]{12}/);
  await h.shot('story-03-container-processes');
});

test('the container\'s files show error.log, and its I/O stream says "host not found in upstream"', { skip }, async () => {
  const { page } = h;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Files', exact: true }).click();
  const files = page.getByRole('grid', { name: 'Files' });
  const errorLog = files.getByRole('row').filter({ hasText: 'error.log' });
  await errorLog.first().waitFor({ timeout: 30_000 });
  await h.shot('story-04-container-files');
  await errorLog.first().click();
  await files.focus();
  await page.keyboard.press('e');
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByRole('article').first().waitFor({ timeout: 30_000 });
  const texts = await ops.getByRole('article').allInnerTexts();
  assert.ok(texts.every((t) => t.includes('error.log')), 'only error.log\'s stream');
  await ops.getByText(/host not found in upstream/).first().waitFor();
  assert.match(await page.locator('body').innerText(), /host not found in upstream/);
  await h.shot('story-05-error-log-stream');
});

test('no errors were thrown in the page', { skip }, () => {
  assert.deepEqual(h.pageErrors, []);
});
