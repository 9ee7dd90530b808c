/**
 * `syscope write <capture> -o out.scap [--gzip] [--from T] [--to T] [FILTER]`: writes the events
 * of a time window (and, with a filter, only the matching ones) as a capture of their own that
 * sysdig and Syscope read with every field resolved as in the original.
 */
import { resolve } from 'node:path';
import type { Command } from '../main';
import { writeSubset } from '../../engine/writer/subsetWriter';
import { selectEvents } from '../../engine/writer/selectEvents';
import { UsageError } from '../../engine/evidence/commandLine';
import { TIME_WINDOW_HELP } from '../helpText';
import { countOf } from '../../../shared/format/plural';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { requireWritableOutput } from '../outputFile';
import { requireValidFilter } from '../filterCheck';
import { fieldResolver } from '../../engine/fields/registry';
import { whereReadingStops } from '../../../shared/scap/readingStops';
import { reportDamage } from '../captureDamage';
import { writtenEventsText } from '../writtenEvents';
import { timeBounds } from '../timeWindow';

const USAGE = 'usage: syscope write <capture> -o out.scap [--gzip] [--from T] [--to T] [FILTER]';

export const command: Command = {
  summary: 'write a time window or filtered subset of a capture as a new .scap file',
  usage: `${USAGE}\n  -o (--output) FILE: the new capture (in a folder that exists); -z (--gzip): gzip it\n${TIME_WINDOW_HELP}\n  from a damaged capture, the part before the damage is written, with one warning line (exit 3)`,
  options: { valued: ['-o', '--output', '--from', '--to'], flags: ['--gzip', '-z'] },
  async run(args) {
    let input: string | undefined;
    let out: string | undefined;
    let gzip = false;
    let from: string | undefined;
    let to: string | undefined;
    const filterWords: string[] = [];
    const need = (i: number, flag: string): string => {
      const v = args[i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--') { filterWords.push(...args.slice(i + 1)); break; }
      if (a === '-o' || a === '--output') out = need(++i, a);
      else if (a === '--gzip' || a === '-z') gzip = true;
      else if (a === '--from') from = need(++i, a);
      else if (a === '--to') to = need(++i, a);
      else if (input === undefined && !a.startsWith('-')) input = a;
      else filterWords.push(a);
    }
    if (!input || !out) throw new UsageError(!input ? 'no capture file given' : 'no output file given (-o out.scap)');
    if (resolve(input) === resolve(out)) { console.error('syscope write: the output file must not be the capture being read'); return 2; }

    // The window as every command reads it (timeWindow.ts), before the capture is checked, as tiles does.
    const { from: fromNs, to: toNs } = await timeBounds(input, from, to);
    const filter = filterWords.join(' ').trim();
    requireValidFilter(filter, fieldResolver);
    requireCaptureFile(input);
    await requireCaptureHoldsEvents(input);
    requireWritableOutput(out);

    const selection = filter ? await selectEvents(input, filter, fromNs, toNs) : undefined;
    const s = await writeSubset(input, out, { fromNs, toNs, selection, gzip });
    const stop = whereReadingStops(s.warnings);
    for (const w of s.warnings) if (w !== stop) console.error(`syscope write: warning: ${w}`);
    console.log(`wrote ${out}: ${writtenEventsText(s.shown, s.kept)}, plus ${countOf(s.stateOnly, 'state-only event')} that keep processes, files and containers resolvable`);
    // Written from the readable part of a damaged capture: said and exit 3, as the answering commands do.
    return reportDamage('write', input, s.warnings);
  },
};
