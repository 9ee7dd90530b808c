import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFindings, type Findings } from '../../../shared/findings/schema';
import type { TableWindow } from '../../../shared/ipc/contract';
import { openEvidence } from '../evidence/openEvidence';
import type { ProcessNode } from '../evidence/processTree';
import { exportEvents } from './eventsExport';
import { exportStream } from './streamExport';
import { exportView } from './viewExport';
import { nestProcessTree } from './treeExport';
import { buildFindingsReport, type ReportSource } from './findingsReport';
import { memorySink } from './output';
import { renderReportMarkdown } from '../../../shared/findings/renderMarkdown';
import { renderReportHtml } from '../../../shared/findings/renderHtml';
import { escapeMarkdown } from '../../../shared/findings/escape';
import { hostileStartTs, hostileText, writeHostileCapture } from './hostileCapture';

const dir = mkdtempSync(join(tmpdir(), 'syscope-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const capture = join(dir, 'hostile.scap');
const ready = writeHostileCapture(capture);

/** A stand-in for the engine API over the hostile capture (one table, no tiles). */
const source: ReportSource = {
  info: () => ({ captureId: 'x', path: capture, fileName: 'hostile.scap', sizeBytes: 0, events: 6, firstTs: String(hostileStartTs), lastTs: String(hostileStartTs + 2_005_000n), hostname: '<b>host</b>', numCpus: 2, warnings: [] }),
  tiles: async () => [{ id: 'files', category: 'file', title: 'Files <i>touched</i>', total: 3, max: 1, series: [1, 0, 1, 1] }],
  view: async () => ({ columns: [{ name: 'NAME', title: 'NAME', type: 'string' }], rows: [[hostileText.fileName]], keys: [hostileText.fileName], totalRows: 1, offset: 0 }),
};

test('events exported as CSV keep hostile capture text as inert cells', async () => {
  await ready;
  const { walk, predicate, resolve } = openEvidence(capture, 'evt.dir=<');
  const out = memorySink();
  const n = await exportEvents(walk, { fields: ['evt.num', 'proc.name', 'fd.name', 'evt.arg.data'], resolve, predicate }, 'csv', out);
  assert.equal(n, 3);
  const lines = out.text().split('\r\n');
  assert.equal(lines[0], 'evt.num,proc.name,fd.name,evt.arg.data');
  assert.ok(lines[1].startsWith(`2,'=cmd|calc,`), lines[1]);
  assert.match(lines[2], /,"'=HYPERLINK\(""http:\/\/evil/);
  assert.match(lines[3], /,'@SUM\(A1:A9\)/);
  for (const l of lines.slice(1, 4)) for (const cell of l.split(',')) assert.doesNotMatch(cell, /^"?[=+@]/, `cell ${cell}`);
});

test('events exported as JSON lines carry sysdig -j values (numbers, raw times)', async () => {
  await ready;
  const { walk, resolve } = openEvidence(capture, '');
  const out = memorySink();
  await exportEvents(walk, { fields: ['evt.num', 'evt.time', 'proc.name', 'evt.res'], resolve }, 'jsonl', out);
  const rows = out.text().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rows.length, 6);
  assert.deepEqual(rows[1], { 'evt.num': 2, 'evt.time': String(hostileStartTs + 5000n), 'proc.name': '=cmd|calc', 'evt.res': 'SUCCESS' });
});

test('a stream exports as its raw bytes in order, and as a transcript with one header per turn', async () => {
  await ready;
  const raw = memorySink();
  const s = await exportStream(openEvidence(capture, '').walk, { follow: '4242:3' }, 'raw', raw);
  assert.equal(s.operations, 3);
  assert.equal(Buffer.from(raw.bytes()).toString(), hostileText.payloads.join(''));
  const text = memorySink();
  await exportStream(openEvidence(capture, '').walk, { follow: hostileText.fileName }, 'text', text);
  assert.match(text.text(), /^# stream \/tmp\/=SUM/);
  assert.match(text.text(), /--- write 109B by =cmd\|calc \(4242\)/);
  assert.match(text.text(), /captured\), 1 turn\n/, 'one turn is counted in the singular');
  assert.ok(text.text().includes(hostileText.payloads.join('').trimEnd()), 'a turn reads as one text, line breaks kept');
});

test('a view table is paged through the engine into CSV (neutralised) and JSON with row keys', async () => {
  const rows = Array.from({ length: 12_001 }, (_, i) => [`=row${i}`, i] as Array<string | number | null>);
  const pager = async (q: { offset: number; limit: number }): Promise<TableWindow> => ({
    columns: [{ name: 'NAME', title: 'NAME', type: 'string' }, { name: 'N', title: 'N', type: 'number' }],
    rows: rows.slice(q.offset, q.offset + q.limit), keys: rows.slice(q.offset, q.offset + q.limit).map((r) => String(r[1])), totalRows: rows.length, offset: q.offset,
  });
  const csv = memorySink();
  assert.equal(await exportView(pager, { viewId: 'files' }, 'csv', csv), 12_001);
  const lines = csv.text().trimEnd().split('\r\n');
  assert.equal(lines.length, 12_002);
  assert.equal(lines[12_001], `'=row12000,12000`);
  const json = memorySink();
  await exportView(pager, { viewId: 'files' }, 'json', json);
  const doc = JSON.parse(json.text());
  assert.equal(doc.rows.length, 12_001);
  assert.deepEqual(doc.rows[5], { NAME: '=row5', N: 5, '@key': '5' });
});

test('the process tree nests children under parents and keeps orphans of a pid cycle', () => {
  const node = (pid: number, ppid: number, children: number[]): ProcessNode => ({
    pid, ppid, parentTid: ppid, name: `p${pid}`, exe: '', args: [], cmdline: '', uid: 0, user: 'root', containerId: '', vpid: null,
    startTs: null, startEvtNum: null, exitTs: null, exitEvtNum: null, exitCode: null, exitSignal: null, coreDumped: false, crashed: false,
    crashReason: '', execs: 0, lastExecTs: null, lastExecEvtNum: null, threads: 1, files: 0, connections: 0, children,
  });
  const roots = nestProcessTree([node(1, 0, [2, 3]), node(2, 1, [4]), node(3, 1, []), node(4, 2, []), node(7, 8, [8]), node(8, 7, [7])]);
  assert.equal(roots[0].pid, 1);
  assert.deepEqual(roots[0].children.map((c) => c.pid), [2, 3]);
  assert.deepEqual(roots[0].children[0].children.map((c) => c.pid), [4]);
  const all: number[] = [];
  const walk = (n: { pid: number; children: Array<{ pid: number; children: unknown[] }> }) => { all.push(n.pid); (n.children as typeof roots).forEach(walk); };
  roots.forEach(walk);
  assert.deepEqual(all.sort(), [1, 2, 3, 4, 7, 8], 'every process appears exactly once');
});

test('the report of hostile evidence escapes everything: no markup from the capture or the notes survives', async () => {
  await ready;
  const parsed = checkFindings({
    format: 'syscope-findings', version: 1, title: 'Title <script>alert(0)</script>', summary: '=1+1 <iframe src=x>',
    steps: [{ title: '<b>step</b>', viewId: 'files', filter: 'fd.name contains "<"', tiles: ['files'], note: '<img src=x onerror=alert(4)>' }],
    bookmarks: [
      { kind: 'event', evtNum: 2, note: '</div><script>alert(5)</script>' },
      { kind: 'stream', evtNum: 4, streamKey: '4242:3', note: '=HYPERLINK("x")' },
      { kind: 'row', viewId: 'files', key: hostileText.fileName, note: '' },
    ],
  });
  assert.ok(parsed.ok);
  const findings = (parsed as { findings: Findings }).findings;
  const r = await buildFindingsReport({ capturePath: capture, findings, source, now: new Date(0) });
  // Only the report's own tags: everything else is text.
  const tags = new Set([...r.html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
  for (const t of tags) assert.ok(['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'p', 'section', 'h2', 'div', 'table', 'tr', 'th', 'td', 'h3', 'pre', 'span', 'svg', 'line', 'text', 'g', 'rect', 'ul', 'li', 'footer', 'thead', 'tbody', 'code'].includes(t), `unexpected <${t}>`);
  assert.doesNotMatch(r.html, /<[^>]*\bon(error|load)\s*=/i, 'no element carries an event handler');
  assert.ok(r.html.includes('&lt;script&gt;alert(&quot;report&quot;)&lt;/script&gt;'), 'the payload is shown, escaped');
  assert.ok(r.html.includes('&lt;img src=x onerror=alert(4)&gt;'), 'the note is shown, escaped');
  assert.match(r.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
  const sha = createHash('sha256').update(readFileSync(capture)).digest('hex');
  assert.ok(r.html.includes(sha) && r.markdown.includes(sha), 'both name the capture by its SHA-256');
  // Markdown: no raw HTML, fenced excerpts, commands shell-quoted.
  assert.doesNotMatch(r.markdown.replace(/```[\s\S]*?```/g, ''), /(?<!\\)(?:\\\\)*<[a-z/]/i);
  assert.ok(r.markdown.includes('\\</div>\\<script>alert(5)\\</script>'));
  assert.ok(r.markdown.includes(`syscope dump ${capture} evt.num=2`));
  assert.ok(r.markdown.includes(`syscope streams ${capture} --follow 4242:3`));
  assert.ok(r.markdown.includes(`syscope view ${capture} files --filter 'fd.name contains "<"'`));
  assert.equal(r.model.evidence.length, 3);
  assert.equal(r.model.evidence[2].problem, undefined, 'the bookmarked row is found by its key');
  assert.equal(r.model.steps[0].charts[0].title, 'Files <i>touched</i>');
});

test('bookmarks that point nowhere are reported as problems, not errors', async () => {
  await ready;
  const parsed = checkFindings({ format: 'syscope-findings', version: 1, bookmarks: [{ kind: 'event', evtNum: 999, note: '' }, { kind: 'stream', evtNum: 1, note: '' }] });
  assert.ok(parsed.ok);
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source });
  assert.equal(r.model.evidence[0].problem, 'There is no event #999 in this capture.');
  assert.match(r.model.evidence[1].problem ?? '', /not a read or write with data/);
});

test('an in-memory export stops with one line past its size bound', () => {
  const m = memorySink(4, 'too large: use the CLI');
  m.write('1234');
  assert.throws(() => m.write('5'), /^Error: too large: use the CLI$/);
});

test('on an Overview step, a pinned tile the step filter leaves without data is named by the tile, as having none under the filter and what it counts without it', async () => {
  await ready;
  const parsed = checkFindings({
    format: 'syscope-findings', version: 1,
    steps: [{ title: 'deaths', viewId: 'overview', filter: 'proc.name=nobody', tiles: ['files', 'not.a.tile'] }],
  });
  assert.ok(parsed.ok);
  // Like the engine: tiles with no data under a filter are left out of the answer.
  const filtered: ReportSource = { ...source, tiles: async (q) => (q.filter ? [] : source.tiles(q)) };
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source: filtered });
  assert.deepEqual(r.model.steps[0].charts.map((c) => [c.title, c.absent, c.total]), [
    ['Files <i>touched</i>', "none under this step's filter (3 without it)", 0],
    ['not.a.tile', 'no such tile in this capture', 0],
  ]);
  // Said once, in words, with no flat chart and no "(total 0)" after it (QA 14: doubled parentheses).
  const md = renderReportMarkdown(r.model);
  assert.ok(md.split('\n').includes(`${escapeMarkdown('Files <i>touched</i>')}: ${escapeMarkdown("none under this step's filter (3 without it)")}.`), md);
  assert.doesNotMatch(md, /total 0/);
  const html = renderReportHtml(r.model);
  assert.match(html, /Files &lt;i&gt;touched&lt;\/i&gt;: <span class="dim">none under this step(&#39;|&#x27;|')s filter \(3 without it\)<\/span>/);
  assert.doesNotMatch(html, /\(total 0\)/);
});

test('a step away from the Overview leaves out a pinned tile its filter leaves without data, and keeps one with data (QA 18: a DNS step printed "Container Deaths: none under this filter")', async () => {
  await ready;
  const parsed = checkFindings({
    format: 'syscope-findings', version: 1,
    steps: [
      { title: 'dns', viewId: 'streams', filter: 'proc.name=nobody', tiles: ['files'] },
      { title: 'files', viewId: 'streams', filter: 'proc.name=somebody', tiles: ['files'] },
    ],
  });
  assert.ok(parsed.ok);
  const filtered: ReportSource = { ...source, tiles: async (q) => (q.filter === 'proc.name=nobody' ? [] : source.tiles(q)) };
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source: filtered });
  assert.deepEqual(r.model.steps.map((s) => s.charts.map((c) => [c.title, c.absent, c.total])), [[], [['Files <i>touched</i>', undefined, 3]]]);
  assert.doesNotMatch(renderReportMarkdown(r.model), /none under/);
});

test('a step that cannot be reproduced as written says why in the report (QA 15: an unknown view, a broken filter or a backwards window passed without a word)', async () => {
  await ready;
  const parsed = checkFindings({
    format: 'syscope-findings', version: 1,
    steps: [
      { title: 'fine', viewId: 'procs', filter: 'proc.name=nginx' },
      { title: 'no such view', viewId: 'nosuchview' },
      { title: 'broken filter', viewId: 'events', filter: 'proc.name = = x' },
      { title: 'backwards', viewId: 'procs', window: { from: '2000', to: '1000' } },
    ],
  });
  assert.ok(parsed.ok);
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source });
  const problems = r.model.steps.map((s) => s.problem);
  assert.equal(problems[0], undefined);
  assert.match(problems[1] ?? '', /names a view Syscope does not have \('nosuchview'\)/);
  assert.match(problems[2] ?? '', /^This step's filter does not parse: /);
  assert.equal(problems[3], "This step's time window ends before it starts.");
  assert.ok(r.markdown.includes(`*${escapeMarkdown(problems[1]!)}*`));
  assert.match(r.html, /<p class="problem">This step(&#39;|&#x27;|')s time window ends before it starts\.<\/p>/);
});
