/**
 * The findings report (issue 7): a findings file plus the capture it was made on become a
 * self-contained HTML report and its Markdown twin.
 *
 * The findings file only names evidence (event numbers, view rows, stream operations) and the
 * steps taken; every excerpt in the report is read from the capture again here, so the
 * report shows what the capture holds, and the capture's SHA-256 ties the two together. The
 * engine resolves everything into a ReportModel (shared/findings/reportModel.ts); rendering
 * is pure and lives in shared/findings. Optionally the bookmarked events are written as a
 * .scap subset (engineer G's subset writer) that sysdig and Syscope open on their own.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Findings, InvestigationStep } from '../../../shared/findings/schema';
import type { ReportChart, ReportEvidence, ReportModel, ReportStep } from '../../../shared/findings/reportModel';
import { andFilters, bookmarkCommands, shellCommand, stepCommands } from '../../../shared/findings/commands';
import { renderReportHtml, reportStyle } from '../../../shared/findings/renderHtml';
import { renderReportMarkdown } from '../../../shared/findings/renderMarkdown';
import { readablePayload, streamTranscript } from './streamExport';
import { findView, drillKeyField } from '../../../shared/views/catalog';
import { windowText } from '../../../shared/findings/reportText';
import { checkFilter } from '../../../shared/filter/validate';
import { isTruncated, type StreamOperation } from '../../../shared/streams/types';
import type { CaptureInfo, TableWindow, TileQuery, TileValue, ViewQuery } from '../../../shared/ipc/contract';
import { fieldResolver } from '../fields/registry';
import { InspectorWalk } from '../evidence/inspectorWalk';
import { writeSubset } from '../writer/subsetWriter';
import { captureFileIdentity } from './captureIdentity';
import { inUsersWords, saysReadingStops, warningsToShow } from '../../../shared/scap/readingStops';
import { scanEvidence, type EvidenceScan, type ScannedEvent } from './evidenceScan';

/** What the report needs from an open capture (CaptureSession, or the engine API for it). */
export interface ReportSource {
  info(): Promise<CaptureInfo> | CaptureInfo;
  tiles(q: TileQuery): Promise<TileValue[]>;
  view(q: ViewQuery): Promise<TableWindow>;
}

export interface ReportOptions {
  /** The capture file (read for identity and evidence). */
  capturePath: string;
  /** How the reproducing commands name the capture (default: capturePath). */
  commandPath?: string;
  findings: Findings;
  source: ReportSource;
  /** Where to write the evidence .scap subset (when wanted); its name appears in the report. */
  subsetPath?: string;
  now?: Date;
  signal?: AbortSignal;
}

export interface BuiltReport { model: ReportModel; html: string; markdown: string }

const chartSamples = 60;
const excerptChars = 6000;
const maxRows = 1_000_000;

function cut(text: string, max = excerptChars): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[... ${text.length - max} more characters; run the commands below for all of it]`;
}

const panelNames: Record<string, string> = { overview: 'Overview', events: 'Events', streams: 'I/O streams', tree: 'Process tree' };

function viewName(viewId: string): string {
  return panelNames[viewId] ?? findView(viewId)?.name ?? viewId;
}

async function charts(source: ReportSource, step: InvestigationStep, info: CaptureInfo): Promise<ReportChart[]> {
  if (step.tiles.length === 0) return [];
  const filter = andFilters(step.filter, step.trail[step.trail.length - 1]?.filter);
  const tiles = await source.tiles({ filter: filter || undefined, window: step.window, samples: chartSamples });
  const from = step.window?.from ?? info.firstTs;
  const to = step.window?.to ?? info.lastTs;
  // A tile the filter leaves without data is not among the filtered tiles: named from the unfiltered ones.
  const missing = step.tiles.some((id) => !tiles.some((x) => x.id === id));
  const all = missing && filter ? await source.tiles({ window: step.window, samples: chartSamples }) : [];
  // An Overview step is about its pinned tiles (its title names them): an empty one is said, with
  // what it counts without the filter, so "none" cannot read as "none in the capture". Any other
  // step only carries the tiles that happened to be pinned; one with nothing under the step's
  // filter says nothing about the step and is left out (QA 18: a DNS step printed "Container
  // Deaths: none under this filter" in a report about dying containers).
  const aboutTiles = step.viewId === 'overview';
  return step.tiles.flatMap((id): ReportChart[] => {
    const t = tiles.find((x) => x.id === id);
    if (t) return [{ title: t.title, series: t.series, total: t.total, from, to }];
    const unfiltered = all.find((x) => x.id === id);
    if (!unfiltered) return [{ title: id, absent: 'no such tile in this capture', series: [], total: 0, from, to }];
    if (!aboutTiles) return [];
    const without = Math.round(unfiltered.total * 100) / 100;
    return [{ title: unfiltered.title, absent: `none under this step's filter (${without} without it)`, series: [], total: 0, from, to }];
  });
}

/**
 * The evidence .scap numbers its events afresh, as sysdig numbers any file's (its state-only
 * events count too): a reader looking for #344 there finds #135 (QA 18 item 10). The subset's
 * shown events are the kept ones in file order, so the n-th shown is the n-th kept; read back
 * by the same reader as the original, whose numbers are sysdig's.
 */
async function subsetNumbers(subsetPath: string, kept: readonly number[], signal?: AbortSignal): Promise<Array<{ original: number; inSubset: number }> | undefined> {
  const shown: number[] = [];
  await new InspectorWalk(subsetPath, signal).walk((_ctx, e) => { shown.push(e.evtNum); });
  if (shown.length !== kept.length) return undefined;
  return kept.map((original, i) => ({ original, inSubset: shown[i] }));
}

/**
 * What keeps a recorded step from being reproduced as it is written: a findings file is the
 * user's (or edited by hand), so a step may name a view this build lacks, carry a filter that
 * does not parse, or a window that ends before it starts. Said in the report, not left to the
 * reader's reproduce commands to fail.
 */
function stepProblem(step: InvestigationStep): string | undefined {
  if (!(step.viewId in panelNames) && !findView(step.viewId)) return `This step names a view Syscope does not have ('${step.viewId}').`;
  const filter = andFilters(step.filter, step.trail[step.trail.length - 1]?.filter);
  const checked = filter ? checkFilter(filter) : undefined;
  if (checked && !checked.ok) return `This step's filter does not parse: ${checked.error.message}.`;
  if (step.window && BigInt(step.window.to) < BigInt(step.window.from)) return "This step's time window ends before it starts.";
  return undefined;
}

function stepModel(step: InvestigationStep, commandPath: string, chartList: ReportChart[]): ReportStep {
  const trail = step.trail.map((t) => ({ viewName: viewName(t.viewId), selection: t.selection, keyField: t.keyField }));
  return {
    title: step.title, viewId: step.viewId, viewName: viewName(step.viewId),
    trail: trail.length && !(step.viewId in panelNames) ? trail : [{ viewName: viewName(step.viewId) }],
    filter: andFilters(step.filter, step.trail[step.trail.length - 1]?.filter),
    window: step.window, note: step.note, charts: chartList, commands: stepCommands(commandPath, step),
  };
}

function operationHeading(op: StreamOperation): string {
  const where = op.fdName || `fd ${op.fd}`;
  return `#${op.evtNum} ${op.direction} of ${op.length} bytes ${op.direction === 'read' ? 'from' : 'to'} ${where} by ${op.procName} (${op.pid})`;
}

/** Whether a bookmark's key names the operation's stream (its full key, or its `pid:fd`). */
function namesStream(key: string, op: StreamOperation): boolean {
  return key === op.streamKey || key === op.streamKey.replace(/#\d+$/, '');
}

/**
 * As the app says it. Not "(it has 1663 events)": sysdig's event numbers skip its internal
 * events, so a cut-off capture's numbers ran to #4655 beside that count (QA H79).
 */
function noSuchEvent(evtNum: number): string {
  return `There is no event #${evtNum} in this capture.`;
}

/**
 * A bookmarked read or write, followed by the whole of its own stream. The key a findings file
 * names is only a hint: a key typed by hand could name another stream, and the report then
 * showed the operation followed by that other stream and printed reproduce commands for it
 * (QA 16 F1). The operation's own stream is shown, and a key that is not it is said.
 */
function streamEvidence(b: Extract<Findings['bookmarks'][number], { kind: 'stream' }>, scan: EvidenceScan, commandPath: string): ReportEvidence {
  const op = scan.operations.get(b.evtNum);
  if (!op) {
    const commands = bookmarkCommands(commandPath, { ...b, streamKey: undefined });
    // The clearer reason first, as the app says it when bookmarking (QA 20 #15).
    const problem = scan.offsetEvtNums.includes(b.evtNum) ? `Event #${b.evtNum} is not a read or write with data in this capture.` : noSuchEvent(b.evtNum);
    return { kind: 'stream', heading: `event #${b.evtNum}`, note: b.note, facts: [], commands, problem };
  }
  const key = op.streamKey;
  const commands = bookmarkCommands(commandPath, { ...b, streamKey: key });
  const facts: Array<[string, string]> = [
    ['Stream', key], ['File descriptor', `${op.fd} ${op.fdName}`.trim()], ['Process', `${op.procName} (${op.pid}), thread ${op.tid}`],
    ['Container', op.containerName || op.containerId || 'host'], ['Bytes', isTruncated(op) ? `${op.length} (only ${op.data.length} captured)` : String(op.length)],
  ];
  const problem = b.streamKey && !namesStream(b.streamKey, op)
    ? `The bookmark names stream ${b.streamKey}, but operation #${b.evtNum} belongs to stream ${key}: the report follows ${key}.`
    : undefined;
  let excerpt = { label: 'Payload', text: cut(readablePayload(op.data)) };
  const ops = scan.streams.get(key);
  if (ops) {
    const more = scan.cutStreams.has(key) ? `\n[... the stream goes on; the report keeps its first ${ops.length} operations]` : '';
    excerpt = { label: `This operation's payload, then the whole stream ${key}`, text: cut(`${readablePayload(op.data)}\n\n${streamTranscript(ops, key)}${more}`) };
  }
  return { kind: 'stream', heading: operationHeading(op), note: b.note, facts, excerpt, commands, ...(problem ? { problem } : {}) };
}

async function rowEvidence(b: Extract<Findings['bookmarks'][number], { kind: 'row' }>, source: ReportSource, commandPath: string): Promise<ReportEvidence> {
  const view = findView(b.viewId);
  const keyField = view ? drillKeyField(view) : undefined;
  const commands = bookmarkCommands(commandPath, b, keyField);
  const heading = `${viewName(b.viewId)}: ${b.key}`;
  if (!view) return { kind: 'row', heading, note: b.note, facts: [], commands, problem: `There is no view '${b.viewId}'.` };
  const table = await source.view({ viewId: b.viewId, filter: b.filter || undefined, window: b.window, offset: 0, limit: maxRows });
  const facts: Array<[string, string]> = [['View', view.name], ['Row key', keyField ? `${keyField} = ${b.key}` : b.key]];
  if (b.filter) facts.push(['Filter', b.filter]);
  if (b.window) facts.push(['Time window', windowText(b.window)]);
  const i = table.keys ? table.keys.indexOf(b.key) : -1;
  if (i < 0) return { kind: 'row', heading, note: b.note, facts, commands, problem: `No row with key '${b.key}' in this view of the capture.` };
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v));
  // One row reads best as a list of its columns (a view can be wider than the page).
  table.columns.forEach((c, j) => facts.push([c.title, cell(table.rows[i][j])]));
  return { kind: 'row', heading, note: b.note, facts, commands };
}

/** sysdig's own view of the thread's next events (what the excerpt shows after the event). */
function threadCommand(commandPath: string, ev: ScannedEvent): string[] {
  const tid = ev.facts.find(([k]) => k === 'thread.tid')?.[1];
  if (!tid || ev.next.length === 0) return [];
  const last = ev.next[ev.next.length - 1].split(' ')[0];
  return [shellCommand(['sysdig', '-r', commandPath, `thread.tid=${tid} and evt.num>=${ev.evtNum} and evt.num<=${last}`])];
}

/**
 * A capture warning as the app's warning list and the command line say it (the reader counts
 * event blocks, where the report's figures count events sysdig prints), and for the one that
 * says where reading stops, what that means for the report, as the commands' stderr line does.
 */
function captureWarning(w: string): string {
  return `Capture: ${inUsersWords(w)}${saysReadingStops(w) ? '; the report covers only the events before it' : ''}`;
}

export async function buildFindingsReport(opts: ReportOptions): Promise<BuiltReport> {
  const { findings, source } = opts;
  const commandPath = opts.commandPath ?? opts.capturePath;
  const identity = await captureFileIdentity(opts.capturePath);
  const info = await source.info();
  const warnings: string[] = [];
  if (findings.capture.sha256 && findings.capture.sha256 !== identity.sha256) {
    warnings.push(`The findings were made on a capture with SHA-256 ${findings.capture.sha256}, not this one: event numbers may point elsewhere.`);
  } else if (!findings.capture.sha256 && findings.capture.fileName && findings.capture.fileName !== identity.fileName) {
    warnings.push(`The findings were made on ${findings.capture.fileName}; this report reads ${identity.fileName}.`);
  }
  for (const w of warningsToShow(info.warnings)) warnings.push(captureWarning(w));

  const steps: ReportStep[] = [];
  for (const s of findings.steps) {
    const problem = stepProblem(s);
    const model = stepModel(s, commandPath, problem ? [] : await charts(source, s, info));
    steps.push(problem ? { ...model, problem } : model);
  }

  const want = { events: new Set<number>(), operations: new Set<number>(), streamKeys: new Set<string>() };
  for (const b of findings.bookmarks) {
    if (b.kind === 'event') want.events.add(b.evtNum);
    else if (b.kind === 'stream') { want.operations.add(b.evtNum); if (b.streamKey) want.streamKeys.add(b.streamKey); }
  }
  const scan = want.events.size || want.operations.size
    ? await scanEvidence(new InspectorWalk(opts.capturePath, opts.signal), fieldResolver, want)
    : undefined;
  // An operation's own stream is known only once the operation is read: the streams the
  // bookmarks did not name (or named wrongly) take a second pass.
  if (scan) {
    const unread = new Set<string>();
    for (const op of scan.operations.values()) if (!scan.streams.has(op.streamKey)) unread.add(op.streamKey);
    if (unread.size) {
      const more = await scanEvidence(new InspectorWalk(opts.capturePath, opts.signal), fieldResolver, { events: new Set(), operations: new Set(), streamKeys: unread });
      for (const [k, ops] of more.streams) scan.streams.set(k, ops);
      for (const k of more.cutStreams) scan.cutStreams.add(k);
    }
  }

  const evidence: ReportEvidence[] = [];
  for (const b of findings.bookmarks) {
    if (b.kind === 'event') {
      const ev = scan?.events.get(b.evtNum);
      const commands = bookmarkCommands(commandPath, b);
      if (!ev) { evidence.push({ kind: 'event', heading: `event #${b.evtNum}`, note: b.note, facts: [], commands, problem: noSuchEvent(b.evtNum) }); continue; }
      const fact = (k: string) => ev.facts.find(([n]) => n === k)?.[1];
      const heading = `#${b.evtNum} ${fact('evt.type') ?? ''} by ${fact('proc.name') ?? '?'} (${fact('proc.pid') ?? '?'})`;
      const excerpt = ev.next.length
        ? { label: 'The event as sysdig prints it, then what its thread did next', text: cut([ev.line, ...ev.next].join('\n')) }
        : { label: 'The event as sysdig prints it', text: cut(ev.line) };
      evidence.push({ kind: 'event', heading, note: b.note, facts: ev.facts, excerpt, commands: [...commands, ...threadCommand(commandPath, ev)] });
    } else if (b.kind === 'stream') {
      evidence.push(streamEvidence(b, scan!, commandPath));
    } else {
      evidence.push(await rowEvidence(b, source, commandPath));
    }
  }

  let subset: ReportModel['subset'];
  if (opts.subsetPath && scan && scan.offsetCount > 0) {
    const s = await writeSubset(opts.capturePath, opts.subsetPath, { selection: { offsets: scan.offsets, count: scan.offsetCount }, signal: opts.signal });
    for (const w of s.warnings) warnings.push(`Evidence capture: ${w}`);
    const renumbered = s.kept === scan.offsetCount ? await subsetNumbers(opts.subsetPath, scan.offsetEvtNums, opts.signal) : undefined;
    subset = { fileName: basename(opts.subsetPath), events: s.kept, command: shellCommand(['sysdig', '-r', basename(opts.subsetPath)]), ...(renumbered ? { renumbered } : {}) };
  } else if (opts.subsetPath) {
    warnings.push(want.events.size || want.operations.size
      ? 'No evidence capture was written: none of the bookmarked events or stream operations is in this capture.'
      : 'No evidence capture was written: no event or stream operation is bookmarked.');
  }

  const model: ReportModel = {
    title: findings.title, summary: findings.summary,
    generatedAt: (opts.now ?? new Date()).toISOString(), generator: 'Syscope 0.1.0',
    capture: {
      fileName: identity.fileName, commandPath, sizeBytes: identity.sizeBytes, sha256: identity.sha256,
      hostname: info.hostname, numCpus: info.numCpus, events: info.events, firstTs: info.firstTs, lastTs: info.lastTs,
    },
    steps, evidence, subset, warnings,
  };
  const styleHash = createHash('sha256').update(reportStyle, 'utf8').digest('base64');
  return { model, html: renderReportHtml(model, { styleHash }), markdown: renderReportMarkdown(model) };
}
