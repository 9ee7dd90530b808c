/**
 * `syscope report <capture> <findings.json> -o report.html [--subset]`: the findings report
 * from a findings file (as the app's "Export findings" saves it): report.html, report.md beside
 * it, and with --subset (or `includeSubset` in the file) report-evidence.scap holding the
 * bookmarked events. Exit 3, as the reading commands, when the capture stops being readable
 * before its end: the report is written, for the readable part, and says so in its Warnings.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from '../main';
import { parseCommandLine, UsageError } from '../../engine/evidence/commandLine';
import { parseFindings } from '../../../shared/findings/schema';
import { buildFindingsReport } from '../../engine/export/findingsReport';
import { reportPaths } from '../../engine/export/reportFiles';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { fileErrorWords, InputFileError, requireCaptureFile, requireInputFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { requireWritableOutput } from '../outputFile';
import { countOf } from '../../../shared/format/plural';
import { whereReadingStops } from '../../../shared/scap/readingStops';
import { DAMAGED_CAPTURE_STATUS } from '../captureDamage';

const usage = 'usage: syscope report <capture> <findings.json> -o report.html [--subset]';

export const command: Command = {
  summary: 'the findings report (HTML and Markdown, optionally an evidence .scap) from a findings file',
  usage: `${usage}\n  -o (--output) FILE: the report's HTML; its Markdown twin is written beside it\n  --subset: also report-evidence.scap beside it, holding the bookmarked events`,
  options: { valued: ['-o', '--output'], flags: ['--subset'] },
  async run(args) {
    const cl = parseCommandLine(args.map((a) => (a === '-o' ? '--output' : a)), ['output'], ['subset']);
    const findingsPath = cl.filter;
    if (!findingsPath) throw new UsageError('no findings file given');
    if (/\s/.test(findingsPath.trim())) throw new UsageError('one capture and one findings file');
    const output = cl.options.get('output');
    if (typeof output !== 'string') throw new UsageError('no output file given (-o report.html)');
    requireCaptureFile(cl.capture);
    await requireCaptureHoldsEvents(cl.capture);
    requireInputFile(findingsPath, 'findings file');
    let text: string;
    try { text = readFileSync(findingsPath, 'utf8'); } catch (err) {
      throw new InputFileError(`${findingsPath}: ${fileErrorWords(err)}`);
    }
    const parsed = parseFindings(text);
    // The JSON parser's message quotes the file's start, which is no help: what it is not is.
    if (!parsed.ok) throw new InputFileError(`${findingsPath}: not a findings file (${parsed.error.startsWith('not JSON') ? 'not JSON' : parsed.error})`);
    const paths = reportPaths(output);
    for (const p of [paths.html, paths.markdown]) requireWritableOutput(p);
    const session = await CaptureSession.open(cl.capture, { resolver: engineResolver() });
    const wantSubset = cl.options.has('subset') || parsed.findings.includeSubset;
    const report = await buildFindingsReport({
      // A report is read elsewhere: its commands name the capture as its Capture section does,
      // by file name, not by this machine's path (QA 20).
      capturePath: cl.capture, commandPath: basename(cl.capture), findings: parsed.findings,
      source: { info: () => session.info(''), tiles: (q) => session.tiles(q), view: (q) => session.view(q) },
      subsetPath: wantSubset ? paths.subset : undefined,
    });
    for (const [path, text] of [[paths.html, report.html], [paths.markdown, report.markdown]]) {
      try { writeFileSync(path, text); } catch (err) {
        throw new UsageError(`${path}: cannot write (${fileErrorWords(err)})`);
      }
    }
    const m = report.model;
    console.error(`wrote ${paths.html} and ${paths.markdown}: ${countOf(m.steps.length, 'step')}, ${countOf(m.evidence.length, 'piece', 'pieces')} of evidence${m.subset ? `, and ${paths.subset} (${countOf(m.subset.events, 'event')})` : ''}`);
    for (const w of m.warnings) console.error(`syscope report: warning: ${w}`);
    // As every command whose answer comes from the capture's events: the report's figures and
    // evidence cover only the part before the damage (its Warnings section says where), so 3.
    return whereReadingStops(session.index.meta.warnings) === undefined ? 0 : DAMAGED_CAPTURE_STATUS;
  },
};
