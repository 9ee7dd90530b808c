/**
 * Container Deaths → on a capture that holds no metadata for the dead container (QA 14 A5): in a
 * real browser against the real engine, sysflow_nginx_nginx.scap counts one death, whose
 * container the Containers view (like csysdig's) cannot list. The empty table says why and leads
 * to the tile's events: the Processes tab shows the nginx that died.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { e2eSkip, sharedHarness } from './harness';

const capture = join(capturesDir, 'sysflow_nginx_nginx.scap');
const skip = e2eSkip() || referenceSkip(false);

const { h } = sharedHarness({ skip, open: capture });

test('Container Deaths → says why the Containers table is empty and opens the dead nginx in the Processes tab', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const deaths = page.getByRole('button', { name: 'Container Deaths', exact: true });
  await deaths.waitFor({ timeout: 60_000 });
  assert.equal((await deaths.locator('.tile-value').innerText()).trim(), '1');
  await page.getByRole('button', { name: 'Open Container Deaths in a view' }).click();
  const note = page.locator('.empty-drill[role=status]');
  await note.waitFor({ timeout: 30_000 });
  assert.match(await note.innerText(), /No Containers rows for the Container Deaths tile\. The Containers view keeps only events where container\.name != host\. A container the capture holds no metadata for/);
  await h.shot('emptytiledrill-01-note');
  await note.getByRole('button', { name: 'Processes' }).click();
  const tree = page.getByRole('tree', { name: 'Process tree' });
  await tree.getByRole('treeitem').filter({ hasText: 'nginx' }).first().waitFor({ timeout: 30_000 });
  assert.match(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').last().innerText(), /Container Deaths/);
  await h.shot('emptytiledrill-02-processes');
  assert.deepEqual(h.pageErrors, []);
});
