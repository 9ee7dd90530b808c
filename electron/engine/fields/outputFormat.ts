/**
 * `-p` output formats: `%field` tokens between literal text, resolved once into getters.
 * A leading `*` prints every event with `<NA>` for missing values; without it, sysdig skips an
 * event when any field of the format has no value.
 */
import { getField } from '../../../shared/fields/catalog';
import type { EventContext } from '../inspector/eventContext';
import { resolveField, type FieldGetter } from './registry';

export interface FormatPart { literal: string; field?: { name: string; getter: FieldGetter } }

export interface OutputFormat {
  parts: FormatPart[];
  /** `*` prefix: print all events, `<NA>` for missing values. */
  printAll: boolean;
}

const K8S_LABEL_TOKEN = /^k8s\.(?:pod|rc|rs|svc|ns|deployment)\.label\.[A-Za-z0-9_./-]+/;

export const DEFAULT_FORMAT = '*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info';

/** Parses a format; throws an Error with a one-line message for an unknown field. */
export function parseOutputFormat(text: string): OutputFormat {
  let printAll = false;
  let s = text;
  if (s.startsWith('*')) { printAll = true; s = s.slice(1); }
  const parts: FormatPart[] = [];
  let literal = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '%') { literal += c; i++; continue; }
    // Kubernetes label names hold '-' and '/' too (sysdig reads them so after k8s.*.label.).
    const m = K8S_LABEL_TOKEN.exec(s.slice(i + 1)) ?? /^[A-Za-z0-9_.]+/.exec(s.slice(i + 1));
    if (!m) { literal += c; i++; continue; }
    let name = m[0];
    while (name.endsWith('.')) name = name.slice(0, -1);
    let end = i + 1 + name.length;
    let arg: string | undefined;
    if (s[end] === '[' && acceptsBracket(name)) {
      const close = s.indexOf(']', end);
      if (close > end) { arg = s.slice(end + 1, close); end = close + 1; }
    }
    const r = resolveField(name, arg);
    if (r === undefined) throw new Error(`unknown field '${name}' in the output format`);
    if ('error' in r) throw new Error(`field '${name}': ${r.error}`);
    parts.push({ literal, field: { name: arg === undefined ? name : `${name}[${arg}]`, getter: r } });
    literal = '';
    i = end;
  }
  if (literal) parts.push({ literal });
  return { parts, printAll };
}

function acceptsBracket(name: string): boolean {
  const f = getField(name);
  return f?.arg !== undefined;
}

/** One output line, or undefined when the event is skipped (a value is missing without `*`). */
export function formatLine(fmt: OutputFormat, ctx: EventContext): string | undefined {
  let out = '';
  for (const p of fmt.parts) {
    out += p.literal;
    if (!p.field) continue;
    const v = p.field.getter.format(ctx);
    if (v === undefined) {
      if (!fmt.printAll) return undefined;
      out += '<NA>';
    } else out += v;
  }
  return out;
}
