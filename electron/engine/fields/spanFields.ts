/**
 * `span.*` fields: sysdig tracers (state/tracers.ts) as sysdig 0.29.3 prints them. They have a
 * value only on tracer events. id, ntags, tags and tag[N] describe the tracer itself; the others
 * need the span's enter tracer and have none when an exit closed no known span.
 */
import { formatDurationNice } from '../../../shared/format/duration';
import { formatTime } from '../../../shared/format/time';
import type { EventContext } from '../inspector/eventContext';
import type { Span, TracerEvent } from '../state/tracers';
import { customField, noArg, numberField, stringField, type FieldFactory, type FieldGetter } from './fieldTypes';

function tracerOf(c: EventContext): TracerEvent | undefined {
  const t = c.es.tracer;
  return t && !t.truncated ? t : undefined;
}

/** The tracer when its span's enter tracer is known. */
function withSpan(c: EventContext): (TracerEvent & { span: Span }) | undefined {
  const t = tracerOf(c);
  return t && t.span ? (t as TracerEvent & { span: Span }) : undefined;
}

function argsText(names: readonly string[], values: readonly string[]): string {
  let s = '';
  for (let i = 0; i < names.length; i++) s += `${i ? ',' : ''}${names[i]}=${values[i]}`;
  return s;
}

/** An enter tracer's own arguments are its span's; an exit tracer's are its own. */
function ownArgs(t: TracerEvent & { span: Span }): { names: readonly string[]; values: readonly string[] } {
  return t.enter ? { names: t.span.argNames, values: t.span.argValues } : { names: t.argNames, values: t.argValues };
}

function durationNs(c: EventContext): bigint | undefined {
  const t = withSpan(c);
  if (!t || t.enter) return undefined;
  const d = t.ts - t.span.ts;
  return d < 0n ? 0n : d;
}

/** `[N]` or `[-N]` (from the end), as sysdig's span.tag / span.arg take it. */
function parseOffset(arg: string): number | undefined {
  const m = /^\[(-?\d+)\]$/.exec(arg) ?? /^(-?\d+)$/.exec(arg);
  return m ? Number(m[1]) : undefined;
}

function pick<T>(list: readonly T[], offset: number): T | undefined {
  const i = offset >= 0 ? offset : list.length + offset;
  return i >= 0 && i < list.length ? list[i] : undefined;
}

/** An argument by `[N]` offset or by `.NAME` (the first argument so named). */
function argField(arg: string | undefined, argsOf: (t: TracerEvent & { span: Span }) => { names: readonly string[]; values: readonly string[] }): FieldGetter | { error: string } {
  if (arg === undefined || arg === '') return { error: 'this field needs an argument: [N] or .NAME' };
  const offset = parseOffset(arg);
  const name = offset === undefined ? arg.replace(/^\./, '') : undefined;
  return stringField((c) => {
    const t = withSpan(c);
    if (!t) return undefined;
    const a = argsOf(t);
    if (name === undefined) return pick(a.values, offset as number);
    const i = a.names.indexOf(name);
    return i >= 0 ? a.values[i] : undefined;
  });
}

export const SPAN_FIELDS: Record<string, FieldFactory> = {
  'span.id': noArg(() => numberField('INT64', (c) => tracerOf(c)?.id)),
  'span.time': noArg(() => stringField((c) => {
    const t = withSpan(c);
    return t ? formatTime(t.ts) : undefined;
  })),
  'span.ntags': noArg(() => numberField('UINT32', (c) => tracerOf(c)?.tags.length)),
  'span.nargs': noArg(() => numberField('UINT32', (c) => withSpan(c)?.span.argValues.length)),
  'span.tags': noArg(() => stringField((c) => tracerOf(c)?.tags.join('.'))),
  'span.tag': (arg) => {
    const offset = arg === undefined ? undefined : parseOffset(arg);
    if (offset === undefined) return { error: 'span.tag needs an offset: span.tag[N]' };
    return stringField((c) => {
      const t = tracerOf(c);
      return t ? pick(t.tags, offset) : undefined;
    });
  },
  'span.args': noArg(() => stringField((c) => {
    const t = withSpan(c);
    if (!t) return undefined;
    const a = ownArgs(t);
    return argsText(a.names, a.values);
  })),
  'span.arg': (arg) => argField(arg, ownArgs),
  'span.enterargs': noArg(() => stringField((c) => {
    const t = withSpan(c);
    return t ? argsText(t.span.argNames, t.span.argValues) : undefined;
  })),
  'span.enterarg': (arg) => argField(arg, (t) => ({ names: t.span.argNames, values: t.span.argValues })),
  'span.duration': noArg(() => customField('RELTIME', durationNs, (c) => {
    const d = durationNs(c);
    return d === undefined ? undefined : String(d);
  })),
  'span.duration.human': noArg(() => stringField((c) => {
    const d = durationNs(c);
    return d === undefined ? undefined : formatDurationNice(d);
  })),
};
