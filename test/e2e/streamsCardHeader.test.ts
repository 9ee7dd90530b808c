/**
 * The I/O Streams cards keep their header on one line beside the open Findings drawer: at
 * 1360 px (and at 1160 and 1000 px) every part of each header sits on the same line, the Follow and
 * Bookmark buttons are whole and reachable, the stream key is never cut, and a part cut short
 * ends in an ellipsis with its whole text as a tooltip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { e2eSkip, isOnTop, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();

const { h } = sharedHarness({ skip, open: samplePath });

interface HeaderLayout {
  /** Distinct line tops of the header's parts and of each part's text boxes. */
  lines: number;
  /** Buttons whose box runs past the header's right edge. */
  cutButtons: string[];
  /** Parts shown cut short, with whether their title holds their whole text. */
  cut: Array<{ text: string; titled: boolean; streamKey: boolean }>;
  /** Whether the fd name is cut while the container beside it is wider than its least width. */
  fdNameCutBeforeContainer: boolean;
}

/** How the headers of the first `n` cards are laid out. */
async function headerLayouts(page: Page, n: number): Promise<HeaderLayout[]> {
  return page.locator('.stream-op header').evaluateAll((headers, count) => headers.slice(0, count).map((header) => {
    const tops = new Set<number>();
    const box = header.getBoundingClientRect();
    const cutButtons: string[] = [];
    const cut: Array<{ text: string; titled: boolean; streamKey: boolean }> = [];
    for (const part of Array.from(header.children) as HTMLElement[]) {
      const r = part.getBoundingClientRect();
      if (r.width === 0) continue;
      tops.add(Math.round(r.top + r.height / 2));
      // A part whose own text wraps has several line boxes.
      const range = document.createRange();
      range.selectNodeContents(part);
      for (const line of Array.from(range.getClientRects())) if (line.width > 0) tops.add(Math.round(line.top + line.height / 2));
      if (part.tagName === 'BUTTON' && r.right > box.right + 0.5) cutButtons.push(part.getAttribute('aria-label') ?? part.textContent ?? '');
      if (part.scrollWidth > part.clientWidth + 1) cut.push({ text: part.textContent ?? '', titled: (part.title ?? '').includes((part.textContent ?? '').trim()), streamKey: part.classList.contains('stream-key') });
    }
    // Centres within 3 px of each other are one line (buttons are taller than text).
    const sorted = [...tops].sort((a, b) => a - b);
    let lines = sorted.length > 0 ? 1 : 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > 3) lines++;
    const fdName = header.querySelector<HTMLElement>('.fdname');
    const container = header.querySelector<HTMLElement>('.container');
    const fdNameCutBeforeContainer = !!fdName && !!container && fdName.scrollWidth > fdName.clientWidth
      && container.getBoundingClientRect().width > parseFloat(getComputedStyle(container).minWidth) + 1;
    return { lines, cutButtons, cut, fdNameCutBeforeContainer };
  }), n);
}

async function openStreamsWithFindings(page: Page): Promise<void> {
  await page.goto(h.host.url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'I/O Streams' }).click();
  await page.locator('.stream-op').first().waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Findings/ }).click();
  await page.getByRole('complementary', { name: 'Findings' }).waitFor();
}

for (const width of [1360, 1160, 1000]) {
  test(`at ${width} px with the Findings drawer open, each I/O Streams card header is one line with its buttons whole`, { skip }, async () => {
    const { page } = h;
    await page.setViewportSize({ width, height: 860 });
    try {
      await openStreamsWithFindings(page);
      await h.shot(`45-streams-card-headers-${width}`);
      const layouts = await headerLayouts(page, 12);
      assert.ok(layouts.length >= 5, `${layouts.length} cards`);
      layouts.forEach((l, i) => {
        assert.equal(l.lines, 1, `card ${i + 1}'s header takes ${l.lines} lines`);
        assert.deepEqual(l.cutButtons, [], `card ${i + 1}'s buttons run past its header`);
        assert.ok(!l.fdNameCutBeforeContainer, `card ${i + 1}: the fd name is cut while the container keeps more than its least`);
        for (const c of l.cut) {
          assert.ok(c.titled, `card ${i + 1}: "${c.text}" is cut with no tooltip of its whole text`);
          assert.ok(!c.streamKey, `card ${i + 1}: the stream key "${c.text}", which a user types, is cut`);
        }
      });
      const follow = page.locator('.stream-op header').first().getByRole('button', { name: /^Follow / });
      const hit = await isOnTop(follow);
      assert.ok(hit, 'the first card\'s Follow button is reachable');
    } finally {
      const close = page.getByRole('button', { name: 'Close findings' });
      if (await close.count() > 0) await close.click();
      await page.setViewportSize({ width: 1360, height: 860 });
    }
  });
}

test('at 1000 px with the Findings drawer open, each Hex row of 16 bytes stays on one line, its ASCII beside its bytes (QA H79: the ASCII column wrapped under them)', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 860 });
  try {
    await openStreamsWithFindings(page);
    await page.getByRole('radio', { name: 'Hex' }).click();
    await page.locator('.stream-op pre').first().filter({ hasText: /0x0000:/ }).waitFor();
    await h.shot('streams-hex-1000-findings');
    const cards = await page.locator('.stream-op pre').evaluateAll((pres) => pres.slice(0, 8).map((pre) => {
      const rows = (pre.textContent ?? '').split('\n').length;
      const range = document.createRange();
      range.selectNodeContents(pre);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return { rows, lines: tops.size };
    }));
    assert.ok(cards.length >= 5, `${cards.length} cards`);
    cards.forEach((c, i) => assert.equal(c.lines, c.rows, `card ${i + 1}'s ${c.rows} hex rows take ${c.lines} lines`));
  } finally {
    const close = page.getByRole('button', { name: 'Close findings' });
    if (await close.count() > 0) await close.click();
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});

test('at 1000 px with the Findings drawer open, the cards of a container\'s I/O keep their buttons whole, the container named in the process\'s tooltip (QA H79: the Bookmark button ran past the card)', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 860 });
  try {
    await openStreamsWithFindings(page);
    await page.locator('#filter-input').fill('container.id="44136c54b079"');
    await page.locator('#filter-input').press('Enter');
    await page.locator('.stream-op header').filter({ hasText: '5253:4#' }).first().waitFor({ timeout: 30_000 });
    await h.shot('streams-container-cards-1000-findings');
    const layouts = await headerLayouts(page, 12);
    assert.ok(layouts.length >= 5, `${layouts.length} cards`);
    layouts.forEach((l, i) => {
      assert.equal(l.lines, 1, `card ${i + 1}'s header takes ${l.lines} lines`);
      assert.deepEqual(l.cutButtons, [], `card ${i + 1}'s buttons run past its header`);
    });
    const proc = page.locator('.stream-op header .proc').first();
    assert.match((await proc.getAttribute('title')) ?? '', /^nginx \(5253\) in container k8s_nginx_web-/);
  } finally {
    const close = page.getByRole('button', { name: 'Close findings' });
    if (await close.count() > 0) await close.click();
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
