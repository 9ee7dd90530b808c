/**
 * The capture reader's output: what a .scap file holds, in the newest layout.
 *
 * This file is the contract between the capture reader (capture/) and everything that consumes
 * it (state engine, fields, formatting, indexer, writer tests). The reader streams the file in
 * large chunks and calls a visitor; it never materialises all events. An event handed to
 * `onEvent` is only valid during the call (its bytes may live in a reused chunk buffer): a
 * consumer that needs it later copies what it needs or remembers `fileOffset`.
 */

/** Section header block. */
export interface SectionHeader {
  major: number;
  minor: number;
  /** pcapng-style options found in the SHB (code → raw bytes), e.g. comments added by editcap. */
  options: Array<{ code: number; value: Uint8Array }>;
}

export interface MachineInfo {
  numCpus: number;
  memoryBytes: bigint;
  maxEventsPerSecond?: number;
  hostname: string;
  bootTsEpoch?: bigint;
}

/** One thread entry of a process-list block (any version, absent fields defaulted as the doc says). */
export interface ProcListEntry {
  tid: number;
  pid: number;
  ptid: number;
  sid: number;
  vpgid: number;
  pgid: number;
  comm: string;
  exe: string;
  exepath: string;
  args: string[];
  cwd: string;
  fdlimit: number;
  flags: number;
  uid: number;
  gid: number;
  vmsizeKb: number;
  vmrssKb: number;
  vmswapKb: number;
  pfmajor: number;
  pfminor: number;
  env: string[];
  vtid: number;
  vpid: number;
  /** cgroups as `subsys=path` strings, in file order. */
  cgroups: string[];
  root: string;
  pidnsInitStartTs: bigint;
  tty: number;
  loginuid: number;
  capInheritable: bigint;
  capPermitted: bigint;
  capEffective: bigint;
  exeWritable: boolean;
  exeUpperLayer: boolean;
  exeLowerLayer: boolean;
  exeFromMemfd: boolean;
  exeIno: bigint;
  exeInoCtime: bigint;
  exeInoMtime: bigint;
}

/** One entry of an fd-list block, with the thread that owns the table. */
export interface FdListEntry {
  tid: number;
  fd: number;
  ino: bigint;
  /** scap_fd_type (scap-flags.md §7.1). */
  type: number;
  /** file/directory/unix path, or other name-like data the entry carries. */
  name: string;
  /** For files: open flags. For sockets: as the doc says. */
  openFlags: number;
  mountId: number;
  dev: number;
  /** socket data, present only for socket types. */
  sip?: Uint8Array; dip?: Uint8Array; sport?: number; dport?: number; l4proto?: number;
  /** unix sockets: kernel pointers of both ends. */
  unixSource?: bigint; unixDest?: bigint;
}

export interface InterfaceEntry { name: string; family: 4 | 6; addr: Uint8Array; netmask: Uint8Array; bcast?: Uint8Array; linkspeed?: bigint }
export interface UserEntry { uid: number; gid: number; name: string; home: string; shell: string; container: string }
export interface GroupEntry { gid: number; name: string; container: string }

/**
 * One event. The reader upgrades old layouts to the newest one before handing the event out,
 * so `type` and the parameter list always follow the newest entry of the event table.
 */
export interface CaptureEvent {
  /** Byte offset of the event's block in the (decompressed) capture stream. */
  fileOffset: number;
  /** Block type it came from (0x204, 0x216, 0x221, ...). */
  blockType: number;
  /** Nanoseconds since the epoch. */
  ts: bigint;
  /**
   * The same timestamp as two unsigned 32-bit halves (ts = tsHi * 2^32 + tsLo), set by
   * readCapture: hot loops compare these instead of creating a bigint per event.
   */
  tsHi?: number;
  tsLo?: number;
  /** Thread id; -1 for meta events not tied to a thread. */
  tid: number;
  type: number;
  cpu: number;
  /** EVF flags (0 for plain EV blocks); bit 0 = state-only. */
  flags: number;
  /** Number of parameters present (after upgrade). */
  nparams: number;
  /** Backing bytes. Parameter i is data[paramOffset[i] .. paramOffset[i] + paramLength[i]). */
  data: Uint8Array;
  paramOffset: Uint32Array;
  paramLength: Uint32Array;
}

export interface CaptureVisitor {
  onSection?(shb: SectionHeader, fileOffset: number): void;
  onMachineInfo?(mi: MachineInfo): void;
  onProcess?(p: ProcListEntry): void;
  onFd?(fd: FdListEntry): void;
  onInterface?(i: InterfaceEntry): void;
  onUser?(u: UserEntry): void;
  onGroup?(g: GroupEntry): void;
  onEvent?(ev: CaptureEvent): void;
  /** Every block with a valid frame, before it is parsed (block census, e.g. `syscope info`). */
  onBlock?(blockType: number, fileOffset: number, length: number): void;
  /** A block the reader does not know: skipped, counted, reported. */
  onUnknownBlock?(blockType: number, fileOffset: number, length: number): void;
}

export interface ReadProgress { bytesRead: number; totalBytes: number; events: number }

export interface ReadOptions {
  signal?: AbortSignal;
  /**
   * 'newest' (default): old event layouts are upgraded as libscap's converter does (enter events
   * it merges into exits are dropped). 'file': events exactly as recorded (v1 headers normalised),
   * which is what sysdig 0.29.3 shows, enter events included. See upgradeLayout.ts.
   */
  layout?: 'newest' | 'file';
  /** Bytes per file read (default 4 MiB); small values exercise block stitching in tests. */
  chunkBytes?: number;
  /**
   * Resume at this (decompressed) stream offset, which must be the start of a block after the
   * capture's header blocks: only the blocks from there on are visited. Gzip files are still
   * decompressed from their start (the bytes before the offset are dropped unparsed).
   */
  startOffset?: number;
  onProgress?(p: ReadProgress): void;
}

export interface ReadSummary {
  /** Events handed to onEvent (after the layout upgrade, which merges old enter events into exits). */
  events: number;
  /** Event blocks decoded from the file (the MANIFEST's "raw event blocks"). */
  eventBlocks?: number;
  /** Layout upgrade counts (layout 'newest' only). */
  upgrade?: { dropped: number; converted: number; unconvertible: number };
  blocks: number;
  unknownBlocks: number;
  /** Set when the capture ends inside a block: every complete event before it was delivered. */
  truncatedAt?: number;
  /** Non-fatal problems met while reading (skipped corrupt block, ...), each one line. */
  warnings: string[];
  compressed: boolean;
  /** Event blocks whose event could not be decoded (bad lengths); each also gave a warning. */
  skippedEvents?: number;
  /** Bytes of the (decompressed) capture stream that were consumed. */
  bytes?: number;
}

/** A capture that cannot be read at all; `message` is one line naming the problem. */
export class CaptureError extends Error {
  constructor(message: string, readonly fileOffset?: number) {
    super(message);
    this.name = 'CaptureError';
  }
}
