import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFindings, type Findings } from '../../../shared/findings/schema';
import { buildFindingsReport, type ReportSource } from './findingsReport';
import { hostileStartTs, writeHostileCapture } from './hostileCapture';

const dir = mkdtempSync(join(tmpdir(), 'syscope-report-warnings-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const capture = join(dir, 'hostile.scap');
const ready = writeHostileCapture(capture);

/** The engine API over a capture whose reader gave `warnings` (the reader's own wording). */
function sourceWarning(warnings: string[]): ReportSource {
  return {
    info: () => ({ captureId: 'x', path: capture, fileName: 'hostile.scap', sizeBytes: 0, events: 6, firstTs: String(hostileStartTs), lastTs: String(hostileStartTs + 2_005_000n), hostname: 'h', numCpus: 2, warnings }),
    tiles: async () => [],
    view: async () => ({ columns: [], rows: [], keys: [], totalRows: 0, offset: 0 }),
  };
}

async function reportWarnings(warnings: string[]): Promise<{ model: string[]; markdown: string; html: string }> {
  await ready;
  const parsed = checkFindings({ format: 'syscope-findings', version: 1 });
  assert.ok(parsed.ok);
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source: sourceWarning(warnings) });
  return { model: r.model.warnings, markdown: r.markdown, html: r.html };
}

const cutOff = 'capture is cut off at byte 299908, inside an EV block of 128 bytes (92 present); the 4655 events before it were read';
const skipped = 'EV block at offset 9: event length 7 runs past the end of its block; event skipped';

test('the report says a cut-off capture is cut off as the app and the command line say it: event blocks, not events, and what the report covers', async () => {
  const r = await reportWarnings([skipped, cutOff]);
  const said = 'Capture: capture is cut off at byte 299908, inside an EV block of 128 bytes (92 present); the 4655 event blocks before it were read (sysdig\'s internal events included); the report covers only the events before it';
  assert.deepEqual(r.model, [said, `Capture: ${skipped}`], 'where reading stops first, as the app lists it');
  assert.ok(r.markdown.includes('the 4655 event blocks before it were read (sysdig\'s internal events included); the report covers only the events before it'), 'in the Markdown');
  assert.ok(r.html.includes('the 4655 event blocks before it were read (sysdig&#39;s internal events included)'), 'in the HTML');
  assert.ok(!r.markdown.includes('4655 events before it'), 'not the reader\'s count of events');
});

test('a gzip stream that breaks is said once in the report, not again as its copy cut off at the same place', async () => {
  const gzipBreak = 'the gzip stream ends early or is damaged after 2221888 decompressed bytes (unexpected end of file); the events before it were read';
  const r = await reportWarnings(['capture is cut off at byte 2221876, inside a block header; the 19456 events before it were read', gzipBreak]);
  assert.deepEqual(r.model, [`Capture: ${gzipBreak}; the report covers only the events before it`]);
});

test('a whole capture\'s report has no capture warning', async () => {
  assert.deepEqual((await reportWarnings([])).model, []);
});

test('an evidence capture not written because no bookmarked event is in the capture says so, not that nothing is bookmarked (QA H79)', async () => {
  await ready;
  const subsetPath = join(dir, 'evidence.scap');
  const build = async (bookmarks: unknown[]) => {
    const parsed = checkFindings({ format: 'syscope-findings', version: 1, bookmarks });
    assert.ok(parsed.ok);
    return (await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source: sourceWarning([]), subsetPath })).model.warnings;
  };
  assert.deepEqual(await build([{ kind: 'event', evtNum: 999, note: '' }]), ['No evidence capture was written: none of the bookmarked events or stream operations is in this capture.']);
  assert.deepEqual(await build([]), ['No evidence capture was written: no event or stream operation is bookmarked.']);
});

test('a bookmarked stream operation whose event the capture does not have is said to be missing, as the app says it, not to be no read or write (QA H79)', async () => {
  await ready;
  const parsed = checkFindings({ format: 'syscope-findings', version: 1, bookmarks: [{ kind: 'stream', evtNum: 9000, note: '' }, { kind: 'stream', evtNum: 1, note: '' }, { kind: 'event', evtNum: 9000, note: '' }] });
  assert.ok(parsed.ok);
  const r = await buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source: sourceWarning([]) });
  assert.deepEqual(r.model.evidence.map((e) => e.problem), [
    'There is no event #9000 in this capture.',
    'Event #1 is not a read or write with data in this capture.',
    'There is no event #9000 in this capture.',
  ]);
});
