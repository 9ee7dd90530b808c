/**
 * Which parameter layout (names, types, print formats, tables) renders an event.
 *
 * 'sysdig-0.29' uses the event table of the libs inside sysdig 0.29.3, so text matches that
 * sysdig byte for byte (e.g. mmap `res` is hex there, an errno in the newest table; execve's
 * `pgid` was renamed `vpgid`). Ids that release did not know fall back to the newest table.
 * 'current' always uses the newest table (shared/scap/eventTable.ts).
 */
import { eventInfo, ParamType, type ParamInfo, type PrintFormat } from '../../../shared/scap/eventTable';
import { SYSDIG_029_ROWS } from './sysdig029Layouts';

export type LayoutEra = 'sysdig-0.29' | 'current';

export interface EventLayout {
  name: string;
  params: readonly ParamInfo[];
}

const PARAM_RE = /^([^:]+):([A-Z0-9_]+)(?:\/([a-z0-9_]+))?(?:\{(dyn:)?([a-z0-9_]+)\})?(?:@dirfd=param(\d+))?$/;
const typeByName = new Map<string, number>(Object.entries(ParamType));

function parseParam(spec: string): ParamInfo {
  const m = PARAM_RE.exec(spec.trim());
  const type = m ? typeByName.get(m[2]) : undefined;
  if (!m || type === undefined) throw new Error(`sysdig 0.29 layout table: unreadable parameter '${spec}'`);
  const p: ParamInfo = { name: m[1], type, format: (m[3] ?? 'dec') as PrintFormat };
  if (m[5] !== undefined) { if (m[4]) p.dynTable = m[5]; else p.table = m[5]; }
  if (m[6] !== undefined) p.dirfdParam = Number(m[6]);
  return p;
}

const sysdig029: EventLayout[] = SYSDIG_029_ROWS.map(([, name, params]) => ({
  name,
  params: params === '' ? [] : params.split(';').map(parseParam),
}));

const current: Array<EventLayout | undefined> = [];

/** The layout of an event type in the given era, or undefined for an id no table knows. */
export function eventLayout(type: number, era: LayoutEra = 'sysdig-0.29'): EventLayout | undefined {
  if (era === 'sysdig-0.29' && type < sysdig029.length) return sysdig029[type];
  let l = current[type];
  if (l === undefined) {
    const info = eventInfo(type);
    if (info === undefined) return undefined;
    l = current[type] = { name: info.name, params: info.params };
  }
  return l;
}
