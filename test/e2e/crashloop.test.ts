/**
 * The CrashLoopBackOff story, in a real browser against the real engine, on the bundled sample:
 * the overview's tiles, pinning a timeline, drilling from the containers tile into the
 * restarted nginx containers and on into their processes, walking back, filtering (with an
 * error first), selecting a time window, and surviving a reload.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

test('the sample opens to the overview, tiles grouped by category with values', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const containers = page.getByRole('button', { name: 'Running Containers', exact: true });
  await containers.waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.identity').innerText(), /crashloop-nginx\.scap/);
  assert.ok(await page.getByRole('region', { name: 'Network', exact: true }).isVisible());
  const value = await containers.locator('.tile-value').innerText();
  assert.match(value, /^[1-9]\d*$/, 'the containers tile counts the restarted containers');
  await h.shot('01-overview');
});

test('clicking a tile pins its timeline in the bottom panel', { skip }, async () => {
  const { page } = h;
  const tile = page.getByRole('button', { name: 'Running Containers', exact: true });
  await tile.click();
  assert.equal(await tile.getAttribute('aria-pressed'), 'true');
  await page.locator('.timeline .legend', { hasText: 'Running Containers' }).waitFor();
  assert.match(page.url(), /pin=containers/);
});

test('drilling from the tile shows the nginx containers, sortable by any column', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Running Containers in a view' }).click();
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.waitFor();
  await grid.getByRole('row').filter({ hasText: 'nginx' }).first().waitFor();
  const nginxRows = await grid.getByRole('row').filter({ hasText: 'nginx:' }).count();
  assert.ok(nginxRows >= 2, `several nginx containers (one per restart), got ${nginxRows}`);
  const header = grid.getByRole('columnheader', { name: 'NAME' });
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  await header.getByRole('button').click();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  await h.shot('02-containers');
});

test('Enter drills into a container, the breadcrumb grows, Backspace goes back', { skip }, async () => {
  const { page } = h;
  await page.getByLabel('Find', { exact: true }).fill('nginx:');
  await page.getByLabel('Find', { exact: true }).press('Enter');
  await page.getByText(/^Row \d+/).waitFor();
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.focus();
  await page.keyboard.press('Enter');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('listitem');
  await page.getByRole('grid', { name: 'Processes' }).waitFor();
  assert.equal(await crumbs.count(), 3);
  assert.match(await crumbs.nth(2).innerText(), /in container [0-9a-f]{12}/);
  const procs = page.getByRole('grid', { name: 'Processes' });
  await procs.getByRole('row').nth(1).waitFor();
  assert.match(await procs.innerText(), /nginx/);
  await h.shot('03-container-processes');
  await procs.focus();
  await page.keyboard.press('Backspace');
  await page.getByRole('grid', { name: 'Containers' }).waitFor();
  assert.equal(await crumbs.count(), 2);
});

test('the process tree marks the crashed nginx processes and the restarting container', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'Processes' }).click();
  const tree = page.getByRole('tree', { name: 'Process tree' });
  await tree.waitFor({ timeout: 30_000 });
  const crashed = tree.getByRole('treeitem', { name: /nginx \d+, crashed/ });
  assert.ok(await crashed.count() >= 1, 'at least one nginx process is marked crashed');
  assert.match(await page.getByRole('region', { name: 'Restarting containers' }).innerText(), /nginx/);
  await h.shot('08-process-tree');
});

test('the I/O streams show reads and writes; Follow narrows to one conversation; hex mode', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'I/O Streams' }).click();
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByRole('article').first().waitFor({ timeout: 30_000 });
  const follow = ops.getByRole('button', { name: /^Follow / }).first();
  const key = (await follow.getAttribute('aria-label'))?.replace(/^Follow /, '') ?? '';
  await follow.click();
  await page.getByText('Stop following').waitFor();
  await page.waitForFunction(() => location.hash.includes('follow='));
  await ops.getByRole('article').first().waitFor();
  await page.getByRole('radio', { name: 'Hex' }).click();
  assert.match(await ops.locator('pre').first().innerText(), /0x0000:/);
  assert.ok(key.length > 0);
  await h.shot('09-streams-hex');
  await page.getByRole('button', { name: 'Stop following' }).click();
  await page.getByRole('radio', { name: 'Dotted' }).click();
});

test('the events list shows events and every field of the selected one', { skip }, async () => {
  const { page } = h;
  await page.getByRole('tab', { name: 'Events' }).click();
  const grid = page.getByRole('grid', { name: 'Events' });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
  await grid.getByRole('row').nth(3).click();
  const detail = page.getByRole('complementary', { name: 'Event fields' });
  await detail.getByRole('heading', { name: /^Event \d+$/ }).waitFor();
  assert.match(await detail.innerText(), /evt\.type/);
  await h.shot('10-events');
  const find = page.getByRole('searchbox', { name: 'Find' }).and(page.locator('#events-find-input'));
  await find.fill('nginx');
  await find.press('Enter');
  await page.getByText(/^Match 1 of \d+/).waitFor();
  const row = grid.locator('.grid-row.selected');
  assert.match(await row.innerText(), /nginx/);
  await find.press('Enter');
  await page.getByText(/^Match 2 of \d+/).waitFor();
  await find.press('Shift+Enter');
  await page.getByText(/^Match 1 of \d+/).waitFor();
  await page.getByRole('tab', { name: 'Views' }).click();
  await page.getByRole('grid', { name: 'Containers' }).waitFor();
});

test('the filter is checked as it is typed and applied on Enter', { skip }, async () => {
  const { page } = h;
  const box = page.getByRole('combobox', { name: 'Filter' });
  await box.fill('container.ima');
  const suggestions = page.getByRole('listbox', { name: 'Filter suggestions' });
  await suggestions.getByRole('option', { name: /^container\.image\b/ }).first().waitFor();
  await box.press('Tab');
  assert.match(await box.inputValue(), /^container\.image[\w.]* $/, 'Tab accepts the suggestion');
  await box.fill('container.imagee = nginx');
  const error = page.locator('#filter-error');
  await error.waitFor();
  assert.match(await error.innerText(), /container\.image/);
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await h.shot('04-filter-error');
  await box.fill('container.image contains nginx');
  assert.equal(await error.count(), 0, 'the corrected filter is valid');
  await box.press('Enter');
  await page.waitForFunction(() => location.hash.includes('filter='));
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.getByRole('row').nth(1).waitFor();
  const rows = await grid.getByRole('row').count();
  const nginx = await grid.getByRole('row').filter({ hasText: 'nginx:' }).count();
  assert.equal(rows - 1, nginx, 'only nginx containers remain');
});

test('brushing the timeline selects a window; double-click resets it', { skip }, async () => {
  const { page } = h;
  const chart = page.locator('.timeline-chart');
  const box = await chart.boundingBox();
  assert.ok(box);
  await page.mouse.move(box.x + box.width * 0.2, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + 30, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => /from=\d+&to=\d+/.test(location.hash));
  await page.getByRole('button', { name: 'Reset window' }).waitFor();
  await h.shot('05-window');
  await page.locator('.brush .selection').dblclick();
  await page.waitForFunction(() => !location.hash.includes('from='));
});

test('a reload restores view, drill path and filter from the URL', { skip }, async () => {
  const { page } = h;
  await page.reload();
  await page.getByRole('grid', { name: 'Containers' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByRole('combobox', { name: 'Filter' }).inputValue(), 'container.image contains nginx');
  assert.match(await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText(), /Containers/);
});

test('? opens the keyboard help and Escape closes it', { skip }, async () => {
  const { page } = h;
  await page.getByRole('grid', { name: 'Containers' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await h.shot('06-help');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the light theme renders', { skip }, async () => {
  const { page } = h;
  await page.keyboard.press('t');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  await page.getByRole('tab', { name: 'Overview' }).click();
  // The nginx filter still applies, so only the tiles it leaves are shown.
  await page.locator('.tile-main').first().waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Filter' }).inputValue(), 'container.image contains nginx');
  await h.shot('07-overview-light-filtered');
  await page.keyboard.press('t');
});

test('no errors were thrown in the page', { skip }, () => {
  assert.deepEqual(h.pageErrors, []);
});
