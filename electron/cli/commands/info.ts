/**
 * `syscope info <capture> [--json]`: what a capture holds (format, host, blocks, events, time
 * span, warnings) without building any state. Exit 0; a file that cannot be read → exit 1.
 */
import { basename } from 'node:path';
import type { Command } from '../main';
import { captureCensus, formatUtcNs, type CaptureCensus } from '../../engine/capture/captureCensus';
import { UsageError } from '../../engine/evidence/commandLine';
import { requireCaptureFile } from '../inputFile';

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
    `events:      ${c.eventBlocks}${s.skippedEvents ? ` (+${s.skippedEvents} unreadable, skipped)` : ''}`,
  ];
  const unknown = Object.entries(c.unknownEventIds);
  if (unknown.length) lines.push(`unknown ids: ${unknown.map(([id, n]) => `${id}×${n}`).join(' ')} (newer than the event table; delivered raw)`);
  if (s.unknownBlocks) lines.push(`unknown blocks: ${s.unknownBlocks} (skipped)`);
  if (c.firstTs !== null && c.lastTs !== null) {
    const span = Number(c.lastTs - c.firstTs) / 1e9;
    lines.push(`time span:   ${formatUtcNs(c.firstTs)} → ${formatUtcNs(c.lastTs)} (${span.toFixed(3)}s)`);
  } else lines.push('time span:   <no timestamped events>');
  if (s.truncatedAt !== undefined) lines.push(`truncated:   at byte ${s.truncatedAt}`);
  lines.push(`warnings:    ${s.warnings.length === 0 ? 'none' : s.warnings.length}`);
  for (const w of s.warnings) lines.push(`  - ${w}`);
  return lines.join('\n');
}

export const command: Command = {
  summary: `what a capture holds (format, host, blocks, events, time span): ${USAGE}`,
  async run(args) {
    const json = args.includes('--json');
    const files = args.filter((a) => a !== '--json');
    const bad = files.find((a) => a.startsWith('-'));
    if (bad) throw new UsageError(`unknown option '${bad}' (${USAGE})`);
    if (files.length !== 1) throw new UsageError(files.length === 0 ? USAGE : `one capture at a time (${USAGE})`);
    requireCaptureFile(files[0]);
    const census = await captureCensus(files[0]);
    if (json) {
      console.log(JSON.stringify({ ...census, file: basename(census.path) }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2));
    } else {
      console.log(render(census));
    }
    return 0;
  },
};
