/**
 * A capture with a very long file name at 1000 px: the name and the host both give way, each
 * keeping a few letters (their tooltips whole), where the name squeezed the host to nothing
 * (QA H79: 'host' showed as an empty box beside '· 4 CPUs').
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { e2eSkip, samplePath, sharedHarness } from './harness';

const skip = e2eSkip();
const longName = `crashloop-nginx-${'0123456789abcdef'.repeat(5)}.scap`;
const { h } = sharedHarness({ skip, privateCopyOf: samplePath, copyName: longName });

test('at 1000 px a 100-character capture name leaves the host a few letters, both cut with their whole text as a tooltip', { skip }, async () => {
  const { page } = h;
  await page.setViewportSize({ width: 1000, height: 760 });
  try {
    await page.goto(h.host.url);
    const header = page.locator('header.identity');
    await header.locator('.host').waitFor({ timeout: 30_000 });
    await h.shot('header-long-name-1000');
    const item = (cls: string) => header.locator(`:scope > .${cls}`).evaluate((el) => ({
      width: el.getBoundingClientRect().width, cut: el.scrollWidth > el.clientWidth, title: el.getAttribute('title') ?? '', text: el.textContent ?? '',
    }));
    const name = await item('file');
    const host = await item('host');
    assert.ok(name.cut && name.title.endsWith(longName), 'the name is cut, its path in the tooltip');
    const em = await header.locator(':scope > .host').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(host.width >= 4.9 * em || !host.cut, `the host keeps ${host.width.toFixed(0)} px (${host.text})`);
    assert.ok(host.title.startsWith(host.text) && host.title.includes('CPU'), `the host's tooltip holds it whole: ${host.title}`);
    assert.ok(name.width >= 8 * em - 1, `the name keeps its 8em (${name.width.toFixed(0)} px)`);
  } finally {
    await page.setViewportSize({ width: 1360, height: 860 });
  }
});
