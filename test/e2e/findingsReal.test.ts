/**
 * Findings, end to end on a real capture (sysdig-inspect's inspect_502Error.scap, copied to a
 * private directory): the investigator records the overview as a step, bookmarks the load
 * balancer's row in the containers view and the haproxy write that carries "502 Bad Gateway",
 * writes notes, and exports. The HTML report is opened in Chromium (nothing may run or load;
 * screenshot in test-results/) and checked with its Markdown twin for the capture's identity,
 * the steps, the notes and the reproducing commands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Download } from 'playwright-core';
import { capturesDir, referenceSkip } from '../support/reference';
import { e2eSkip, openSavedReport, sharedHarness } from './harness';
import { openEvidence } from '../../electron/engine/evidence/openEvidence';
import { listStreams } from '../../electron/engine/evidence/streamsList';
import { shellQuote } from '../../shared/findings/commands';

const skip = e2eSkip() || referenceSkip(false);
const downloads: Download[] = [];
const stem = 'inspect_502Error-findings';
let badGatewayEvt = 0;
let badGatewayStream = '';

// Never write beside the shared captures: the app and the report work on a private copy.
const { h, capturePath, out } = sharedHarness({
  skip, privateCopyOf: join(capturesDir, 'inspect_502Error.scap'),
  // The operation to bookmark, found with the engine itself rather than copied from sysdig.
  prepare: async (capture) => {
    const st = openEvidence(capture, 'proc.name=haproxy and evt.dir=<');
    const page = await listStreams(st.walk, { predicate: st.predicate, limit: Infinity });
    const bad = page.operations.filter((o) => o.direction === 'write' && Buffer.from(o.data).toString('latin1').includes('502 Bad Gateway'));
    assert.equal(bad.length, 1, 'haproxy writes one 502 answer');
    badGatewayEvt = bad[0].evtNum;
    badGatewayStream = bad[0].streamKey;
  },
  started: (harness) => harness.page.on('download', (d) => downloads.push(d)),
});

test('the overview is recorded as a step with a note', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const tile = page.getByRole('button', { name: 'Running Containers', exact: true });
  await tile.waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Findings/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByRole('button', { name: 'Record this step' }).click();
  await panel.getByLabel('Note on step 1').fill('Two containers: a haproxy load balancer in front of a python web app.');
  assert.equal(await panel.getByRole('list', { name: 'Recorded steps' }).getByRole('listitem').count(), 1);
  await panel.getByRole('button', { name: 'Close findings' }).click();
});

test('the load balancer\'s row and the 502 stream operation are bookmarked, each with a note', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Running Containers in a view' }).click();
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.getByRole('row').filter({ hasText: 'example2_lb_1' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Find', { exact: true }).fill('example2_lb_1');
  await page.getByLabel('Find', { exact: true }).press('Enter');
  await page.getByText(/^Row \d+/).waitFor();
  assert.match(await grid.locator('.grid-row.selected').innerText(), /example2_lb_1/);

  await page.getByRole('button', { name: /^Findings/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByLabel('Report title').fill('haproxy answers 502 Bad Gateway');
  await panel.getByLabel('Report summary').fill('The load balancer forwards GET / to the web container and answers the client with a 502.');
  await panel.getByRole('button', { name: 'Bookmark selected row' }).click();
  await panel.getByRole('status').filter({ hasText: /Bookmarked Containers row/ }).waitFor();
  await panel.getByRole('button', { name: 'Close findings' }).click();

  // Filtered to haproxy; the stream key is the same under any filter (tested at the end).
  const box = page.getByRole('combobox', { name: 'Filter' });
  await box.fill('proc.name=haproxy');
  await box.press('Enter');
  await page.getByRole('tab', { name: 'I/O Streams' }).click();
  const ops = page.getByRole('region', { name: 'I/O operations' });
  await ops.getByRole('article').filter({ hasText: '502 Bad Gateway' }).waitFor({ timeout: 30_000 });
  await h.shot('findings-real-502-operation');
  await page.getByRole('button', { name: `Bookmark stream operation #${badGatewayEvt}` }).click();
  await box.fill('');
  await box.press('Enter');
  await page.getByRole('button', { name: /^Findings/ }).click();

  const evidence = panel.getByRole('list', { name: 'Bookmarked evidence' }).getByRole('listitem');
  assert.equal(await evidence.count(), 2);
  await panel.getByLabel(/^Note on Containers row/).fill('The load balancer container.');
  await panel.getByLabel(/^Note on Stream operation/).fill('haproxy tells the client: 502 Bad Gateway.');
  assert.equal(await panel.getByRole('list', { name: 'Recorded steps' }).getByRole('listitem').count(), 1, 'a bookmark records no step');
  await h.shot('findings-real-panel');
});

test('Export findings saves the HTML report, its Markdown twin and the findings file', { skip }, async () => {
  const { page } = h;
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByRole('button', { name: 'Export findings' }).click();
  await panel.getByRole('status').filter({ hasText: /Report exported/ }).waitFor({ timeout: 60_000 });
  for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
  assert.deepEqual(downloads.map((d) => d.suggestedFilename()).sort(), [`${stem}.html`, `${stem}.json`, `${stem}.md`]);
  for (const d of downloads) await d.saveAs(join(out, d.suggestedFilename()));
  assert.deepEqual(h.pageErrors, []);
});

test('the HTML report names the real capture, shows steps, notes and commands, and nothing in it runs', { skip }, async () => {
  const html = readFileSync(join(out, `${stem}.html`), 'utf8');
  const sha = createHash('sha256').update(readFileSync(capturePath)).digest('hex');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|href=/i, 'no script and no external resource');

  const { text, problems } = await openSavedReport(h.browser, join(out, `${stem}.html`), 'findings-real-report', { viewport: { width: 1100, height: 900 } });
  assert.deepEqual(problems, []);
  for (const want of ['haproxy answers 502 Bad Gateway', 'inspect_502Error.scap', sha, 'Investigation steps', 'Step 1: Overview',
    'Two containers: a haproxy load balancer', 'The load balancer container.', 'haproxy tells the client: 502 Bad Gateway.',
    'example2_lb_1', '502 Bad Gateway', 'GET /foo', `syscope streams ${basename(capturePath)} --follow ${shellQuote(badGatewayStream)}`]) {
    assert.ok(text.includes(want), `the report shows ${want}`);
  }
});

test('the Markdown twin has the same identity, steps, notes and commands', { skip }, () => {
  const md = readFileSync(join(out, `${stem}.md`), 'utf8');
  const sha = createHash('sha256').update(readFileSync(capturePath)).digest('hex');
  assert.match(md, /^# haproxy answers 502 Bad Gateway\n/);
  for (const want of [`- **SHA-256:** ${sha}`, '- **File:** inspect\\_502Error.scap', '- **Host:** ', '### Step 1: Overview', '> Two containers: a haproxy load balancer',
    '> The load balancer container.', '> haproxy tells the client: 502 Bad Gateway.', `syscope streams ${basename(capturePath)} --follow ${shellQuote(badGatewayStream)}`]) {
    assert.ok(md.includes(want), `the Markdown has ${want}`);
  }
  assert.doesNotMatch(md.replace(/```[\s\S]*?```/g, ''), /(?<!\\)(?:\\\\)*<script/i, 'no unescaped tag outside code');
});

test('a stream operation keeps its conversation\'s key whatever the filter it is listed under', { skip }, async () => {
  const keyUnder = async (filter: string) => {
    const st = openEvidence(capturePath, filter);
    const page = await listStreams(st.walk, { predicate: st.predicate, limit: Infinity });
    return page.operations.find((o) => o.evtNum === badGatewayEvt)?.streamKey;
  };
  assert.equal(await keyUnder(''), badGatewayStream);
  assert.equal(await keyUnder(`evt.num=${badGatewayEvt}`), badGatewayStream);
  assert.equal(await keyUnder(`evt.num>=${badGatewayEvt}`), badGatewayStream);
  assert.equal(await keyUnder('fd.name contains 44604'), badGatewayStream);
});

test('no errors were thrown in the page', { skip }, () => {
  assert.deepEqual(h.pageErrors, []);
});
