/**
 * Event text: `%evt.args`, `%evt.info`, `%evt.arg.NAME` and single parameters, rendered as
 * sysdig 0.29.3 renders them.
 *
 * Design: the event's bytes are read in place (CaptureEvent offsets/lengths); each parameter
 * goes through renderParamText (params.ts), which produces a raw and a resolved part into a
 * reused slot; the state the text depends on (fd names, thread names, cwd, users) is asked of a
 * FormatLookup that the state engine implements for the event's thread (lookup.ts). Which
 * names/types/formats apply comes from the layout era (layouts.ts): 'sysdig-0.29' reproduces
 * sysdig 0.29.3 (its event table, and at most as many parameters as it knew), 'current' uses
 * the newest table. Value formatting that the renderer may reuse (times, durations, sizes)
 * lives in shared/format.
 */
import type { CaptureEvent } from '../capture/types';
import type { FormatLookup } from './lookup';
import { eventLayout } from './layouts';
import { renderParamText, type ParamText, type RenderOptions } from './params';
import { syslogInfo } from './syslogInfo';

export type { FormatLookup, FdDescription } from './lookup';
export { noStateLookup } from './lookup';
export type { RenderOptions, ParamText } from './params';
export type { LayoutEra } from './layouts';
export { eventLayout } from './layouts';
export type { BufferFormat } from './buffers';

export type FormatOptions = RenderOptions;

const GENERIC_ENTER = 0;
const GENERIC_EXIT = 1;
const slot: ParamText = { raw: '', resolved: '' };

/** How many parameters sysdig shows: those both the event and its layout have. */
export function shownParamCount(ev: CaptureEvent, options: FormatOptions = {}): number {
  const layout = eventLayout(ev.type, options.layout);
  return layout === undefined ? 0 : Math.min(ev.nparams, layout.params.length);
}

/** Parameter name i in the layout, or undefined. */
export function paramName(ev: CaptureEvent, i: number, options: FormatOptions = {}): string | undefined {
  return eventLayout(ev.type, options.layout)?.params[i]?.name;
}

/** Index of the parameter called `name` among those shown, or -1. */
export function paramIndexByName(ev: CaptureEvent, name: string, options: FormatOptions = {}): number {
  const layout = eventLayout(ev.type, options.layout);
  if (layout === undefined) return -1;
  const n = Math.min(ev.nparams, layout.params.length);
  for (let i = 0; i < n; i++) if (layout.params[i].name === name) return i;
  return -1;
}

/** Raw and resolved text of parameter i (a fresh object). */
export function renderParamParts(ev: CaptureEvent, i: number, lookup: FormatLookup, options: FormatOptions = {}): ParamText {
  const layout = eventLayout(ev.type, options.layout);
  const out: ParamText = { raw: '', resolved: '' };
  if (layout === undefined) { out.raw = '(n.a.)'; return out; }
  renderParamText(ev, i, layout.params, lookup, options, out);
  return out;
}

/** Parameter i as `%evt.args` shows its value: `raw` or `raw(resolved)`. */
export function renderParam(ev: CaptureEvent, i: number, lookup: FormatLookup, options: FormatOptions = {}): string {
  const p = renderParamParts(ev, i, lookup, options);
  return p.resolved === '' ? p.raw : `${p.raw}(${p.resolved})`;
}

/** `%evt.arg.NAME` / `%evt.arg[i]`: the resolved text when there is one, else the raw text. */
export function renderArgValue(ev: CaptureEvent, i: number, lookup: FormatLookup, options: FormatOptions = {}): string {
  const p = renderParamParts(ev, i, lookup, options);
  return p.resolved === '' ? p.raw : p.resolved;
}

/** `%evt.args`: `name=value ` for every shown parameter (each followed by a space). */
export function renderArgs(ev: CaptureEvent, lookup: FormatLookup, options: FormatOptions = {}): string {
  if (ev.type === GENERIC_ENTER || ev.type === GENERIC_EXIT) return '';
  const layout = eventLayout(ev.type, options.layout);
  if (layout === undefined) return '';
  const n = Math.min(ev.nparams, layout.params.length);
  let s = '';
  for (let i = 0; i < n; i++) {
    renderParamText(ev, i, layout.params, lookup, options, slot);
    s += slot.resolved === '' ? `${layout.params[i].name}=${slot.raw} ` : `${layout.params[i].name}=${slot.raw}(${slot.resolved}) `;
  }
  return s;
}

/**
 * `%evt.info`: the args, except for successful writes to syslog (`/dev/log`), where sysdig's
 * syslog decoder shows `syslog sev=... msg=...` (syslogInfo.ts).
 */
export function renderInfo(ev: CaptureEvent, lookup: FormatLookup, options: FormatOptions = {}): string {
  if (lookup.eventFdName !== undefined && lookup.threadKnown) {
    const line = syslogInfo(ev, lookup.eventFdName());
    if (line !== undefined) return line;
  }
  return renderArgs(ev, lookup, options);
}
