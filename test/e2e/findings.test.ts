/**
 * Findings, end to end on the bundled sample: in a real browser against the real engine the
 * investigator pins a timeline and records the overview as a step, drills into the nginx
 * containers and bookmarks one, bookmarks nginx's exit event and a DNS answer it read, writes
 * notes (hostile ones, with <script> and a CSV formula), and exports the findings. The saved
 * HTML report is opened in Chromium (nothing may run or load; screenshot in test-results/) and
 * checked with its Markdown twin for the capture's identity, the steps, the notes and the
 * reproducing commands; `syscope report` on the saved findings file makes the same report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import type { Download } from 'playwright-core';
import { e2eSkip, startHarness, samplePath, openSavedReport, sharedHarness } from './harness';
import { projectRoot } from '../support/reference';
import { openEvidence } from '../../electron/engine/evidence/openEvidence';
import { listEvents } from '../../electron/engine/evidence/eventsList';
import { listStreams } from '../../electron/engine/evidence/streamsList';
import { EventFieldSet } from '../../electron/engine/evidence/eventFields';
import { shellQuote } from '../../shared/findings/commands';
import { hostileText, writeHostileCapture } from '../../electron/engine/export/hostileCapture';

const skip = e2eSkip();
const downloads: Download[] = [];
const hostileNote = '<script>alert("note")</script> =HYPERLINK("http://evil.example","x")';
let exitEvt = 0;
let dnsEvt = 0;
let dnsStream = '';

// A private copy: the bundled sample is rebuilt whenever anyone builds, and the report must be
// made from the very file the app had open.
const { h, capturePath, out } = sharedHarness({
  skip, privateCopyOf: samplePath,
  // What to bookmark, found with the engine itself (the sample's event numbers change as it evolves).
  prepare: async (capture) => {
    const ev = openEvidence(capture, 'evt.type=procexit and proc.name=nginx');
    const exits = await listEvents(ev.walk, { fields: new EventFieldSet(['evt.num'], ev.resolve), predicate: ev.predicate, limit: 1 });
    exitEvt = exits.events[0].evtNum;
    const st = openEvidence(capture, 'proc.name=nginx and fd.type=ipv4 and evt.dir=<');
    const reads = await listStreams(st.walk, { predicate: st.predicate, limit: 2 });
    const answer = reads.operations.find((o) => o.direction === 'read') ?? reads.operations[0];
    dnsEvt = answer.evtNum;
    dnsStream = answer.streamKey;
  },
  started: (harness) => harness.page.on('download', (d) => downloads.push(d)),
});

test('the overview, pinned timeline and all, is recorded as a step with a note', { skip }, async () => {
  const { page } = h;
  await page.goto(h.host.url);
  const tile = page.getByRole('button', { name: 'Running Containers', exact: true });
  await tile.waitFor({ timeout: 30_000 });
  await tile.click();
  await page.getByRole('button', { name: /^Findings/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByRole('button', { name: 'Record this step' }).click();
  await panel.getByLabel('Note on step 1').fill('Containers keep restarting: one more every back-off.');
  assert.equal(await panel.getByRole('list', { name: 'Recorded steps' }).getByRole('listitem').count(), 1);
  await panel.getByRole('button', { name: 'Close findings' }).click();
});

test('a view row, an event (events list) and a stream operation (I/O streams) are bookmarked, each with a note', { skip }, async () => {
  const { page } = h;
  await page.getByRole('button', { name: 'Open Running Containers in a view' }).click();
  const grid = page.getByRole('grid', { name: 'Containers' });
  await grid.getByRole('row').filter({ hasText: 'nginx' }).first().waitFor();
  await page.getByLabel('Find', { exact: true }).fill('nginx:');
  await page.getByLabel('Find', { exact: true }).press('Enter');
  await page.getByText(/^Row \d+/).waitFor();

  await page.getByRole('button', { name: /^Findings/ }).click();
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByLabel('Report title').fill('nginx cannot resolve api-backend');
  await panel.getByLabel('Report summary').fill('nginx exits with status 1 at start-up: the DNS lookup of its upstream fails.');
  await panel.getByRole('button', { name: 'Bookmark selected row' }).click();
  await panel.getByRole('status').filter({ hasText: /Bookmarked Containers row/ }).waitFor();

  await panel.getByRole('button', { name: 'Close findings' }).click();

  // The event, from the events list's detail; the DNS answer, from the I/O streams.
  const box = page.getByRole('combobox', { name: 'Filter' });
  await box.fill(`evt.num=${exitEvt}`);
  await box.press('Enter');
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('grid', { name: 'Events' }).getByRole('row').nth(1).click();
  await page.getByRole('button', { name: `Bookmark event #${exitEvt}` }).click();
  assert.equal(await page.getByRole('button', { name: `Remove the bookmark on event #${exitEvt}` }).getAttribute('aria-pressed'), 'true');
  await box.fill(`evt.num=${dnsEvt}`);
  await box.press('Enter');
  await page.getByRole('tab', { name: 'I/O Streams' }).click();
  await page.getByRole('button', { name: `Bookmark stream operation #${dnsEvt}` }).click();
  await box.fill('');
  await box.press('Enter');
  await page.getByRole('button', { name: /^Findings/ }).click();

  const evidence = panel.getByRole('list', { name: 'Bookmarked evidence' }).getByRole('listitem');
  assert.equal(await evidence.count(), 3);
  await panel.getByLabel(`Note on Event #${exitEvt}`).fill(`First exit of nginx.\n${hostileNote}`);
  await panel.getByLabel(/^Note on Stream operation/).fill('The DNS answer: no such name.');
  await panel.getByLabel(/^Note on Containers row/).fill('The first nginx container.');
  assert.equal(await panel.getByRole('list', { name: 'Recorded steps' }).getByRole('listitem').count(), 1, 'a bookmark records no step');
  await h.shot('findings-panel');
});

test('Export findings saves the HTML report, its Markdown twin and the findings file', { skip }, async () => {
  const { page } = h;
  const panel = page.getByRole('complementary', { name: 'Findings' });
  await panel.getByRole('button', { name: 'Export findings' }).click();
  await panel.getByRole('status').filter({ hasText: /Report exported/ }).waitFor({ timeout: 60_000 });
  for (let i = 0; i < 50 && downloads.length < 3; i++) await page.waitForTimeout(100);
  assert.deepEqual(downloads.map((d) => d.suggestedFilename()).sort(), ['crashloop-nginx-findings.html', 'crashloop-nginx-findings.json', 'crashloop-nginx-findings.md']);
  for (const d of downloads) await d.saveAs(join(out, d.suggestedFilename()));
  assert.deepEqual(h.pageErrors, []);
});

test('the HTML report names the capture, shows steps, notes and commands, and nothing in it runs', { skip }, async () => {
  const html = readFileSync(join(out, 'crashloop-nginx-findings.html'), 'utf8');
  const sha = createHash('sha256').update(readFileSync(capturePath)).digest('hex');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|href=/i, 'no script and no external resource');
  assert.ok(html.includes('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;'), 'the hostile note is shown as text');

  const { text, problems } = await openSavedReport(h.browser, join(out, 'crashloop-nginx-findings.html'), 'findings-report', { viewport: { width: 1100, height: 900 } });
  assert.deepEqual(problems, []);
  for (const want of ['nginx cannot resolve api-backend', 'crashloop-nginx.scap', sha, 'node-2', 'Investigation steps', 'Step 1: Overview', 'Running Containers',
    'Containers keep restarting', 'The first nginx container.', 'The DNS answer: no such name.', hostileNote,
    // By file name, as the Capture section names it (QA 20: this machine's path).
    `syscope dump ${basename(capturePath)} evt.num=${exitEvt}`, `sysdig -r ${basename(capturePath)} evt.num=${exitEvt}`, `syscope streams ${basename(capturePath)} --follow ${shellQuote(dnsStream)}`, 'procexit']) {
    assert.ok(text.includes(want), `the report shows ${want}`);
  }
  assert.ok(!html.includes(capturePath), 'no path of the machine that made it');
  assert.equal((html.match(/<svg /g) ?? []).length >= 1, true, 'the pinned timeline is drawn');
});

test('the Markdown twin has the same identity, steps, notes (escaped) and commands', { skip }, () => {
  const md = readFileSync(join(out, 'crashloop-nginx-findings.md'), 'utf8');
  const sha = createHash('sha256').update(readFileSync(capturePath)).digest('hex');
  assert.match(md, /^# nginx cannot resolve api-backend\n/);
  for (const want of [`- **SHA-256:** ${sha}`, '- **File:** crashloop-nginx.scap', '### Step 1: Overview', '> Containers keep restarting',
    '\\<script>alert("note")\\</script>', `syscope dump ${basename(capturePath)} evt.num=${exitEvt}`, `syscope streams ${basename(capturePath)} --follow ${shellQuote(dnsStream)}`]) {
    assert.ok(md.includes(want), `the Markdown has ${want}`);
  }
  assert.doesNotMatch(md.replace(/```[\s\S]*?```/g, ''), /(?<!\\)(?:\\\\)*<script/i, 'no unescaped tag outside code');
});

test('syscope report makes the same report from the saved findings file', { skip }, () => {
  const cache = join(out, 'cache');
  mkdirSync(join(out, 'cli'), { recursive: true });
  const again = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), 'report', capturePath, join(out, 'crashloop-nginx-findings.json'), '-o', join(out, 'cli', 'report.html')],
    { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, SYSCOPE_CACHE_DIR: cache } });
  assert.equal(again.status, 0, again.stderr);
  const strip = (s: string) => s.replace(/generated \S+ by/g, 'generated (time) by');
  assert.equal(strip(readFileSync(join(out, 'cli', 'report.md'), 'utf8')), strip(readFileSync(join(out, 'crashloop-nginx-findings.md'), 'utf8')));
});

test('a capture full of <script> and formulas: the app\'s report shows its text and runs none of it', { skip }, async () => {
  const capture = join(out, 'hostile.scap');
  await writeHostileCapture(capture);
  const hh = await startHarness({ openPath: capture });
  const saved: Download[] = [];
  try {
    const { page } = hh;
    page.on('download', (d) => saved.push(d));
    await page.goto(hh.host.url);
    await page.getByRole('button', { name: /^Findings/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Findings/ }).click();
    const panel = page.getByRole('complementary', { name: 'Findings' });
    await panel.getByLabel('Event number', { exact: true }).fill('2');
    await panel.getByRole('button', { name: 'Bookmark event' }).click();
    await panel.getByLabel('Stream operation event number').fill('4');
    await panel.getByRole('button', { name: 'Bookmark stream operation' }).click();
    await panel.getByLabel('Note on Event #2').fill('<img src=x onerror=alert("note")>');
    await panel.getByRole('button', { name: 'Export findings' }).click();
    await panel.getByRole('status').filter({ hasText: /Report exported/ }).waitFor({ timeout: 60_000 });
    for (let i = 0; i < 50 && saved.length < 3; i++) await page.waitForTimeout(100);
    const html = saved.find((d) => d.suggestedFilename().endsWith('.html'));
    const md = saved.find((d) => d.suggestedFilename().endsWith('.md'));
    assert.ok(html && md, 'the report and its twin were saved');
    await html.saveAs(join(out, 'hostile.html'));
    await md.saveAs(join(out, 'hostile.md'));
    assert.deepEqual(hh.pageErrors, []);

    let elements = -1;
    const { text, problems } = await openSavedReport(hh.browser, join(out, 'hostile.html'), 'findings-hostile-report', {
      inspect: async (report) => { elements = await report.locator('img, script, iframe, svg[onload]').count(); },
    });
    assert.equal(elements, 0, 'no element from the capture or the notes');
    assert.deepEqual(problems, [], 'nothing ran, nothing loaded');
    for (const shown of [hostileText.comm, hostileText.fileName, hostileText.payloads[0].trim(), hostileText.payloads[1].trim(), '<img src=x onerror=alert("note")>']) {
      assert.ok(text.includes(shown), `the report shows ${shown} as text`);
    }
    // The table export: the process's command line, which starts with '=', stays text in a spreadsheet.
    await page.getByRole('button', { name: 'Close findings' }).click();
    await page.getByRole('tab', { name: 'Views' }).click();
    await page.getByRole('grid', { name: 'Processes' }).getByRole('row').nth(1).waitFor();
    const before = saved.length;
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    for (let i = 0; i < 100 && saved.length === before; i++) await page.waitForTimeout(100);
    const csv = saved[saved.length - 1];
    assert.match(csv.suggestedFilename(), /\.csv$/);
    await csv.saveAs(join(out, 'hostile.csv'));
    const csvText = readFileSync(join(out, 'hostile.csv'), 'utf8');
    assert.ok(csvText.includes(`"'${hostileText.exe} --payload`), 'the formula is neutralised');
    for (const line of csvText.split('\r\n')) for (const cell of line.split(',')) assert.doesNotMatch(cell, /^"?[=+@]/, `cell ${cell}`);
    const mdText = readFileSync(join(out, 'hostile.md'), 'utf8');
    assert.doesNotMatch(mdText.replace(/```[\s\S]*?```/g, ''), /(?<!\\)(?:\\\\)*<(script|img|svg)/i, 'no raw HTML outside code blocks');
  } finally {
    await hh.close();
  }
});
