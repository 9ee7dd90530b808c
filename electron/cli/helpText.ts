/**
 * Help lines more than one command prints, written once so that `--help` says the same thing
 * wherever the same option is taken (and stays true when the rule behind it changes).
 */
import { TIME_FORMS } from '../engine/evidence/commandLine';

/** For --from/--to (tiles, view, export, write) and events' --from-time/--to-time, as cli/timeWindow.ts reads them. */
export function timeWindowHelp(names: { from: string; to: string } = { from: 'from', to: 'to' }): string {
  const label = names.from === 'from' ? 'T' : `T (--${names.from}, --${names.to})`;
  return `  ${label}: ${TIME_FORMS} (a number without a unit is nanoseconds since the epoch); a window includes both ends;`
    + ` one instant (--${names.to} equal to --${names.from}) holds the events at that instant; a window is cut to the capture's span`
    + ` (its first to its last event); one that ends before it starts, or lies wholly after the capture's end or before its first event,`
    + ' is a usage error (exit 2)';
}

export const TIME_WINDOW_HELP = timeWindowHelp();

/** For --follow (streams, export stream), as followKey.ts and whatStreamKeyMisses read it. */
export const FOLLOW_HELP = '  --follow KEY: a stream key as the list prints it (pid:fd#generation, e.g. 5253:5#8; pid:fd is its first generation),'
  + ' or an fd name the list shows; a key naming no process, fd or generation of the capture says which (exit 1);'
  + ' a word that is neither is a usage error (exit 2)';

/** For the JSON outputs that carry event times (events, streams, export events), as shared/format/epochTimes.ts writes them. */
export const EPOCH_NS_JSON_HELP = '  in JSON, evt.rawtime (nanoseconds since the epoch) is a string of digits, as are the time fields'
  + ' sysdig -j writes as that number (evt.time, evt.datetime, ...): a 19-digit JSON number loses its nanoseconds in jq and JavaScript';

/** For the listing commands (events, streams). */
export const NOTHING_MATCHED_HELP = '  nothing to list: stdout stays empty and one line on stderr says what matched nothing (exit 0);'
  + ' a page that stops early ends with "(more … use --from N)" on stderr';

/** For every command that reads a capture: the exit statuses a script may see (README's table). */
export const EXIT_STATUS_HELP = [
  'exit status: 0 the answer covers the whole capture; 1 the capture (or another file) could not be read,',
  '  or it holds no events; 2 bad usage (option, value, filter, view, column, time window); 3 the capture',
  '  stops being readable before its end: the answer covers the part before it, with one warning line on stderr',
  '  (info and index describe the damage itself and exit 0)',
].join('\n');
