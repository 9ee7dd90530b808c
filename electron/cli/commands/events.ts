/**
 * `syscope events <capture> [FILTER] [--from N] [--from-time T] [--to-time T] [--limit N]
 *  [--fields a,b,c | --all-fields] [--search TEXT [--regex]] [--json]`: the events list
 * ("dig"). Text mode prints one sysdig-style line per event with its enter/exit partner and
 * latency; --json prints one object per event keyed by field name, null where a field has no
 * value, plus `evt.partner` (the partner's event number). A page asked for far into the capture
 * (--from, --from-time, --detail) resumes from the checkpoints the cache keeps for it, if any
 * (keptEvidence.ts); --no-cache reads from the start.
 */
import type { Command } from '../main';
import { intOption, parseCommandLine, stringOption, UsageError } from '../../engine/evidence/commandLine';
import { timeBounds } from '../timeWindow';
import { openEvidence } from '../../engine/evidence/openEvidence';
import { listEvents } from '../../engine/evidence/eventsList';
import { defaultLine, displayableFieldNames, EventFieldSet, jsonLine, LINE_FIELDS, RAW_IN_JSON } from '../../engine/evidence/eventFields';
import { isNumericType, lookupField } from '../../../shared/fields/catalog';
import type { EventDetailReply } from '../../../shared/streams/evidenceApi';
import { compileSearch } from '../../../shared/streams/search';
import { epochTimesAsText } from '../../../shared/format/epochTimes';
import { EvidenceService } from '../../engine/evidence/evidenceService';
import { keptEvidenceFor, keptEvidenceService, resumableWalk } from '../keptEvidence';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { nothingMatchedLine } from '../nothingMatched';
import { EPOCH_NS_JSON_HELP, NOTHING_MATCHED_HELP, timeWindowHelp } from '../helpText';
import { requireValidFilter } from '../filterCheck';
import { readerWarnings, reportDamage } from '../captureDamage';
import { fieldResolver } from '../../engine/fields/registry';
import { windowIncludingEnd } from '../../engine/evidence/eventWalk';

const usage = 'usage: syscope events <capture> [FILTER] [--from N] [--from-time T] [--to-time T] [--limit N] [--fields a,b,c | --all-fields] [--search TEXT [--regex]] [--json] [--no-cache]\n       syscope events <capture> --detail N [--json] [--no-cache]   (every field of event N, its parameters, partner and latency)';

/** What `--json` shows without --fields: sysdig's default line as fields, plus what an investigator wants next. */
const JSON_FIELDS = ['evt.num', 'evt.rawtime', 'evt.cpu', 'evt.dir', 'evt.type', 'evt.info', 'evt.res', 'evt.latency',
  'proc.name', 'proc.pid', 'thread.tid', 'user.name', 'container.id', 'container.name', 'fd.num', 'fd.type', 'fd.name'];

export const command: Command = {
  summary: 'the events list: every event matching a filter, paged, with fields, partner and latency',
  usage: `${usage}\n  --json: JSON lines, one object per event; with --detail, one JSON document\n${EPOCH_NS_JSON_HELP}\n  --from N: the event number to start at (as the list prints it); --limit N: events a page (default 1000)\n${timeWindowHelp({ from: 'from-time', to: 'to-time' })}\n${NOTHING_MATCHED_HELP}`,
  options: {
    valued: ['--from', '--from-time', '--to-time', '--limit', '--fields', '--search', '--detail'],
    flags: ['--json', '--all-fields', '--regex', '--no-cache'],
  },
  async run(args) {
    const cl = parseCommandLine(args, ['from', 'from-time', 'to-time', 'limit', 'fields', 'search', 'detail'], ['json', 'all-fields', 'regex', 'no-cache']);
    requireCaptureFile(cl.capture);
    await requireCaptureHoldsEvents(cl.capture);
    requireValidFilter(cl.filter, fieldResolver);
    const json = cl.options.has('json');
    const useCache = !cl.options.has('no-cache');
    if (cl.options.has('detail')) return printDetail(cl.capture, intOption(cl, 'detail', 0), json, useCache);
    const limit = intOption(cl, 'limit', 1000);
    const fromEvtNum = cl.options.has('from') ? intOption(cl, 'from', 0) : undefined;
    const fromTime = stringOption(cl, 'from-time');
    const toTime = stringOption(cl, 'to-time');
    const fieldList = stringOption(cl, 'fields');
    if (fieldList !== undefined && cl.options.has('all-fields')) throw new UsageError('use either --fields or --all-fields');
    const search = stringOption(cl, 'search');
    const matchText = search === undefined ? undefined : compileSearch({ text: search, regex: cl.options.has('regex') });

    const opened = openEvidence(cl.capture, cl.filter);
    const { predicate, resolve } = opened;
    // From the start, checkpoints have nothing to skip: only a page further on loads them.
    const kept = useCache && (fromEvtNum !== undefined || fromTime !== undefined) ? await keptEvidenceFor(cl.capture) : undefined;
    const { walk, seek } = kept ? resumableWalk(kept) : { walk: opened.walk, seek: undefined };
    const names = cl.options.has('all-fields') ? displayableFieldNames()
      : fieldList !== undefined ? fieldList.split(',').map((f) => f.trim()).filter(Boolean)
        : json ? JSON_FIELDS : LINE_FIELDS;
    const fields = new EventFieldSet(names, resolve, cl.options.has('all-fields'), { jsonTimes: json });
    const textFields = json ? undefined : new EventFieldSet(fieldList !== undefined ? names : LINE_FIELDS, resolve);
    const { from: fromTs, to: toTs } = await timeBounds(cl.capture, fromTime, toTime, { from: 'from-time', to: 'to-time' });
    // --to-time is included, as the help says.
    const window = windowIncludingEnd(undefined, toTs);

    // Search filters the text of each listed event; rows come from the events list itself.
    const lines = new Map<number, string[]>();
    const page = await listEvents(walk, {
      fields, limit, fromEvtNum, fromTs, window,
      predicate: textFields || matchText ? (ctx) => {
        if (predicate && !predicate(ctx)) return false;
        if (textFields) {
          const text = textFields.readText(ctx);
          if (matchText && matchText(text.join(' ')).length === 0) return false;
          lines.set((ctx as { num: number }).num, text);
        } else if (matchText && matchText(jsonLine(epochTimesAsText(fields.read(ctx)))).length === 0) return false;
        return true;
      } : predicate,
    }, seek);
    for (const e of page.events) {
      if (json) {
        console.log(jsonLine(epochTimesAsText({ ...e.fields, 'evt.partner': e.partner })));
      } else {
        const t = lines.get(e.evtNum) ?? [];
        const line = fieldList !== undefined ? t.join(' ') : defaultLine(t);
        const pair = e.partner === null ? '' : `  [${(e.evtNum < e.partner ? 'exit #' : 'enter #') + e.partner}${e.latencyNs !== null ? `, ${e.latencyNs}ns` : ''}]`;
        console.log(line + pair);
      }
    }
    if (page.next !== null) console.error(`(more events from #${page.next}: use --from ${page.next})`);
    else if (page.events.length === 0) console.error(nothingMatchedLine('events', { filter: cl.filter, fromEvtNum, fromTime, toTime, search }));
    // A full page ends before any damage further on; a page that reached the end is cut by it.
    return page.next !== null ? 0 : reportDamage('events', cl.capture, await readerWarnings(cl.capture, !useCache));
  },
};

async function printDetail(capture: string, evtNum: number, json: boolean, useCache: boolean): Promise<number> {
  const kept = useCache ? await keptEvidenceFor(capture) : undefined;
  const service = kept ? await keptEvidenceService(kept) : new EvidenceService(capture);
  const d = await service.eventDetail({ captureId: capture, evtNum });
  if (json) {
    console.log(jsonLine(epochTimesAsText({ ...asSysdigJson(d.fields), 'evt.partner': d.partner })));
    return 0;
  }
  const width = Math.max(...Object.keys(d.fields).map((k) => k.length));
  for (const [k, v] of Object.entries(d.fields)) console.log(`${k.padEnd(width)}  ${Array.isArray(v) ? v.join(', ') : String(v)}`);
  console.log(`${'partner'.padEnd(width)}  ${d.partner === null ? 'none' : `#${d.partner}`}${d.latencyNs === null ? '' : ` (${d.latencyNs}ns)`}`);
  return 0;
}

/**
 * The detail's fields as `sysdig -j` writes them: the time-of-day fields as the raw timestamp,
 * and numbers the wire carried as text (beyond 2^53) as numbers again, except the epoch
 * nanoseconds, which stay strings (epochTimesAsText).
 */
function asSysdigJson(fields: EventDetailReply['fields']): Record<string, unknown> {
  const raw = fields['evt.rawtime'];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (RAW_IN_JSON.has(k) && typeof raw === 'string') out[k] = BigInt(raw);
    else if (typeof v === 'string' && /^-?\d+$/.test(v) && isNumericType(lookupField(k)?.field.type ?? 'CHARBUF')) out[k] = BigInt(v);
    else out[k] = v;
  }
  return out;
}
