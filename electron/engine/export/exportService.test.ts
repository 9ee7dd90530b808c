import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findingsSchema } from '../../../shared/findings/schema';
import { readCapture } from '../capture';
import { ExportService, captureBaseName } from './exportService';
import type { ReportSource } from './findingsReport';
import { hostileStartTs, hostileText, writeHostileCapture } from './hostileCapture';
import { reportPaths } from './reportFiles';

const dir = mkdtempSync(join(tmpdir(), 'syscope-export-service-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const capture = join(dir, 'hostile.scap');
const ready = writeHostileCapture(capture);
const source: ReportSource = {
  info: () => ({ captureId: 'c', path: capture, fileName: 'hostile.scap', sizeBytes: 0, events: 6, firstTs: String(hostileStartTs), lastTs: String(hostileStartTs + 2_005_000n), hostname: 'h', numCpus: 2, warnings: [] }),
  tiles: async () => [],
  view: async () => ({ columns: [{ name: 'FILENAME', title: 'FILENAME', type: 'string' }], rows: [['=x']], keys: ['k'], totalRows: 1, offset: 0 }),
};

test('files are named after the capture', () => {
  assert.equal(captureBaseName('/a/b/crashloop-nginx.scap'), 'crashloop-nginx');
  assert.equal(captureBaseName('/a/b/x.scap.gz'), 'x');
  assert.deepEqual(reportPaths('out/report.html'), { html: 'out/report.html', markdown: 'out/report.md', subset: 'out/report-evidence.scap' });
  assert.deepEqual(reportPaths('out/report'), { html: 'out/report.html', markdown: 'out/report.md', subset: 'out/report-evidence.scap' });
});

test('exportFindings returns the report, its twin, the findings file with the capture identity, and the evidence capture', async () => {
  await ready;
  const findings = findingsSchema.parse({ format: 'syscope-findings', version: 1, includeSubset: true, bookmarks: [{ kind: 'event', evtNum: 2 }, { kind: 'stream', evtNum: 6, streamKey: '4242:3' }] });
  const reply = await new ExportService(capture, () => source).exportFindings({ captureId: 'c', findings });
  assert.deepEqual(reply.files.map((f) => f.fileName), ['hostile-findings.html', 'hostile-findings.md', 'hostile-findings.json', 'hostile-findings-evidence.scap']);
  const saved = findingsSchema.parse(JSON.parse(reply.files[2].content));
  assert.match(saved.capture.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.equal(saved.bookmarks.length, 2);
  const scap = join(dir, 'evidence.scap');
  writeFileSync(scap, Buffer.from(reply.files[3].content, 'base64'));
  const shown: string[] = [];
  await readCapture(scap, { onEvent: (ev) => { if ((ev.flags & 1) === 0) shown.push(Buffer.from(ev.data.subarray(ev.paramOffset[1], ev.paramOffset[1] + ev.paramLength[1])).toString()); } }, { layout: 'file' });
  assert.deepEqual(shown, [hostileText.payloads[0], hostileText.payloads[2]], 'the evidence capture shows exactly the bookmarked events');
});

test('exportData answers each kind of export, neutralising CSV and encoding raw bytes as base64', async () => {
  await ready;
  const svc = new ExportService(capture, () => source);
  const view = await svc.exportData({ captureId: 'c', what: 'view', viewId: 'files', format: 'csv' });
  assert.equal(view.file.content, "FILENAME\r\n'=x\r\n");
  const events = await svc.exportData({ captureId: 'c', what: 'events', format: 'csv', fields: ['evt.num', 'proc.name'], window: { from: String(hostileStartTs), to: String(hostileStartTs + 5000n) } });
  assert.equal(events.file.content, "evt.num,proc.name\r\n1,'=cmd|calc\r\n2,'=cmd|calc\r\n", 'the window includes its end');
  const raw = await svc.exportData({ captureId: 'c', what: 'stream', format: 'raw', follow: '4242:3' });
  assert.equal(raw.file.encoding, 'base64');
  assert.equal(Buffer.from(raw.file.content, 'base64').toString(), hostileText.payloads.join(''));
  const tree = await svc.exportData({ captureId: 'c', what: 'tree', format: 'json' });
  assert.equal(JSON.parse(tree.file.content).roots[0].pid, 4242);
  await assert.rejects(svc.exportData({ captureId: 'c', what: 'events', format: 'csv', filter: 'proc.nme=x' }), (e: Error & { code?: string }) => e.code === 'bad-request' && !e.message.includes('\n'));
});

const cliMain = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cliMain, ...args], { encoding: 'utf8', cwd: resolve(cliMain, '../../..'), env: { ...process.env, SYSCOPE_CACHE_DIR: join(dir, 'cache') } });

test('the export and report commands refuse bad input with one line', async () => {
  await ready;
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ format: 'syscope-findings', version: 1, bookmarks: [{ kind: 'event', evtNum: -3 }] }));
  for (const [args, why] of [
    [['export', capture], /say what to export/],
    [['export', capture, 'events', '--format', 'xml'], /--format must be one of jsonl, csv/],
    [['export', capture, 'stream', '--format', 'raw'], /--follow KEY/],
    [['export', capture, 'view'], /which view\?/],
    [['export', capture, 'events', 'proc.nme=x'], /filter error at column 1: unknown field/],
    [['report', capture, bad, '-o', join(dir, 'r.html')], /not a findings file \(bookmarks\.0\.evtNum/],
    [['report', capture, join(dir, 'missing.json'), '-o', join(dir, 'r.html')], /missing\.json: no such file$/],
    [['report', capture, bad], /-o report\.html/],
  ] as Array<[string[], RegExp]>) {
    const r = cli(...args);
    assert.notEqual(r.status, 0, args.join(' '));
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(lines[0], why);
  }
});

test('a view export reads the table in the sort it was asked for (the order on the user\'s screen)', async () => {
  const asked: unknown[] = [];
  const sorted: ReportSource = { ...source, view: async (q) => { asked.push(q.sort); return source.view(q); } };
  await new ExportService(capture, () => sorted).exportData({ captureId: 'c', what: 'view', viewId: 'procs', format: 'csv', sort: { column: 'NET', descending: true } });
  assert.deepEqual(asked, [{ column: 'NET', descending: true }]);
});
