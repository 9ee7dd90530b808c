/**
 * One I/O stream (a `pid:fd` stream key or an fd name, as `syscope streams --follow` takes it)
 * as its raw captured bytes, in order (optionally one direction only), or as a readable
 * transcript: one header per turn of the conversation, then the payload as text. Bytes the
 * snaplen cut off are never invented; the transcript says where they are missing.
 */
import { buildConversation } from '../../../shared/streams/conversation';
import { renderDotted, renderText } from '../../../shared/streams/render';
import { isTruncated, type StreamDirection, type StreamOperation } from '../../../shared/streams/types';
import { formatDateTime } from '../../../shared/format/time';
import type { Predicate } from '../filter/compile';
import { listStreams } from '../evidence/streamsList';
import { countOf } from '../../../shared/format/plural';
import type { EventWalk, NsWindow } from '../evidence/eventWalk';
import type { ExportSink } from './output';

export type StreamFormat = 'raw' | 'text';

export interface StreamExportQuery<Ctx> {
  follow: string;
  predicate?: Predicate<Ctx>;
  window?: NsWindow;
  direction?: StreamDirection;
}

export interface StreamExportSummary { operations: number; bytes: number; missingBytes: number }

export async function exportStream<Ctx>(walk: EventWalk<Ctx>, q: StreamExportQuery<Ctx>, format: StreamFormat, out: ExportSink): Promise<StreamExportSummary> {
  const page = await listStreams(walk, { predicate: q.predicate, window: q.window, follow: q.follow, limit: Infinity });
  const ops = q.direction ? page.operations.filter((o) => o.direction === q.direction) : page.operations;
  let bytes = 0;
  let missing = 0;
  for (const op of ops) { bytes += op.data.length; missing += op.length - op.data.length; }
  if (format === 'raw') for (const op of ops) out.write(op.data);
  else out.write(streamTranscript(ops, q.follow));
  return { operations: ops.length, bytes, missingBytes: missing };
}

/** The conversation as text: a heading, then per turn a header line and the payload. */
export function streamTranscript(ops: readonly StreamOperation[], key: string): string {
  const c = buildConversation(ops, key);
  if (c.turns.length === 0) return `# no reads or writes for '${key}'\n`;
  const lines = [
    `# stream ${c.fdName || key}: ${c.processes.join(', ')}`,
    `# read ${c.bytesRead}B (${c.capturedRead}B captured), written ${c.bytesWritten}B (${c.capturedWritten}B captured), ${countOf(c.turns.length, 'turn')}`,
  ];
  for (const t of c.turns) {
    const first = ops[t.operations[0]];
    const last = ops[t.operations[t.operations.length - 1]];
    lines.push('', `--- ${t.direction} ${t.bytes}B by ${first.procName} (${first.pid}) at ${formatDateTime(BigInt(t.firstRawtime))} UTC, events #${first.evtNum}..#${last.evtNum}`);
    // A turn's payloads are one byte stream (a line may span reads); only a snaplen cut breaks it.
    let text = '';
    let pending: Uint8Array[] = [];
    const flush = () => {
      if (pending.length) text += readablePayload(Buffer.concat(pending));
      pending = [];
    };
    for (const i of t.operations) {
      const op = ops[i];
      pending.push(op.data);
      if (isTruncated(op)) {
        flush();
        text += `\n[... ${op.length - op.data.length} bytes not captured (snaplen) in event #${op.evtNum} ...]\n`;
      }
    }
    flush();
    lines.push(text);
  }
  return lines.join('\n') + '\n';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A payload as a person reads it: log-style text when it is UTF-8 text (tabs and line breaks
 * allowed), else sysdig's dotted form (printable ASCII, '.' for every other byte).
 */
export function readablePayload(bytes: Uint8Array): string {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) controls++;
  }
  if (controls === 0) {
    try { strictUtf8.decode(bytes); return renderText(bytes); } catch { /* not UTF-8: dotted */ }
  }
  return renderDotted(bytes);
}
