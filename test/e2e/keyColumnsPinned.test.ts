/**
 * The key a user drills by stays on screen when a table is too wide for its room (QA 20
 * item 6): at 1000 px beside the open Findings drawer the Containers table keeps its ID (and
 * NAME) in sight, pinned at the right edge, while the other columns scroll under them; the two
 * take at most half the table, NAME cut with its whole text in its tooltip (H79).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { boxOf as box, e2eSkip, isOnTop as onTop, openBesideFindings, samplePath, screenshotsDir, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

test('at 1000 px beside the open Findings drawer the Containers table keeps its ID and NAME on screen, scrolled or not', { skip }, async () => {
  const { page } = h;
  try {
    const drawer = await openBesideFindings(page, h.host.url, { width: 1000, height: 800 });
    await page.getByRole('tab', { name: 'Views' }).click();
    await page.getByRole('button', { name: 'Containers', exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Containers' });
    await grid.getByRole('row').nth(2).waitFor();
    const g = await box(grid);
    const left = g.x;
    const right = Math.min(g.x + g.width, (await box(drawer)).x);
    // The table is wider than its room here: some columns are announced as hidden.
    await page.getByRole('button', { name: /more columns? →/ }).waitFor();

    for (const scrolled of ['not scrolled', 'scrolled halfway']) {
      if (scrolled !== 'not scrolled') {
        await grid.evaluate((el) => { el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2; });
        await page.waitForTimeout(100);
      }
      await h.shot(`containers-1000-findings-${scrolled.replace(' ', '-')}`);
      for (const name of ['ID', 'NAME']) {
        const header = grid.getByRole('columnheader', { name, exact: true });
        const b = await box(header);
        assert.ok(b.x >= left - 1 && b.x + b.width <= right + 1, `${name} (${b.x.toFixed(0)}…${(b.x + b.width).toFixed(0)}) lies within the table (${left.toFixed(0)}…${right.toFixed(0)}), ${scrolled}`);
        assert.ok(await onTop(header.getByRole('button')), `nothing covers the ${name} header, ${scrolled}`);
      }
      // Every row's container id is readable whole, where the header is.
      const ids = grid.getByRole('row').filter({ has: page.getByRole('gridcell') }).locator('[role=gridcell]:nth-child(10)');
      const n = await ids.count();
      assert.ok(n >= 9, `${n} rows`);
      for (let i = 0; i < n; i++) {
        const cell = ids.nth(i);
        const c = await box(cell);
        assert.match((await cell.textContent()) ?? '', /^[0-9a-f]{12}$|^host$/);
        assert.ok(c.x >= left - 1 && c.x + c.width <= right + 1, `row ${i + 1}'s ID cell is on screen, ${scrolled}`);
        assert.ok(await onTop(cell), `row ${i + 1}'s ID cell is not covered, ${scrolled}`);
        assert.ok(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth), `row ${i + 1}'s ID is not cut, ${scrolled}`);
      }
      // The pinned ID and NAME leave at least half the table to the columns that scroll (H79: 280 of 420 px).
      const pinned = (await box(grid.getByRole('columnheader', { name: 'ID', exact: true }))).width + (await box(grid.getByRole('columnheader', { name: 'NAME', exact: true }))).width;
      assert.ok(pinned <= (right - left) / 2 + 1, `the pinned ID and NAME take ${pinned.toFixed(0)} of the table's ${(right - left).toFixed(0)} px, ${scrolled}`);
      // A NAME cut to fit says itself whole in its tooltip.
      const names = grid.getByRole('row').filter({ has: page.getByRole('gridcell') }).locator('[role=gridcell]:nth-child(11)');
      let cutNames = 0;
      for (let i = 0; i < n; i++) {
        const cell = names.nth(i);
        const shown = await cell.evaluate((el) => {
          const head = el.querySelector('.head');
          // How wide the container's name is, set in the cell's font.
          const container = /^k8s_([^_]+)_/.exec(el.textContent ?? '')?.[1] ?? '';
          const probe = document.createElement('span');
          probe.textContent = container;
          probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
          el.appendChild(probe);
          const containerPx = probe.getBoundingClientRect().width;
          probe.remove();
          return {
            text: el.textContent ?? '', cut: [el, ...el.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1),
            tooltip: el.querySelector('[title]')?.getAttribute('title') ?? el.getAttribute('title'),
            visible: (el as HTMLElement).innerText, headPx: head?.getBoundingClientRect().width ?? 0, container, containerPx,
          };
        });
        assert.match(shown.text, /^k8s_/);
        if (shown.cut) assert.equal(shown.tooltip, shown.text, `row ${i + 1}'s cut NAME has its whole text in a tooltip, ${scrolled}`);
        // A cut Kubernetes name shows what a user reads from its start, the container's name, not 'k8s_' (QA H79: 'k8…0f2e_0').
        if (shown.cut) {
          cutNames++;
          assert.ok(shown.visible.startsWith(shown.container), `row ${i + 1}'s cut NAME reads '${shown.visible}', from the container's name '${shown.container}', ${scrolled}`);
          assert.ok(shown.headPx >= shown.containerPx, `row ${i + 1}'s cut NAME shows '${shown.container}' whole (${shown.headPx.toFixed(0)} of ${shown.containerPx.toFixed(0)} px), ${scrolled}`);
          assert.match(shown.visible, /_\d+$/, `row ${i + 1}'s cut NAME keeps its attempt, ${scrolled}`);
        }
        assert.ok(await onTop(cell), `row ${i + 1}'s NAME cell is not covered, ${scrolled}`);
      }
      assert.ok(cutNames > 0, `the NAMEs are cut here (${cutNames} of ${n}), ${scrolled}`);
    }
    // Sorting by a pinned column still works, and the keyboard still drills by the selected row's ID.
    await grid.getByRole('columnheader', { name: 'ID', exact: true }).getByRole('button').click();
    await grid.getByRole('columnheader', { name: /^ID/ }).and(page.locator('[aria-sort=descending]')).waitFor();
    await grid.evaluate((el) => { el.scrollLeft = 0; });
    await grid.focus();
    await page.keyboard.press('Home');
    const firstId = (await grid.getByRole('row').nth(1).locator('[role=gridcell]:nth-child(10)').textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: 'Processes' }).getByRole('row').nth(1).waitFor();
    assert.ok(await page.getByText(firstId).first().isVisible(), `the drill-down names ${firstId}`);
    await h.shot('containers-1000-drilled');
    // The container's Files (the story's next step) keep the file names in sight (QA H79: FILENAME had scrolled out).
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Files', exact: true }).click();
    const files = page.getByRole('grid', { name: 'Files' });
    await files.getByRole('row').nth(2).waitFor();
    const filename = files.getByRole('columnheader', { name: 'FILENAME', exact: true });
    const fb = await box(filename);
    const fg = await box(files);
    const fRight = Math.min(fg.x + fg.width, (await box(drawer)).x);
    assert.ok(fb.x >= fg.x - 1 && fb.x + fb.width <= fRight + 1, `FILENAME (${fb.x.toFixed(0)}…${(fb.x + fb.width).toFixed(0)}) lies within the Files table (${fg.x.toFixed(0)}…${fRight.toFixed(0)})`);
    assert.ok(await onTop(filename.getByRole('button')), 'nothing covers the FILENAME header');
    assert.ok(fb.width <= (fRight - fg.x) / 2 + 1, `FILENAME takes ${fb.width.toFixed(0)} of ${(fRight - fg.x).toFixed(0)} px`);
    await h.shot('files-1000-findings');
    await page.keyboard.press('Backspace');
    await page.getByRole('button', { name: 'Close findings' }).click();
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});

test('at 1360 px beside the open Findings drawer the header shows the capture name, host and CPU count whole (QA 20 item 6)', { skip }, async () => {
  const { page } = h;
  const drawer = await openBesideFindings(page, h.host.url, { width: 1360, height: 850 });
  const edge = (await box(drawer)).x;
  const header = page.locator('header.identity');
  await page.screenshot({ path: join(screenshotsDir, 'header-1360-findings.png'), clip: { x: 0, y: 0, width: 1360, height: 120 } });
  const items = await header.locator(':scope > strong, :scope > span:not(.spacer)').evaluateAll((els) => els.map((el) => ({
    text: el.textContent ?? '', right: el.getBoundingClientRect().right, cut: el.scrollWidth > el.clientWidth,
  })));
  assert.ok(items.some((i) => /\d+ CPUs?$/.test(i.text)), `the CPU count is shown: ${items.map((i) => i.text).join(' | ')}`);
  for (const item of items) {
    assert.ok(!item.cut, `"${item.text}" is cut`);
    assert.ok(item.right <= edge, `"${item.text}" ends at ${item.right}, under the drawer at ${edge}`);
  }
  await page.getByRole('button', { name: 'Close findings' }).click();
});

test('at 1000 px beside the open Findings drawer each Files row\'s pinned FILENAME names its container in its tooltip (the Container column scrolls away; QA H79)', { skip }, async () => {
  const { page } = h;
  try {
    await openBesideFindings(page, h.host.url, { width: 1000, height: 800 });
    await page.getByRole('tab', { name: 'Views' }).click();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Files', exact: true }).click();
    const files = page.getByRole('grid', { name: 'Files' });
    await files.getByRole('row').nth(2).waitFor();
    // Sorted by path, a path used in several containers lists its rows together.
    await files.getByRole('columnheader', { name: 'FILENAME', exact: true }).getByRole('button').click();
    await files.locator('[role=columnheader][aria-sort=descending]').filter({ hasText: 'FILENAME' }).waitFor();
    await page.waitForTimeout(300);
    const titles = await files.getByRole('columnheader').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const pathAt = titles.findIndex((t) => t.startsWith('FILENAME'));
    const containerAt = titles.findIndex((t) => t.startsWith('Container'));
    assert.ok(pathAt >= 0 && containerAt >= 0, titles.join(' | '));
    const rows = await files.getByRole('row').filter({ has: page.getByRole('gridcell') }).evaluateAll((els, [p, c]) => els.map((row) => {
      const cells = row.querySelectorAll('[role=gridcell]');
      const path = cells[p];
      return {
        path: path.textContent ?? '', container: cells[c].textContent ?? '',
        tooltip: path.getAttribute('title') ?? path.querySelector('[title]')?.getAttribute('title') ?? '',
      };
    }), [pathAt, containerAt]);
    assert.ok(rows.length >= 5, `${rows.length} rows`);
    // The story's capture has the same path in several containers: those rows differ only by the Container column.
    const paths = rows.map((r) => r.path);
    assert.ok(paths.some((p, i) => paths.indexOf(p) !== i), 'some path is listed for more than one container');
    for (const r of rows) {
      const container = r.container === 'host' ? 'on the host' : `in container ${r.container}`;
      assert.equal(r.tooltip, `${r.path}\n${container}${r.container === 'host' ? ' (no container)' : ''}`, `the row of ${r.path} in ${r.container}`);
    }
    await h.shot('files-1000-findings-container-tooltip');
    await page.getByRole('button', { name: 'Close findings' }).click();
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
