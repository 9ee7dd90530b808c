/**
 * `syscope export <capture> <what> ... [-o FILE]`: tables, events, streams and the process tree
 * as files (standard output without -o).
 *   view <viewId> --format csv|json [--filter F] [--from T --to T]
 *   events [FILTER] [--fields a,b,c] --format jsonl|csv [--from T] [--to T]
 *   stream --follow KEY --format raw|text [--direction read|write] [FILTER]
 *   tree [FILTER] [--format json]
 * T: as timeWindow.ts reads it (TIME_WINDOW_HELP). CSV cells that a
 * spreadsheet would run as formulas are neutralised (capture data is untrusted).
 */
import type { Command } from '../main';
import { choiceOption, parseCommandLine, stringOption, UsageError } from '../../engine/evidence/commandLine';
import { timeBounds } from '../timeWindow';
import { openEvidence, openTreeEvidence, treeFilterFields } from '../../engine/evidence/openEvidence';
import { fieldResolver } from '../../engine/fields/registry';
import { scanLifecycle } from '../../engine/evidence/lifecycleScan';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { openSink } from '../../engine/export/output';
import { countOf } from '../../../shared/format/plural';
import { exportView, type TableFormat } from '../../engine/export/viewExport';
import { defaultExportFields, exportEvents, type EventsFormat } from '../../engine/export/eventsExport';
import { exportStream, type StreamFormat } from '../../engine/export/streamExport';
import { processTreeJson } from '../../engine/export/treeExport';
import { windowIncludingEnd, type NsWindow } from '../../engine/evidence/eventWalk';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { requireWritableOutput } from '../outputFile';
import { requireValidFilter } from '../filterCheck';
import { requireKnownView } from '../knownView';
import { readerWarnings, reportDamage } from '../captureDamage';
import { listedFollowKey, unmatchedFollow } from '../followKey';
import { EPOCH_NS_JSON_HELP, FOLLOW_HELP, TIME_WINDOW_HELP } from '../helpText';
import { whatStreamKeyMisses } from '../../engine/evidence/streamsKeyMiss';

const usage = [
  'usage: syscope export <capture> view <viewId> --format csv|json [--filter F] [--from T --to T] [-o FILE]',
  '       syscope export <capture> events [FILTER] [--fields a,b,c] --format jsonl|csv [--from T] [--to T] [-o FILE]',
  '       syscope export <capture> stream --follow KEY --format raw|text [--direction read|write] [FILTER] [-o FILE]',
  '       syscope export <capture> tree [FILTER] [--format json] [-o FILE]',
].join('\n');

const kinds = ['view', 'events', 'stream', 'tree'] as const;

/** The synopsis a usage error quotes: that of the kind asked (QA 17: always view's), or one naming every kind. */
function synopsisOf(kind: string | undefined): string {
  const i = (kinds as readonly string[]).indexOf(kind ?? '');
  if (i < 0) return 'usage: syscope export <capture> view|events|stream|tree ... [-o FILE]; syscope export --help shows each form';
  return usage.split('\n')[i].replace(/^\s*(usage: )?syscope/, 'usage: syscope');
}

/** The kind a command line asks for: its second word that is no option nor an option's value. */
function askedKind(args: string[]): string | undefined {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') { words.push(...args.slice(i + 1)); break; }
    // Export takes no flags: every option has a value, in the next word or after '='.
    if (/^--?[A-Za-z]/.test(args[i])) { if (!args[i].includes('=')) i++; continue; }
    words.push(args[i]);
  }
  return words[1];
}

async function nsWindow(capture: string, from: string | undefined, to: string | undefined): Promise<NsWindow | undefined> {
  if (from === undefined && to === undefined) return undefined;
  const b = await timeBounds(capture, from, to);
  return windowIncludingEnd(b.from, b.to);
}

export const command: Command = {
  summary: 'export a view table (csv/json), events (jsonl/csv), a stream (raw/text) or the process tree (json)',
  usage: `${usage}\n  json: one JSON document; jsonl: JSON lines, one object per event; without -o (--output), to stdout\n${EPOCH_NS_JSON_HELP}\n${TIME_WINDOW_HELP}\n${FOLLOW_HELP}\n  a stream with no reads or writes (under the filter) writes none and exits 1`,
  options: { valued: ['-o', '--output', '--format', '--fields', '--filter', '--follow', '--from', '--to', '--direction'], flags: [] },
  synopsis: (args) => synopsisOf(askedKind(args)),
  async run(args) {
    const normalised = args.map((a) => (a === '-o' ? '--output' : a));
    const cl = parseCommandLine(normalised, ['format', 'fields', 'filter', 'follow', 'from', 'to', 'output', 'direction'], []);
    const [kind, ...words] = cl.filter === '' ? [] : splitFirst(cl.filter);
    if (!kind || !(kinds as readonly string[]).includes(kind)) throw new UsageError(`say what to export: ${kinds.join(', ')}`);
    // As `view` does: a view id that names no view is bad usage, said before the capture is read.
    if (kind === 'view' && words.length > 0) requireKnownView(splitFirst(words.join(' '))[0]);
    requireCaptureFile(cl.capture);
    await requireCaptureHoldsEvents(cl.capture);
    const output = stringOption(cl, 'output');
    if (output !== undefined && output !== '-') requireWritableOutput(output);
    const window = await nsWindow(cl.capture, stringOption(cl, 'from'), stringOption(cl, 'to'));
    const rest = words.join(' ').trim();

    if (kind === 'view') {
      const [viewId, ...extra] = rest === '' ? [] : splitFirst(rest);
      if (!viewId) throw new UsageError('which view? syscope view --list lists them');
      if (extra.length) throw new UsageError(`a view takes its filter with --filter (got '${extra.join(' ')}')`);
      const format = choiceOption<TableFormat>(cl, 'format', ['csv', 'json'], 'csv');
      requireValidFilter(stringOption(cl, 'filter'));
      const session = await CaptureSession.open(cl.capture, { resolver: engineResolver() });
      const meta = session.index.meta;
      const viewWindow = window ? { from: (window.from ?? BigInt(meta.firstTs)).toString(), to: ((window.to ?? BigInt(meta.lastTs) + 1n) - 1n).toString() } : undefined;
      const out = openSink(output);
      const n = await exportView((q) => session.view(q), { viewId, filter: stringOption(cl, 'filter'), window: viewWindow }, format, out);
      out.close();
      if (output) console.error(`wrote ${output}: ${countOf(n, 'row')} of view ${viewId}`);
      return reportDamage('export', cl.capture, meta.warnings);
    }
    if (cl.options.has('filter')) throw new UsageError(`${kind}: give the filter as words after '${kind}', not --filter`);
    requireValidFilter(rest, kind === 'tree' ? treeFilterFields() : fieldResolver);

    if (kind === 'events') {
      const format = choiceOption<EventsFormat>(cl, 'format', ['jsonl', 'csv'], 'jsonl');
      const list = stringOption(cl, 'fields');
      const fields = list === undefined ? defaultExportFields(format) : list.split(',').map((f) => f.trim()).filter(Boolean);
      if (fields.length === 0) throw new UsageError('--fields needs at least one field name');
      const { walk, predicate, resolve } = openEvidence(cl.capture, rest);
      const out = openSink(output);
      const n = await exportEvents(walk, { fields, resolve, predicate, window }, format, out);
      out.close();
      if (output) console.error(`wrote ${output}: ${countOf(n, 'event')}`);
      return reportDamage('export', cl.capture, await readerWarnings(cl.capture, false, walk.readWarnings));
    }
    if (kind === 'stream') {
      const followed = stringOption(cl, 'follow');
      if (!followed) throw new UsageError('which stream? --follow KEY: a pid:fd stream key or an fd name, as syscope streams shows them');
      const follow = listedFollowKey(followed);
      const format = choiceOption<StreamFormat>(cl, 'format', ['raw', 'text'], 'text');
      const direction = cl.options.has('direction') ? choiceOption<'read' | 'write'>(cl, 'direction', ['read', 'write'], 'read') : undefined;
      const { walk, predicate } = openEvidence(cl.capture, rest);
      const out = openSink(output);
      const s = await exportStream(walk, { follow, predicate, window, direction }, format, out);
      // No stream, no file: the line on stderr says why (QA 17: -o got a file saying nothing).
      if (s.operations === 0) out.abandon();
      else out.close();
      if (s.operations === 0) {
        // As streams says it: a word that is no stream key and no fd name is a usage error.
        const mistake = unmatchedFollow(follow, rest !== '');
        if (mistake) throw mistake;
        const missing = await whatStreamKeyMisses(openEvidence(cl.capture, '').walk, follow);
        console.error(`syscope export: ${missing === undefined ? `no reads or writes for '${followed}'` : `--follow ${followed}: ${missing}`}`);
      } else if (output) console.error(`wrote ${output}: ${countOf(s.operations, 'operation')}, ${countOf(s.bytes, 'byte')}${s.missingBytes ? ` (${countOf(s.missingBytes, 'byte')} not captured)` : ''}`);
      const damage = reportDamage('export', cl.capture, await readerWarnings(cl.capture, false, walk.readWarnings));
      return s.operations === 0 ? 1 : damage;
    }
    choiceOption(cl, 'format', ['json'], 'json');
    const { walk, predicate } = openTreeEvidence(cl.capture, rest);
    const life = await scanLifecycle(walk, predicate);
    const out = openSink(output);
    out.write(processTreeJson(life));
    out.close();
    if (output) console.error(`wrote ${output}: ${countOf(life.processes.length, 'process', 'processes')}`);
    return reportDamage('export', cl.capture, await readerWarnings(cl.capture, false, walk.readWarnings));
  },
};

/** The first word and the rest of a filter string (kinds and view ids contain no spaces). */
function splitFirst(s: string): string[] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s.trim());
  return m ? (m[2] ? [m[1], m[2]] : [m[1]]) : [];
}
