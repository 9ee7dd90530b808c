/**
 * "Follow this fd": the reads and writes of one stream grouped into a conversation of turns.
 * A turn is a run of operations in the same direction (a request, then its response...).
 * Missing bytes are never hidden: every operation whose payload the snaplen cut short is
 * listed with how many bytes are missing.
 */
import { isTruncated, type StreamDirection, type StreamOperation } from './types';

export interface ConversationTurn {
  direction: StreamDirection;
  /** Indexes into the operations the conversation was built from. */
  operations: number[];
  firstRawtime: string;
  lastRawtime: string;
  /** Bytes the syscalls moved in this turn. */
  bytes: number;
  /** Bytes actually captured in this turn. */
  capturedBytes: number;
}

export interface TruncationNote {
  operation: number;
  evtNum: number;
  length: number;
  captured: number;
}

export interface Conversation {
  /** What was followed: a stream key or an fd name. */
  key: string;
  fdName: string;
  /** The processes taking part (both ends when the capture holds both ends of a connection). */
  processes: string[];
  turns: ConversationTurn[];
  bytesRead: number;
  bytesWritten: number;
  capturedRead: number;
  capturedWritten: number;
  truncations: TruncationNote[];
}

/** Whether an operation belongs to the followed stream: its exact key, `pid:fd` or its fd name. */
export function matchesFollowKey(op: Pick<StreamOperation, 'streamKey' | 'fdName'>, key: string): boolean {
  if (op.streamKey === key) return true;
  const hash = op.streamKey.indexOf('#');
  if (hash >= 0 && op.streamKey.slice(0, hash) === key) return true;
  return op.fdName !== '' && op.fdName === key;
}

/** Groups operations (already in time order) that match `key` into a conversation. */
export function buildConversation(ops: readonly StreamOperation[], key: string): Conversation {
  const conv: Conversation = {
    key, fdName: '', processes: [], turns: [],
    bytesRead: 0, bytesWritten: 0, capturedRead: 0, capturedWritten: 0, truncations: [],
  };
  const procs = new Set<string>();
  let turn: ConversationTurn | null = null;
  ops.forEach((op, i) => {
    if (!matchesFollowKey(op, key)) return;
    if (conv.fdName === '') conv.fdName = op.fdName;
    procs.add(`${op.procName} (${op.pid})`);
    if (!turn || turn.direction !== op.direction) {
      turn = { direction: op.direction, operations: [], firstRawtime: op.rawtime, lastRawtime: op.rawtime, bytes: 0, capturedBytes: 0 };
      conv.turns.push(turn);
    }
    turn.operations.push(i);
    turn.lastRawtime = op.rawtime;
    turn.bytes += op.length;
    turn.capturedBytes += op.data.length;
    if (op.direction === 'read') { conv.bytesRead += op.length; conv.capturedRead += op.data.length; }
    else { conv.bytesWritten += op.length; conv.capturedWritten += op.data.length; }
    if (isTruncated(op)) conv.truncations.push({ operation: i, evtNum: op.evtNum, length: op.length, captured: op.data.length });
  });
  conv.processes = [...procs];
  return conv;
}

/** Distinct streams among the operations, with their fd name and byte totals (for a picker). */
export function listStreams(ops: readonly StreamOperation[]): Array<{ streamKey: string; fdName: string; procName: string; operations: number; bytes: number }> {
  const byKey = new Map<string, { streamKey: string; fdName: string; procName: string; operations: number; bytes: number }>();
  for (const op of ops) {
    let s = byKey.get(op.streamKey);
    if (!s) { s = { streamKey: op.streamKey, fdName: op.fdName, procName: op.procName, operations: 0, bytes: 0 }; byKey.set(op.streamKey, s); }
    s.operations++;
    s.bytes += op.length;
  }
  return [...byKey.values()];
}

/**
 * The bytes of one turn, its operations' captured payloads joined in order (so a JSON body or
 * a log line split over several writes renders as one). `complete` is false when the snaplen
 * cut any of them: the joined bytes then have gaps.
 */
export function turnPayload(ops: readonly StreamOperation[], turn: ConversationTurn): { bytes: Uint8Array; complete: boolean } {
  const bytes = new Uint8Array(turn.capturedBytes);
  let at = 0;
  let complete = true;
  for (const i of turn.operations) {
    bytes.set(ops[i].data, at);
    at += ops[i].data.length;
    if (isTruncated(ops[i])) complete = false;
  }
  return { bytes, complete };
}
