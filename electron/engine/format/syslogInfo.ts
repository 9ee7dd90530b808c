/**
 * sysdig's syslog decoder: a successful write to an fd whose name contains `/dev/log` shows
 * `syslog sev=SEVERITY msg=MESSAGE` as its `%evt.info` instead of the args, the severity
 * taken from the `<PRI>` prefix of the written data (PRI & 7) and the message being the rest.
 */
import type { CaptureEvent } from '../capture/types';
import { EventFlag, eventInfo } from '../../../shared/scap/eventTable';
import { i64 } from './numbers';
import { cstring } from './text';

const SEVERITIES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
/** sysdig reads at most 15 characters of priority. */
const MAX_PRI_CHARS = 15;
const DATA_PARAM = 1;

/** The syslog info line of a write exit event, or undefined when the decoder stays silent. */
export function syslogInfo(ev: CaptureEvent, fdName: string | undefined): string | undefined {
  if (fdName === undefined || !fdName.includes('/dev/log')) return undefined;
  if ((ev.type & 1) === 0 || ev.nparams <= DATA_PARAM || ev.paramLength[0] !== 8) return undefined;
  const info = eventInfo(ev.type);
  if (info === undefined || (info.flags & EventFlag.WRITES_TO_FD) === 0) return undefined;
  if (i64(ev.data, ev.paramOffset[0]) < 0) return undefined;
  const d = ev.data;
  const start = ev.paramOffset[DATA_PARAM];
  const len = ev.paramLength[DATA_PARAM];
  const end = start + len;
  let k = start + 1;
  let pri = '';
  while (k < end && d[k] !== 0x3e && d[k] !== 0 && pri.length < MAX_PRI_CHARS) pri += String.fromCharCode(d[k++]);
  if (pri.length === 0 || len < pri.length + 2 || !/^-?\d+$/.test(pri)) return undefined;
  const severity = SEVERITIES[Number(pri) & 7];
  return `syslog sev=${severity} msg=${messageText(d, start + pri.length + 2, end)}`;
}

/** The message bytes as written (sysdig copies them whole, NULs included, and prints up to the first NUL). */
function messageText(d: Uint8Array, from: number, to: number): string {
  return cstring(d, from, to);
}
