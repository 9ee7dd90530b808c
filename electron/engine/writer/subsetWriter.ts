/**
 * Writes a subset of a capture (a time window, optionally only the events a filter selected)
 * that still makes sense on its own: every field of a kept event resolves as in the original.
 *
 * How: the original's header blocks (machine, interfaces, users, process and fd lists) are
 * copied byte for byte behind a fresh section header; kept events are copied byte for byte; and
 * every event the subset leaves out but whose effect on the system state later events rely on
 * (the event table's MODIFIES_STATE events: clone, execve, open, close, socket, connect,
 * procexit, container metadata, ...) is written as a state-only event block (EVF, flag 1).
 * Readers — sysdig 0.29.3, newer libs, Syscope — apply a state-only event to their tables but
 * never show it. Dropped enter events whose exit event is kept are written state-only just
 * before that exit, since sysdig resolves an exit event's fd through its enter event. Events
 * after the window are dropped.
 *
 * This costs some size (the state-changing events before the window stay in the file), but
 * the state it yields is the original reader's own, not a reconstruction of it.
 *
 * So that sysdig 0.29.3 opens every file written here, three things of newer captures are
 * adapted, each reported as a warning: the section header loses its pcapng options, fd-list
 * entries of fd types it rejects become "unsupported" fds, and generic syscall events whose
 * syscall id it cannot look up (it crashes) are left out.
 */
import { CaptureWriter } from './captureWriter';
import { BlockType, writeSectionHeader } from './blocks';
import { forEachBlock } from './blockStream';
import { EVENTS, EventFlag, EVENT_COUNT } from '../../../shared/scap/eventTable';
import { SysdigEventTally } from '../inspector/sysdigEvents';

const SHB = 0x0a0d0d0a;
const EV_V1 = 0x204, EV_V1_LEGACY = 0x8010abcd, EVF_V1 = 0x208;
const EV_V2 = BlockType.EV_V2, EVF_V2 = BlockType.EVF_V2, EV_V2_LARGE = BlockType.EV_V2_LARGE, EVF_V2_LARGE = 0x222;
const STATE_ONLY = 1;
const FDL_V2 = 0x218;
/** The newest fd type sysdig 0.29.3 accepts in an fd list (MEMFD); it refuses the whole file otherwise. */
const LAST_FD_TYPE_OF_SYSDIG_029 = 20;
const FD_UNSUPPORTED = 10;

/** ppm_sc codes from here on are past the table of sysdig 0.29.3, which then crashes (measured). */
const FIRST_SYSCALL_ID_UNKNOWN_TO_SYSDIG_029 = 330;
const GENERIC_SYSCALL_E = 0, GENERIC_SYSCALL_X = 1;

/** A generic `syscall` event (v2 layout) naming a syscall id sysdig 0.29.3 cannot look up. */
function crashesSysdig029(blockType: number, type: number, b: Buffer, e: number, len: number): boolean {
  if (type !== GENERIC_SYSCALL_E && type !== GENERIC_SYSCALL_X) return false;
  if (blockType === EV_V1 || blockType === EV_V1_LEGACY || blockType === EVF_V1) return false;
  const nparams = b.readUInt32LE(e + 22);
  const first = e + 26 + nparams * 2;
  if (nparams < 1 || first + 2 > e + len || b.readUInt16LE(e + 26) !== 2) return false;
  return b.readUInt16LE(first) >= FIRST_SYSCALL_ID_UNKNOWN_TO_SYSDIG_029;
}

/**
 * Rewrites, in place, fd-list v2 entries whose type sysdig 0.29.3 rejects ("wrong fd type") as
 * UNSUPPORTED. Their payload is a name string either way (scap-file-format.md §7), and each entry
 * carries its length, so only the type byte changes. Returns how many entries changed.
 */
function downgradeNewFdTypes(block: Uint8Array): number {
  const v = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const end = block.length - 4;
  let changed = 0;
  for (let e = 8 + 8; e + 4 <= end;) {
    const len = v.getUint32(e, true);
    if (len < 21 || e + len > end) break;
    const typeAt = e + 4 + 8 + 8;
    if (block[typeAt] > LAST_FD_TYPE_OF_SYSDIG_029) { block[typeAt] = FD_UNSUPPORTED; changed++; }
    e += len;
  }
  return changed;
}

/** Offsets (in the decompressed stream) of the events a filter selected, ascending. */
export interface EventSelection { offsets: Float64Array; count: number }

export interface SubsetOptions {
  /** Inclusive bounds in epoch nanoseconds. */
  fromNs?: bigint;
  toNs?: bigint;
  selection?: EventSelection;
  gzip?: boolean;
  signal?: AbortSignal;
  /** Called after each chunk of the input (bytes of the file as stored, compressed or not). */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

export interface SubsetSummary {
  /** Events copied as they were (what the subset shows). */
  kept: number;
  /** Of those, the events `sysdig -r` prints a line for when it reads the subset (not internal or initial metadata). */
  shown: number;
  /** Events written state-only (applied, never shown). */
  stateOnly: number;
  dropped: number;
  /** fd-list entries of types sysdig 0.29.3 rejects, written as "unsupported". */
  fdsMadeUnsupported: number;
  /** Generic-syscall events left out because sysdig 0.29.3 crashes on their syscall ids. */
  sysdigIncompatible: number;
  warnings: string[];
}

function isEventBlock(t: number): boolean {
  return t === EV_V2 || t === EVF_V2 || t === EV_V2_LARGE || t === EVF_V2_LARGE || t === EV_V1 || t === EV_V1_LEGACY || t === EVF_V1;
}
function hasFlagsWord(t: number): boolean { return t === EVF_V2 || t === EVF_V2_LARGE || t === EVF_V1; }
function stateOnlyBlockType(t: number): number {
  if (t === EV_V2 || t === EVF_V2) return EVF_V2;
  if (t === EV_V2_LARGE || t === EVF_V2_LARGE) return EVF_V2_LARGE;
  return EVF_V1;
}

const MODIFIES_STATE = new Uint8Array(EVENT_COUNT);
const SKIPS_PARSE_RESET = new Uint8Array(EVENT_COUNT);
for (let i = 0; i < EVENT_COUNT; i++) {
  MODIFIES_STATE[i] = (EVENTS[i].flags & EventFlag.MODIFIES_STATE) !== 0 ? 1 : 0;
  SKIPS_PARSE_RESET[i] = (EVENTS[i].flags & EventFlag.SKIPPARSERESET) !== 0 ? 1 : 0;
}
// Context switches: flagged so in the libs of sysdig 0.29.3, no longer in the newest table.
SKIPS_PARSE_RESET[146] = 1;
SKIPS_PARSE_RESET[152] = 1;

/** The last enter event of a thread that the subset did not write (kept in a reused buffer). */
interface PendingEnter { type: number; blockType: number; cpu: number; len: number; bytes: Uint8Array; live: boolean }

export async function writeSubset(input: string, output: string, opts: SubsetOptions): Promise<SubsetSummary> {
  const from = opts.fromNs ?? 0n;
  const to = opts.toNs ?? 0xffffffffffffffffn;
  const sel = opts.selection;
  let selAt = 0;
  const summary: SubsetSummary = { kept: 0, shown: 0, stateOnly: 0, dropped: 0, fdsMadeUnsupported: 0, sysdigIncompatible: 0, warnings: [] };
  // The new capture's events as sysdig will count them, tallied in the order they are written.
  const written = new SysdigEventTally();
  const pending = new Map<number, PendingEnter>();
  const writer = CaptureWriter.create(output, { gzip: opts.gzip });
  let inHeader = false;

  const writeStateOnly = (blockType: number, cpu: number, flags: number, event: Uint8Array) => {
    writer.copyEventBlock(stateOnlyBlockType(blockType), cpu, event, flags | STATE_ONLY);
    written.add(event[20] | (event[21] << 8), STATE_ONLY, 0, 0);
    summary.stateOnly++;
  };

  const onBlock = (blockType: number, block: Buffer, offset: number) => {
    if (blockType === SHB) {
      // A fresh minimal SHB: the original may carry pcapng options old readers choke on.
      writeSectionHeader(writer.sink);
      written.newSection();
      inHeader = true;
      pending.clear();
      return;
    }
    if (!isEventBlock(blockType)) {
      if (inHeader && blockType === FDL_V2) {
        const at = writer.sink.length;
        writer.sink.bytesOf(block);
        summary.fdsMadeUnsupported += downgradeNewFdTypes(writer.sink.bytes.subarray(at, at + block.length));
      } else if (inHeader) writer.sink.bytesOf(block);
      else summary.warnings.push(`skipped a block of unknown type 0x${blockType.toString(16)} between events`);
      return;
    }
    inHeader = false;
    const flagsWord = hasFlagsWord(blockType);
    const cpu = block.readUInt16LE(8);
    const flags = flagsWord ? block.readUInt32LE(10) : 0;
    const e = flagsWord ? 14 : 10;
    if (block.length < e + 22 + 4) { summary.dropped++; return; } // too short for an event header
    const ts = block.readBigUInt64LE(e);
    const tid = block.readInt32LE(e + 8); // tids fit in 32 bits; -1 stays -1
    const len = block.readUInt32LE(e + 16);
    const type = block.readUInt16LE(e + 20);
    if (e + len > block.length - 4 || len < 22) { summary.dropped++; return; }
    const event = block.subarray(e, e + len);
    if (crashesSysdig029(blockType, type, block, e, len)) { summary.sysdigIncompatible++; summary.dropped++; return; }

    let selected = ts >= from && ts <= to;
    if (selected && sel) {
      while (selAt < sel.count && sel.offsets[selAt] < offset) selAt++;
      selected = selAt < sel.count && sel.offsets[selAt] === offset;
    }
    const known = type < EVENT_COUNT;
    const isEnter = (type & 1) === 0;

    // Events flagged SKIPPARSERESET (switch, procinfo, ...) leave a thread's last event alone,
    // so they neither replace nor consume its pending enter event.
    const touchesLastEvent = !known || SKIPS_PARSE_RESET[type] === 0;
    const pendingEnter = pending.get(tid);
    if (selected && (flags & STATE_ONLY) === 0) {
      if (!isEnter && pendingEnter?.live && pendingEnter.type === type - 1) {
        writeStateOnly(pendingEnter.blockType, pendingEnter.cpu, 0, pendingEnter.bytes.subarray(0, pendingEnter.len));
      }
      if (pendingEnter && touchesLastEvent) pendingEnter.live = false;
      writer.copyEventBlock(blockType, cpu, event, flags);
      written.add(type, flags, block.readUInt32LE(e + 4), block.readUInt32LE(e));
      summary.kept++;
      return;
    }
    if (ts <= to && known && MODIFIES_STATE[type] === 1) {
      if (pendingEnter && touchesLastEvent) pendingEnter.live = false;
      writeStateOnly(blockType, cpu, flags, event);
      return;
    }
    summary.dropped++;
    if (!touchesLastEvent) return;
    if (isEnter && ts <= to) {
      let p = pendingEnter;
      if (!p) { p = { type: 0, blockType: 0, cpu: 0, len: 0, bytes: new Uint8Array(Math.max(256, len)), live: false }; pending.set(tid, p); }
      if (p.bytes.length < len) p.bytes = new Uint8Array(len * 2);
      p.bytes.set(event);
      p.type = type; p.blockType = blockType; p.cpu = cpu; p.len = len; p.live = true;
    } else if (pendingEnter) {
      pendingEnter.live = false;
    }
  };

  try {
    const result = await forEachBlock(input, (t, b, o) => {
      onBlock(t, b, o);
      writer.handOff();
    }, opts.signal, opts.onProgress);
    if (summary.fdsMadeUnsupported > 0) {
      summary.warnings.push(`${summary.fdsMadeUnsupported} open file descriptor(s) of types sysdig 0.29.3 does not know (pidfd, ...) were written as unsupported fds`);
    }
    if (summary.sysdigIncompatible > 0) {
      summary.warnings.push(`${summary.sysdigIncompatible} generic syscall event(s) with syscall ids newer than sysdig 0.29.3 knows were left out (it crashes on them)`);
    }
    if (result.framingBreak !== undefined) summary.warnings.push(result.framingBreak);
    else if (result.streamError !== undefined) {
      summary.warnings.push(`the gzip stream ends early or is damaged after ${result.truncatedAt} decompressed bytes of whole blocks (${result.streamError}); the events before it were kept`);
    } else if (result.truncatedAt !== undefined) summary.warnings.push(`capture is cut off at byte ${result.truncatedAt}, inside a block; everything before it was kept`);
    await writer.close();
    summary.shown = written.printed;
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return summary;
}
