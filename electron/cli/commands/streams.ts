/**
 * `syscope streams <capture> [FILTER] [--mode dotted|printable|hex|json|text] [--follow KEY]
 *  [--from N] [--limit N] [--search TEXT [--regex]] [--json] [--no-cache]`: the bytes processes read and
 * wrote (the "echo" view). --follow groups one stream (a key `pid:fd`, `pid:fd#n`, or an fd
 * name such as a connection tuple) into a conversation with its turns, the bytes each way and
 * a note wherever the snaplen cut a payload short. --search prints the matching operations.
 * --from N resumes from the checkpoints the cache keeps for the capture, if any; --no-cache
 * reads from the start.
 */
import type { Command } from '../main';
import { choiceOption, intOption, parseCommandLine, stringOption } from '../../engine/evidence/commandLine';
import { openEvidence } from '../../engine/evidence/openEvidence';
import { keptEvidenceFor, resumableWalk } from '../keptEvidence';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { nothingMatchedLine } from '../nothingMatched';
import { EPOCH_NS_JSON_HELP, FOLLOW_HELP, NOTHING_MATCHED_HELP } from '../helpText';
import { requireValidFilter } from '../filterCheck';
import { listedFollowKey, unmatchedFollow } from '../followKey';
import { whatStreamKeyMisses } from '../../engine/evidence/streamsKeyMiss';
import { readerWarnings, reportDamage } from '../captureDamage';
import { fieldResolver } from '../../engine/fields/registry';
import { listStreams } from '../../engine/evidence/streamsList';
import { jsonLine } from '../../engine/evidence/eventFields';
import { renderPayload, streamModes, toBase64, type StreamMode } from '../../../shared/streams/render';
import { buildConversation, turnPayload } from '../../../shared/streams/conversation';
import { searchStreams } from '../../../shared/streams/search';
import { searchedStreamsPage } from '../streamsSearchPage';
import { isTruncated, type StreamOperation } from '../../../shared/streams/types';
import { countOf } from '../../../shared/format/plural';

const usage = 'usage: syscope streams <capture> [FILTER] [--mode dotted|printable|hex|json|text] [--follow KEY] [--from N] [--limit N] [--search TEXT [--regex]] [--json] [--no-cache]';

export const command: Command = {
  summary: 'bytes read and written (I/O streams), rendered, followed as conversations, searched',
  usage: `${usage}\n  --json: JSON lines, one object per read or write\n${EPOCH_NS_JSON_HELP}\n${FOLLOW_HELP}\n  --from N: the event number to start at (as the list prints it)\n  --limit N: operations a page (default all); with --search, matching operations, as in events --search\n  --search TEXT: operations whose payload (as --mode renders it), process or fd name contain TEXT (--regex: a regular expression), any case\n${NOTHING_MATCHED_HELP}`,
  options: { valued: ['--mode', '--follow', '--from', '--limit', '--search'], flags: ['--json', '--regex', '--no-cache'] },
  async run(args) {
    const cl = parseCommandLine(args, ['mode', 'follow', 'from', 'limit', 'search'], ['json', 'regex', 'no-cache']);
    requireCaptureFile(cl.capture);
    await requireCaptureHoldsEvents(cl.capture);
    requireValidFilter(cl.filter, fieldResolver);
    const mode = choiceOption<StreamMode>(cl, 'mode', streamModes, 'dotted');
    const followed = stringOption(cl, 'follow');
    const follow = followed === undefined ? undefined : listedFollowKey(followed);
    const limit = cl.options.has('limit') ? intOption(cl, 'limit', 0) : Infinity;
    const fromEvtNum = cl.options.has('from') ? intOption(cl, 'from', 0) : undefined;
    const search = stringOption(cl, 'search');
    const opened = openEvidence(cl.capture, cl.filter);
    // Operations far into the capture resume from the checkpoints the cache keeps (keptEvidence.ts).
    // A search reads on in chunks from event numbers further on (streamsSearchPage.ts).
    const kept = (fromEvtNum !== undefined || search !== undefined) && !cl.options.has('no-cache') ? await keptEvidenceFor(cl.capture) : undefined;
    const { walk, seek } = kept ? resumableWalk(kept) : { walk: opened.walk, seek: undefined };
    const read = (from: number | undefined, max: number) => listStreams(walk, { predicate: opened.predicate, follow, limit: max, fromEvtNum: from }, seek);
    // Under --search, --limit counts matches, as in `events --search`.
    const page = search === undefined ? await read(fromEvtNum, limit) : await searchedStreamsPage(read, (ops) =>
      new Set(searchStreams(ops, { text: search, regex: cl.options.has('regex') }, mode).map((m) => m.row)), limit, fromEvtNum);
    if (follow !== undefined && page.operations.length === 0 && page.next === null && fromEvtNum === undefined) {
      const mistake = unmatchedFollow(follow, cl.filter !== '');
      if (mistake) throw mistake;
      // A stream key that names nothing in the capture is said so, whatever the filter.
      const missing = await whatStreamKeyMisses(openEvidence(cl.capture, '').walk, follow);
      if (missing !== undefined) { console.error(`syscope streams: --follow ${followed}: ${missing}`); return 1; }
    }
    const ops = page.operations;
    if (cl.options.has('json')) {
      for (const op of ops) console.log(jsonLine(toJson(op, mode)));
    } else if (follow !== undefined) {
      printConversation(ops, follow, mode);
    } else {
      for (const op of ops) printOperation(op, mode);
    }
    if (page.next !== null) console.error(`(more ${search === undefined ? '' : 'matching '}operations from event #${page.next}: use --from ${page.next})`);
    else if (ops.length === 0) console.error(nothingMatchedLine('reads or writes', { follow: followed, filter: cl.filter, fromEvtNum, search }));
    // A full page ends before any damage further on; a page that reached the end is cut by it.
    return page.next !== null ? 0 : reportDamage('streams', cl.capture, await readerWarnings(cl.capture, cl.options.has('no-cache')));
  },
};

function toJson(op: StreamOperation, mode: StreamMode): Record<string, unknown> {
  return {
    'evt.num': op.evtNum,
    // A string: 19 digits lose their nanoseconds as a JSON number (shared/format/epochTimes.ts).
    'evt.rawtime': String(op.rawtime),
    'evt.type': op.eventType,
    dir: op.direction,
    'proc.name': op.procName,
    'proc.pid': op.pid,
    'thread.tid': op.tid,
    'container.id': op.containerId || 'host',
    'container.name': op.containerName,
    'fd.num': op.fd,
    'fd.name': op.fdName === '' ? null : op.fdName,
    'fd.typechar': op.fdTypeChar === '' ? null : op.fdTypeChar,
    stream: op.streamKey,
    len: op.length,
    captured: op.data.length,
    truncated: isTruncated(op),
    data_base64: toBase64(op.data),
    text: renderPayload(op.data, mode),
  };
}

function printOperation(op: StreamOperation, mode: StreamMode): void {
  const verb = op.direction === 'read' ? `Read ${op.length}B from` : `Write ${op.length}B to`;
  const cut = isTruncated(op) ? `  (${op.data.length === 0 ? 'no bytes captured' : `only ${op.data.length}B captured`})` : '';
  console.log(`------ ${verb} ${op.fdName || `fd ${op.fd}`} (${op.procName}) [${op.containerName}] #${op.evtNum} ${op.eventType} stream ${op.streamKey}${cut}`);
  const body = renderPayload(op.data, mode);
  if (body !== '') console.log(body);
}

/** A followed stream: each turn with its joined payload, then the totals and snaplen notes. */
function printConversation(ops: StreamOperation[], key: string, mode: StreamMode): void {
  const c = buildConversation(ops, key);
  if (c.turns.length === 0) return; // said on stderr, as for the list
  c.turns.forEach((t, i) => {
    const first = ops[t.operations[0]];
    const last = ops[t.operations[t.operations.length - 1]];
    const { bytes, complete } = turnPayload(ops, t);
    const who = [...new Set(t.operations.map((k) => `${ops[k].procName} (${ops[k].pid})`))].join(', ');
    console.log(`------ turn ${i + 1}: ${t.direction} ${t.bytes}B by ${who} in ${countOf(t.operations.length, 'operation')} (#${first.evtNum}..#${last.evtNum})${complete ? '' : `  (only ${t.capturedBytes}B captured)`}`);
    const body = renderPayload(bytes, mode);
    if (body !== '') console.log(body);
  });
  console.log(`====== conversation ${c.fdName || key}: ${c.processes.join(', ')}`);
  console.log(`  ${countOf(c.turns.length, 'turn')}; read ${c.bytesRead}B (${c.capturedRead}B captured), written ${c.bytesWritten}B (${c.capturedWritten}B captured)`);
  for (const n of c.truncations) console.log(`  note: event #${n.evtNum} moved ${n.length}B but the capture kept ${n.captured}B (snaplen)`);
}
