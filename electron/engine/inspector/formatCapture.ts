/**
 * A whole capture rendered line by line as `sysdig -r F [-p FORMAT] [-j] [FILTER]` prints it:
 * the engine behind `syscope dump`, also used by the reference tests.
 */
import { readCapture } from '../capture/readCapture';
import type { ReadSummary } from '../capture/types';
import { DEFAULT_FORMAT, formatLine, parseOutputFormat, type OutputFormat } from '../fields/outputFormat';
import { fieldResolver } from '../fields/registry';
import { compileFilter } from '../filter/compile';
import { isNumericType } from '../../../shared/fields/catalog';
import type { EventContext } from './eventContext';
import { Inspector } from './inspector';

export interface FormatCaptureOptions {
  /** `-p` format (default: sysdig's default line). */
  format?: string;
  /** Also show INTERNAL events (procinfo, ...). */
  all?: boolean;
  /** One JSON object per event, keys sorted, as `sysdig -j`. */
  json?: boolean;
  /** A filter expression; events it rejects are not printed. */
  filter?: string;
}

/** Thrown for a bad format or filter: the message is one line for the user. */
export class FormatCaptureError extends Error {}

export async function formatCapture(path: string, opts: FormatCaptureOptions, onLine: (line: string) => void): Promise<ReadSummary> {
  let fmt: OutputFormat;
  try {
    fmt = parseOutputFormat(opts.format ?? DEFAULT_FORMAT);
  } catch (e) {
    throw new FormatCaptureError((e as Error).message);
  }
  let predicate: ((ctx: EventContext) => boolean) | undefined;
  if (opts.filter && opts.filter.trim() !== '') {
    const compiled = compileFilter(opts.filter, fieldResolver);
    if (!compiled.ok) throw new FormatCaptureError(`bad filter: ${compiled.error.message}`);
    predicate = compiled.predicate;
  }
  const render = opts.json ? jsonLine : formatLine;
  const inspector = new Inspector((ctx) => {
    if (predicate && !predicate(ctx)) return;
    const line = render(fmt, ctx);
    if (line !== undefined) onLine(line);
  }, { all: opts.all, renderOptions: opts.json ? { maxBufferChars: 0 } : undefined });
  return readCapture(path, inspector, { layout: 'file' });
}

function jsonValue(name: string, type: string, text: string, ctx: EventContext): string {
  if (name === 'evt.outputtime') return ctx.ev.ts.toString();
  if (type === 'BOOL') return text === 'true' ? 'true' : 'false';
  if (isNumericType(type as never) && /^-?\d+(\.\d+)?$/.test(text)) return text;
  return JSON.stringify(text);
}

/** A JSON object with the format's fields, keys sorted as sysdig's JSON writer sorts them. */
export function jsonLine(fmt: OutputFormat, ctx: EventContext): string | undefined {
  const entries: Array<[string, string]> = [];
  for (const p of fmt.parts) {
    if (!p.field) continue;
    const text = p.field.getter.format(ctx);
    if (text === undefined) {
      if (!fmt.printAll) return undefined;
      // sysdig's JSON writer has null where its text output has <NA>.
      entries.push([p.field.name, 'null']);
    } else entries.push([p.field.name, jsonValue(p.field.name, p.field.getter.type, text, ctx)]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}
