/**
 * `syscope dump <capture> [-p FORMAT] [--all] [-j] [FILTER]`: every event as `sysdig -r` prints
 * it (same events, same evt.num, same text), through the state engine.
 */
import type { Command } from '../main';
import { CaptureError, type ReadSummary } from '../../engine/capture/types';
import { formatCapture, FormatCaptureError } from '../../engine/inspector/formatCapture';
import { checkFilter } from '../../../shared/filter/validate';
import { formatFilterError } from '../../../shared/filter/errors';
import { UsageError } from '../../engine/evidence/commandLine';
import { captureProblemLine, inputFileProblem } from '../inputFile';
import { emptyCaptureProblem } from '../emptyCapture';
import { reportDamage } from '../captureDamage';
import { outputFormatSyntaxProblem } from '../outputFormatSyntax';

const USAGE = 'usage: syscope dump <capture> [-p FORMAT] [--all] [-j] [FILTER]';
const FLUSH_CHARS = 1 << 20;

interface DumpArgs { file: string; format?: string; all: boolean; json: boolean; filter: string }

function parseArgs(args: string[]): DumpArgs {
  let file: string | undefined;
  let format: string | undefined;
  let all = false, json = false;
  const filter: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      // The rest are filter words even when they look like options.
      const [first, ...more] = args.slice(i + 1);
      if (file === undefined) { file = first; filter.push(...more); } else filter.push(...args.slice(i + 1));
      break;
    }
    if (a === '-p' || a === '--print') {
      if (i + 1 >= args.length) throw new UsageError('-p needs a value');
      format = args[++i];
    } else if (a.startsWith('-p') && a.length > 2) format = a.slice(2);
    else if (a === '--all' || a === '-a') all = true;
    else if (a === '-j' || a === '--json') json = true;
    else if (a.startsWith('-') && file === undefined) throw new UsageError(`unknown option '${a}'`);
    else if (file === undefined) file = a;
    else filter.push(a);
  }
  if (file === undefined) throw new UsageError('no capture file given');
  return { file, format, all, json, filter: filter.join(' ') };
}

/** Buffered stdout: many lines per write (a reader that stops early ends us via EPIPE). */
class Output {
  private chunks: string[] = [];
  private size = 0;

  line(s: string): void {
    this.chunks.push(s, '\n');
    this.size += s.length + 1;
    if (this.size >= FLUSH_CHARS) this.write();
  }

  private write(): void {
    if (this.size === 0) return;
    process.stdout.write(this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }

  async end(): Promise<void> {
    this.write();
    if (process.stdout.writableNeedDrain) await new Promise<void>((r) => process.stdout.once('drain', r));
  }
}

export const command: Command = {
  summary: 'print events as sysdig -r does',
  usage: `${USAGE}\n  -j (--json): JSON lines, one object per event (as sysdig -j prints them)\n  -p (--print) FORMAT: sysdig's -p output format; -a (--all): also the internal events sysdig does not print (procinfo, …)`,
  options: { valued: ['-p', '--print'], flags: ['--all', '-a', '-j', '--json'] },
  async run(args) {
    const opts: DumpArgs = parseArgs(args);
    const problem = inputFileProblem(opts.file, 'capture file');
    if (problem) {
      console.error(`syscope dump: ${opts.file}: ${problem}`);
      return 1;
    }
    const empty = await emptyCaptureProblem(opts.file);
    if (empty) { console.error(`syscope dump: ${opts.file}: ${empty}`); return 1; }
    // Syntax and name errors are refused before the capture is read.
    const badFormat = opts.format === undefined ? undefined : outputFormatSyntaxProblem(opts.format);
    if (badFormat) {
      console.error(`syscope dump: ${badFormat}`);
      return 2;
    }
    const checked = opts.filter.trim() === '' ? undefined : checkFilter(opts.filter);
    if (checked && !checked.ok) {
      console.error(`syscope dump: ${formatFilterError(opts.filter, checked.error)}`);
      return 2;
    }
    const out = new Output();
    let summary: ReadSummary;
    try {
      summary = await formatCapture(opts.file, opts, (line) => out.line(line));
    } catch (e) {
      await out.end();
      if (e instanceof FormatCaptureError) {
        console.error(`syscope dump: ${e.message}`);
        return 2;
      }
      const msg = e instanceof CaptureError ? e.message : (e as Error).message;
      console.error(`syscope dump: ${captureProblemLine(String(msg), opts.file)}`);
      return 1;
    }
    await out.end();
    return reportDamage('dump', opts.file, summary.warnings);
  },
};
