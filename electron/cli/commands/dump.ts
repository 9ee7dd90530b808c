/**
 * `syscope dump <capture> [-p FORMAT] [--all] [-j] [FILTER]`: every event as `sysdig -r` prints
 * it (same events, same evt.num, same text), through the state engine.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from '../main';
import { readCapture } from '../../engine/capture/readCapture';
import { CaptureError } from '../../engine/capture/types';
import { Inspector } from '../../engine/inspector/inspector';
import type { EventContext } from '../../engine/inspector/eventContext';
import { DEFAULT_FORMAT, formatLine, parseOutputFormat, type OutputFormat } from '../../engine/fields/outputFormat';
import { fieldResolver } from '../../engine/fields/registry';
import { compileFilter } from '../../engine/filter/compile';
import { formatFilterError } from '../../../shared/filter/errors';
import { isNumericType } from '../../../shared/fields/catalog';

const USAGE = 'usage: syscope dump <capture> [-p FORMAT] [--all] [-j] [FILTER]';
const FLUSH_BYTES = 1 << 20;

interface DumpArgs { file: string; format: string; all: boolean; json: boolean; filter: string }

function parseArgs(args: string[]): DumpArgs {
  let file: string | undefined;
  let format: string | undefined;
  let all = false, json = false;
  const filter: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p' || a === '--print') {
      if (i + 1 >= args.length) throw new Error(`-p needs a format. ${USAGE}`);
      format = args[++i];
    } else if (a.startsWith('-p') && a.length > 2) format = a.slice(2);
    else if (a === '--all' || a === '-a') all = true;
    else if (a === '-j' || a === '--json') json = true;
    else if (a === '-h' || a === '--help') throw new Error(USAGE);
    else if (a.startsWith('-') && file === undefined) throw new Error(`unknown option '${a}'. ${USAGE}`);
    else if (file === undefined) file = a;
    else filter.push(a);
  }
  if (file === undefined) throw new Error(USAGE);
  return { file, format: format ?? DEFAULT_FORMAT, all, json, filter: filter.join(' ') };
}

/** Buffered stdout: many lines per write (a pipe reader that stops early ends us via EPIPE). */
class Output {
  private chunks: string[] = [];
  private size = 0;

  line(s: string): void {
    this.chunks.push(s, '\n');
    this.size += s.length + 1;
    if (this.size >= FLUSH_BYTES) this.write();
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

function jsonValue(name: string, fmtType: string, text: string, ctx: EventContext): string {
  if (name === 'evt.outputtime') return ctx.ev.ts.toString();
  if (fmtType === 'BOOL') return text === 'true' ? 'true' : 'false';
  if (isNumericType(fmtType as never) && /^-?\d+(\.\d+)?$/.test(text)) return text;
  return JSON.stringify(text);
}

/** A JSON object with the format's fields, keys sorted as sysdig's JSON writer sorts them. */
function jsonLine(fmt: OutputFormat, ctx: EventContext): string | undefined {
  const entries: Array<[string, string]> = [];
  for (const p of fmt.parts) {
    if (!p.field) continue;
    const text = p.field.getter.format(ctx);
    if (text === undefined) {
      if (!fmt.printAll) return undefined;
      entries.push([p.field.name, JSON.stringify('<NA>')]);
    } else entries.push([p.field.name, jsonValue(p.field.name, p.field.getter.type, text, ctx)]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

export const command: Command = {
  summary: `print events as sysdig -r does: ${USAGE}`,
  async run(args) {
    let opts: DumpArgs;
    try {
      opts = parseArgs(args);
    } catch (e) {
      console.error(`syscope dump: ${(e as Error).message}`);
      return 2;
    }
    if (!existsSync(opts.file) || !statSync(opts.file).isFile()) {
      console.error(`syscope dump: ${opts.file}: no such file`);
      return 1;
    }
    let fmt: OutputFormat;
    try {
      fmt = parseOutputFormat(opts.format);
    } catch (e) {
      console.error(`syscope dump: ${(e as Error).message}`);
      return 2;
    }
    let predicate: ((ctx: EventContext) => boolean) | undefined;
    if (opts.filter.trim() !== '') {
      const compiled = compileFilter(opts.filter, fieldResolver);
      if (!compiled.ok) {
        console.error(`syscope dump: ${formatFilterError(opts.filter, compiled.error)}`);
        return 2;
      }
      predicate = compiled.predicate;
    }
    const out = new Output();
    const render = opts.json ? jsonLine : formatLine;
    const inspector = new Inspector((ctx) => {
      if (predicate && !predicate(ctx)) return;
      const line = render(fmt, ctx);
      if (line !== undefined) out.line(line);
    }, { all: opts.all });
    try {
      await readCapture(opts.file, {
        onSection: (s) => inspector.onSection(s),
        onMachineInfo: (m) => inspector.onMachineInfo(m),
        onProcess: (p) => inspector.onProcess(p),
        onFd: (f) => inspector.onFd(f),
        onInterface: (i) => inspector.onInterface(i),
        onUser: (u) => inspector.onUser(u),
        onGroup: (g) => inspector.onGroup(g),
        onEvent: (ev) => inspector.onEvent(ev),
      }, { layout: 'file' });
    } catch (e) {
      await out.end();
      const msg = e instanceof CaptureError ? e.message : (e as Error).message;
      console.error(`syscope dump: ${opts.file}: ${msg.split('\n')[0]}`);
      return 1;
    }
    await out.end();
    return 0;
  },
};
