/**
 * Help lines more than one command prints, written once so that `--help` says the same thing
 * wherever the same option is taken (and stays true when the rule behind it changes).
 */
import { TIME_FORMS } from '../engine/evidence/commandLine';

/** For --from/--to (tiles, view, export, write) and events' --from-time/--to-time, as cli/timeWindow.ts reads them. */
export const TIME_WINDOW_HELP = `  T: ${TIME_FORMS} (a number without a unit is nanoseconds since the epoch); a window includes both ends;`
  + ' one instant (--to equal to --from) holds the events at that instant; one that ends before it starts is a usage error (exit 2),'
  + ' as is an offset in a capture with no timed event';

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
].join('\n');
