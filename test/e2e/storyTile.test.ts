/**
 * The sample tells its story from one tile: in a real browser against the real engine, on a
 * private copy of the bundled sample, the Infrastructure tile "Container Deaths" counts the
 * five dead nginx containers; drilling from it lists them, one of them drills to its
 * processes, its files show nginx's error.log, and that file's I/O stream says why nginx died:
 * "host not found in upstream".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { referenceSkip } from '../support/reference';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip() || referenceSkip(false);
const { h } = sharedHarness({ skip, privateCopyOf: samplePath });

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
  assert.match(await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem').last().innerText(), /in container [0-9a-f]{12}/);
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
  // The crumb names the I/O opened, and however the crumbs wrap, every tab keeps one line.
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  assert.equal(await crumbs.getByRole('listitem').last().innerText(), 'I/O of /var/log/nginx/error.log');
  for (const tab of ['I/O Streams', 'Views', 'I/O Streams']) {
    await page.getByRole('tab', { name: tab }).click();
    for (const width of [1360, 1024]) {
      await page.setViewportSize({ width, height: 860 });
      const lines = await page.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => {
        const r = document.createRange();
        r.selectNodeContents(t);
        return `${t.textContent}: ${new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size}`;
      }));
      assert.ok(lines.every((l) => l.endsWith(': 1')), `lines per tab on ${tab} at ${width} px: ${lines.join(', ')}`);
    }
  }
  await page.setViewportSize({ width: 1360, height: 860 });
  await h.shot('story-05-error-log-stream');
});

test('"Whole capture" takes every tab back to the whole capture and drops the followed stream', { skip }, async () => {
  const { page } = h;
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  // Deep in the story: follow the error.log stream in hex, as a user might have.
  await page.getByRole('button', { name: /^Follow / }).first().click();
  await page.getByRole('button', { name: 'Stop following' }).waitFor();
  await page.getByRole('radio', { name: 'Hex' }).click();
  await page.waitForFunction(() => location.hash.includes('mode=hex') && location.hash.includes('follow='));
  await page.getByRole('tab', { name: 'Processes' }).click();
  const bar = page.locator('.tree-bar');
  await bar.waitFor({ timeout: 30_000 });
  const scoped = Number(/^(\d+) process/.exec(await bar.innerText())?.[1]);
  await crumbs.getByRole('button', { name: 'Whole capture' }).click();
  // The URL keeps no drill-down filter, no followed stream and no mode of the old scope.
  await page.waitForFunction(() => !/follow=|mode=/.test(location.hash));
  const trail = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('trail');
  assert.ok(trail === null || (JSON.parse(trail) as Array<{ filter: string }>).every((s) => s.filter === ''), `trail ${trail}`);
  assert.equal(await page.getByRole('tab', { selected: true }).innerText(), 'Processes', 'the tab stays');
  await page.waitForFunction((n) => Number(/^(\d+) process/.exec(document.querySelector('.tree-bar')?.textContent ?? '')?.[1]) > n, scoped, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.locator('.event-row').first().waitFor({ timeout: 30_000 });
  // Unscoped, the list starts with the capture's first events, whatever their container.
  const names = await page.locator('.event-row [role=gridcell]:nth-child(4)').allInnerTexts();
  assert.ok(new Set(names).size > 1, `events of more than one process: ${[...new Set(names)].join(', ')}`);
  await page.getByRole('tab', { name: 'I/O Streams' }).click();
  await page.getByRole('radio', { name: 'Hex' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Hex' }).getAttribute('aria-checked'), 'false', 'hex mode went with the old scope');
  assert.equal(await page.getByRole('button', { name: 'Stop following' }).count(), 0);
  await h.shot('story-06-whole-capture');
});

test('story step 6: e on resolv.conf, then the DNS filter over the whole capture; in hex each reply carries flags 8183 (NXDOMAIN)', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Open Container Deaths in a view' }).click();
  const containers = page.getByRole('grid', { name: 'Containers' });
  await containers.getByRole('row').filter({ hasText: '44136c54b079' }).click();
  await containers.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Files', exact: true }).click();
  const files = page.getByRole('grid', { name: 'Files' });
  await files.getByRole('row').filter({ hasText: '/etc/resolv.conf' }).click();
  await files.focus();
  await page.keyboard.press('e');
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByText(/nameserver 10\.96\.0\.10/).waitFor({ timeout: 30_000 });
  assert.equal(await ops.getByRole('article').count(), 1, 'the one read of resolv.conf');
  // The filter about the DNS traffic finds nothing in resolv.conf's I/O: the panel says so and offers the whole capture.
  await page.locator('#filter-input').fill('container.id="44136c54b079" and fd.sport=53');
  await page.locator('#filter-input').press('Enter');
  await ops.getByRole('button', { name: 'Look in the whole capture with this filter' }).click();
  await ops.getByRole('article').first().waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('tab', { selected: true }).innerText(), 'I/O Streams');
  await page.getByRole('radio', { name: 'Hex' }).click();
  const reads = ops.locator('article.stream-op.read pre');
  const replies = await reads.allInnerTexts();
  assert.ok(replies.length >= 4, `${replies.length} replies`);
  // Each reply: its query's id, then flags 0x8183 (a response, rcode 3: NXDOMAIN); the first answers query 0edc.
  assert.match(replies[0], /^\s*0x0000: 0edc 8183 /);
  for (const r of replies) assert.match(r, /^\s*0x0000: [0-9a-f]{4} 8183 /, 'NXDOMAIN reply');
  await h.shot('story-07-dns-hex');
  await page.locator('#filter-input').fill('');
  await page.locator('#filter-input').press('Enter');
});

test('no errors were thrown in the page', { skip }, () => {
  assert.deepEqual(h.pageErrors, []);
});
