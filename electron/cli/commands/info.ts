/**
 * `syscope info <capture> [--json]`: what a capture holds (format, host, blocks, events, time
 * span, warnings) without building any state. Exit 0; a file that cannot be read → exit 1.
 */
import { basename } from 'node:path';
import type { Command } from '../main';
import { captureCensus, formatUtcNs, type CaptureCensus } from '../../engine/capture/captureCensus';
import { UsageError } from '../../engine/evidence/commandLine';
import { requireCaptureFile } from '../inputFile';
import { emptyCaptureProblem } from '../emptyCapture';
import { inUsersWords, warningsToShow } from '../../../shared/scap/readingStops';

const USAGE = 'usage: syscope info <capture> [--json]';

function render(c: CaptureCensus): string {
  const s = c.summary;
  const lines = [
    `file:        ${c.path}`,
    `size:        ${c.sizeBytes} bytes${c.compressed ? ` (gzip; ${s.bytes} bytes decompressed)` : ''}`,
    `compressed:  ${c.compressed ? 'yes' : 'no'}`,
    `format:      ${c.sections.map((x) => `SHB ${x.version}${x.options ? ` (${x.options} pcapng option${x.options > 1 ? 's' : ''})` : ''}`).join(', ')}`,
    `hostname:    ${c.hostname ?? '<none>'}`,
    `cpus:        ${c.numCpus ?? '<unknown>'}`,
    `blocks:      ${s.blocks} (${Object.entries(c.blocks).map(([k, v]) => `${k}×${v}`).join(' ')})`,
    `events:      ${eventsLine(c)}`,
  ];
  const unknown = Object.entries(c.unknownEventIds);
  if (unknown.length) lines.push(`unknown ids: ${unknown.map(([id, n]) => `${id}×${n}`).join(' ')} (newer than the event table; delivered raw)`);
  if (s.unknownBlocks) lines.push(`unknown blocks: ${s.unknownBlocks} (skipped)`);
  // The span of what sysdig prints; the dumper's own times (procinfo's .999999999) widen the other.
  const printed = spanText(c.printedFirstTs, c.printedLastTs);
  const every = spanText(c.firstTs, c.lastTs);
  if (printed) lines.push(`time span:   ${printed}`);
  else lines.push(`time span:   ${every ? `${every}, of internal and metadata events (sysdig prints none)` : '<no timestamped events>'}`);
  if (printed && every && every !== printed) lines.push(`all events:  ${every}, with internal and metadata events`);
  if (s.truncatedAt !== undefined) lines.push(`truncated:   at byte ${s.truncatedAt}`);
  const warnings = warningsToShow(s.warnings);
  lines.push(`warnings:    ${warnings.length === 0 ? 'none' : warnings.length}`);
  for (const w of warnings) lines.push(`  - ${inUsersWords(w)}`);
  return lines.join('\n');
}

function spanText(first: bigint | null, last: bigint | null): string | undefined {
  if (first === null || last === null) return undefined;
  return `${formatUtcNs(first)} → ${formatUtcNs(last)} (${(Number(last - first) / 1e9).toFixed(3)}s)`;
}

/**
 * The events sysdig prints (the app's header says the same), then those it reads and numbers
 * when they are more, and the blocks it does not count.
 */
function eventsLine(c: CaptureCensus): string {
  const notes: string[] = [];
  const skippedIds = c.eventBlocks - (c.summary.skippedEvents ?? 0) - c.events;
  if (skippedIds > 0) notes.push(`+${skippedIds} with ids sysdig 0.29.3 does not know, skipped as it does`);
  if (c.summary.skippedEvents) notes.push(`+${c.summary.skippedEvents} unreadable, skipped`);
  const read = c.printedEvents === c.events ? ''
    : ` printed by sysdig, of ${c.events} it reads and numbers (the others are internal events such as procinfo, or metadata read as initial state)`;
  return `${c.printedEvents}${read}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

export const command: Command = {
  summary: 'what a capture holds (format, host, blocks, events, time span)',
  usage: `${USAGE}\n  --json: one JSON document`,
  options: { valued: [], flags: ['--json'] },
  async run(args) {
    const json = args.includes('--json');
    const files = args.filter((a) => a !== '--json');
    const bad = files.find((a) => a.startsWith('-'));
    if (bad) throw new UsageError(`unknown option '${bad}'`);
    if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no capture file given' : 'one capture at a time');
    requireCaptureFile(files[0]);
    const census = await captureCensus(files[0]);
    if (json) {
      console.log(JSON.stringify({ ...census, file: basename(census.path) }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
    } else {
      console.log(render(census));
    }
    // info describes the file all the same: its job is to say what is there.
    const empty = await emptyCaptureProblem(files[0]);
    if (empty) console.error(`syscope info: warning: ${files[0]}: ${empty}`);
    return 0;
  },
};
