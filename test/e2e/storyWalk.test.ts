/**
 * docs/story.md walked as a newcomer reads it, in a real browser against the real engine: the
 * sample opened from the welcome screen, and at the end of steps 2, 4, 5 and 6 "Findings →
 * Record this step", as the story says. Step 7's export then has those four steps, titled as the
 * story says they are (QA 16 F3: the story never said to record them, and a reader reached step 7
 * with no step recorded), and the two stream operations bookmarked on the way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { projectRoot } from '../support/reference';
import { e2eSkip, sharedHarness } from './harness';

const skip = e2eSkip();
const downloads: Download[] = [];
const { h, out } = sharedHarness({ skip, started: (hh) => hh.page.on('download', (d) => downloads.push(d)) });

/** The titles docs/story.md gives the four recorded steps, read from the story itself. */
function storyStepTitles(): string[] {
  const story = readFileSync(join(projectRoot, 'docs', 'story.md'), 'utf8');
  return [...story.matchAll(/\*\*Record this step\*\*[^*]*?\*([^*]+)\*/g)].map((m) => m[1].replace(/\s+/g, ' '));
}

async function recordStep(n: number): Promise<void> {
  const panel = h.page.getByRole('complementary', { name: 'Findings' });
  if (await panel.count() === 0) await h.page.getByRole('button', { name: /^Findings/ }).click();
  await panel.getByRole('button', { name: 'Record this step' }).click();
  await panel.getByRole('status').filter({ hasText: `Step ${n} recorded.` }).waitFor();
}

test('story steps 1-2: the sample from the welcome screen, Container Deaths pinned and recorded', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  await page.getByRole('button', { name: /CrashLoopBackOff of an nginx container/ }).click();
  const deaths = page.getByRole('button', { name: 'Container Deaths', exact: true });
  await deaths.waitFor({ timeout: 30_000 });
  await deaths.click();
  await recordStep(1);
});

test('story steps 3-4: the dead containers, Enter on 44136c54b079, its processes recorded, then its files', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Container Deaths in a view' }).click();
  const containers = page.getByRole('grid', { name: 'Containers' });
  await containers.getByRole('row').filter({ hasText: '44136c54b079' }).click({ timeout: 30_000 });
  await containers.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('grid', { name: 'Processes' }).getByRole('row').filter({ hasText: 'nginx -g daemon off;' }).waitFor({ timeout: 30_000 });
  await recordStep(2);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Files', exact: true }).click();
  await page.getByRole('grid', { name: 'Files' }).getByRole('row').filter({ hasText: '/var/log/nginx/error.log' }).waitFor({ timeout: 30_000 });
});

test('story step 5: e on error.log shows the one write, recorded and bookmarked', { skip }, async () => {
  const { page } = h;
  const files = page.getByRole('grid', { name: 'Files' });
  await files.getByRole('row').filter({ hasText: '/var/log/nginx/error.log' }).click();
  await files.focus();
  await page.keyboard.press('e');
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByText(/host not found in upstream "api-backend:8080"/).waitFor({ timeout: 30_000 });
  await recordStep(3);
  await ops.getByRole('button', { name: 'Bookmark stream operation #344' }).click();
});

test('story step 6: resolv.conf, then the DNS filter over the whole capture, in hex, followed, recorded', { skip }, async () => {
  const { page } = h;
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await crumbs.getByRole('button', { name: 'Files in container 44136c54b079' }).click();
  const files = page.getByRole('grid', { name: 'Files' });
  await files.getByRole('row').filter({ hasText: '/etc/resolv.conf' }).click({ timeout: 30_000 });
  await files.focus();
  await page.keyboard.press('e');
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByText(/nameserver 10\.96\.0\.10/).waitFor({ timeout: 30_000 });
  await ops.getByRole('button', { name: 'Bookmark stream operation #274' }).click();
  await crumbs.getByRole('button', { name: 'Whole capture' }).click();
  await page.locator('#filter-input').fill('container.id="44136c54b079" and fd.sport=53');
  await page.locator('#filter-input').press('Enter');
  await ops.getByRole('button', { name: 'Follow 5253:5#8' }).first().waitFor({ timeout: 30_000 });
  // The pinned Container Deaths has none under the DNS filter: the timeline says so, not a blank chart (QA H79).
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('status').filter({ hasText: 'No Container Deaths under this filter: nothing to draw.' }).waitFor({ timeout: 10_000 });
  await page.getByRole('radio', { name: 'Hex' }).click();
  await ops.getByRole('button', { name: 'Follow 5253:5#8' }).first().click();
  await page.getByRole('button', { name: 'Stop following' }).waitFor();
  await recordStep(4);
});

test('story step 7: Export findings has the four recorded steps, titled as the story says, and both bookmarks', { skip }, async () => {
  const { page } = h;
  const panel = page.getByRole('complementary', { name: 'Findings' });
  const titles = (await panel.locator('.findings-step-title').allInnerTexts()).map((t) => t.replace(/^\d+\. /, ''));
  assert.deepEqual(titles, storyStepTitles(), 'the steps recorded are the ones docs/story.md names, in its words');
  await panel.getByLabel('Report title').fill('nginx CrashLoopBackOff: api-backend not resolvable');
  await panel.getByRole('button', { name: 'Export findings' }).click();
  await panel.getByRole('status').filter({ hasText: /Report exported/ }).waitFor({ timeout: 60_000 });
  for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
  const md = downloads.find((d) => d.suggestedFilename().endsWith('.md'));
  assert.ok(md, 'the Markdown report was saved');
  await md.saveAs(join(out, 'story.md'));
  const text = readFileSync(join(out, 'story.md'), 'utf8');
  assert.equal([...text.matchAll(/^### Step \d/gm)].length, 4);
  assert.match(text, /host not found in upstream/);
  assert.match(text, /nameserver 10\.96\.0\.10/);
  assert.deepEqual(h.pageErrors, []);
});
