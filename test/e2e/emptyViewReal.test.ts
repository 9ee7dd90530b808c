/**
 * On a real capture (QA 16 R1): Connections → Enter on curl's outbound connection opens New
 * Connections, which lists only accepted connections; the empty table says so and its "its I/O"
 * opens the connection's reads and writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { e2eSkip, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
const { h } = sharedHarness({ skip, open: join(capturesDir, 'xxradar_docker-curl-https.scap') });

test('an outbound connection drilled into New Connections says why it is empty and offers its I/O', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('tab', { name: 'Views' }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Views' }).click();
  await page.getByRole('button', { name: 'Connections', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'Connections' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
  await grid.focus();
  await page.keyboard.press('Enter');
  const note = page.locator('.empty-drill[role=status]');
  await note.waitFor({ timeout: 30_000 });
  assert.match(await note.innerText(), /lists only connections accepted in the capture/);
  const crumb = await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').last().innerText();
  assert.match(crumb, /^New Connections on \S+->\S+$/);
  await h.shot('49-new-connections-empty');
  await note.getByRole('button', { name: 'its I/O (e)' }).click();
  await page.locator('.streams-panel, [data-keyboard-list]').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('tab', { name: 'I/O Streams' }).getAttribute('aria-selected'), 'true');
  assert.equal(h.pageErrors.length, 0, h.pageErrors.join('\n'));
});
