/**
 * The capture reader: streams a .scap file (plain or gzip) and calls a visitor for every
 * block it holds, in file order.
 *
 * Design: the file arrives in 4 MiB chunks (1 MiB after gunzip). Blocks are parsed in place on
 * the chunk; a block that straddles chunks is completed by concatenating just the chunks it
 * needs (a single block can be many MB). Events are decoded into one reused CaptureEvent whose
 * `data` is the chunk and whose parameter offsets point into it, so the hot loop allocates
 * nothing per event. Metadata blocks (few) become plain objects.
 *
 * Bad input: a file that is not a capture rejects with a one-line CaptureError. Damage after a
 * valid start never rejects: a capture cut off mid-block delivers every complete event and sets
 * `truncatedAt`; a malformed event is skipped with a warning; a block whose framing cannot be
 * trusted (impossible length, a trailer that disagrees and no event to vouch for the length, a
 * later section header that is not one) ends the read with a warning, because nothing after it
 * can be located reliably.
 */
import { emptyFile, endsInSectionHeader, notACapture } from './notACapture';
import { basename } from 'node:path';
import { article } from '../../../shared/format/plural';
import { CaptureError, type CaptureVisitor, type ReadOptions, type ReadSummary } from './types';
import { openCaptureSource, streamBreak } from './captureSource';
import { BlockType, blockTypeName, isEventBlock, procListVersion } from './blockTypes';
import { u32, Overrun } from './byteCursor';
import { blockFitsEvent, chunkView, DecodedEvent, decodeEventBlock } from './eventDecoder';
import { SHB_MAGIC, SHB_MAGIC_SWAPPED, parseFdList, parseInterfaces, parseMachineInfo, parseProcessList, parseSectionHeader, parseUsers } from './metadataBlocks';
import { LayoutUpgrader } from './upgradeLayout';

const MAX_WARNINGS = 50;
const SHB_BYTES = Buffer.from([0x0a, 0x0d, 0x0d, 0x0a]);
/** Larger blocks than this are treated as corrupt lengths rather than buffered. */
const MAX_BLOCK_BYTES = 1 << 30;

class BlockReader {
  readonly summary: ReadSummary = { events: 0, blocks: 0, unknownBlocks: 0, warnings: [], compressed: false, skippedEvents: 0, bytes: 0, eventBlocks: 0 };
  /** Stream offset of the current chunk's first byte. */
  base = 0;
  stopped = false;
  /** The read ended because the file ends inside a block. */
  cutOff = false;
  compressed = false;
  private suppressedWarnings = 0;
  private badTrailers = 0;
  private sections: number;
  /** Reading resumes mid-stream: the header blocks were read by an earlier pass. */
  readonly resumed: boolean;
  private readonly ev = new DecodedEvent();
  private readonly upgrader: LayoutUpgrader | null;

  constructor(private readonly file: string, private readonly visitor: CaptureVisitor, opts: ReadOptions, private readonly totalBytes: number) {
    this.upgrader = (opts.layout ?? 'newest') === 'newest' ? new LayoutUpgrader() : null;
    this.resumed = (opts.startOffset ?? 0) > 0;
    this.base = opts.startOffset ?? 0;
    this.sections = this.resumed ? 1 : 0;
  }

  warn(message: string): void {
    if (this.summary.warnings.length < MAX_WARNINGS) this.summary.warnings.push(message);
    else this.suppressedWarnings++;
  }

  finish(): ReadSummary {
    if (this.badTrailers > 0) this.warn(`${this.badTrailers} event blocks have a trailer that disagrees with their length (events read anyway)`);
    if (this.upgrader !== null) {
      this.summary.upgrade = { ...this.upgrader.stats };
      for (const [problem, count] of this.upgrader.problems) this.warn(`layout upgrade: ${problem} (${count}×; passed unchanged)`);
    }
    if (this.suppressedWarnings > 0) this.summary.warnings.push(`... and ${this.suppressedWarnings} more warnings`);
    return this.summary;
  }

  /**
   * Parses every complete block of b starting at pos. Returns the position of the first
   * incomplete block and sets `need` to the bytes that block requires (from that position).
   */
  parse(b: Uint8Array, pos: number): { pos: number; need: number } {
    const end = b.length;
    const visitor = this.visitor;
    const ev = this.ev;
    const upgrader = this.upgrader;
    const v = chunkView(b);
    while (pos < end) {
      if (end - pos < 8) return { pos, need: 8 };
      const type = v.getUint32(pos, true);
      const len = v.getUint32(pos + 4, true);
      const at = this.base + pos;
      if (this.summary.blocks === 0 && !this.resumed) this.checkFirstBlock(b, pos, type, len);
      // libscap refuses event blocks over 64 KiB, but real files hold bigger ones (draios/sysdig#867): read them.
      if (len < 12 || len > MAX_BLOCK_BYTES) {
        this.stop(`block at offset ${at} has an impossible length ${len}; the rest of the capture cannot be located and was not read`);
        return { pos, need: 0 };
      }
      if (len > end - pos) {
        // Plain files have a known size: a block reaching past it is cut off, no need to buffer the rest.
        if (!this.compressed && at + len > this.totalBytes) {
          this.cutOff = true;
          this.stopped = true;
          return { pos, need: 0 };
        }
        return { pos, need: len };
      }
      const trailer = v.getUint32(pos + len - 4, true);
      const event = isEventBlock(type);
      let problem: string | null = null;
      if (event) problem = decodeEventBlock(ev, b, pos, len, type);
      if (trailer !== len && type !== BlockType.SECTION_HEADER) {
        // libscap checks trailers of metadata blocks only; an event that decodes inside its
        // block is trusted (so are files that sysdig reads), anything else means lost framing.
        if (!event || problem !== null || !blockFitsEvent(b, pos, len, type)) {
          this.stop(`${blockTypeName(type)} block at offset ${at} says it is ${len} bytes long but its trailer says ${trailer}; the rest of the capture was not read`);
          return { pos, need: 0 };
        }
        this.badTrailers++;
      }
      this.summary.blocks++;
      visitor.onBlock?.(type, at, len);
      if (event) {
        if (problem === null) {
          ev.fileOffset = at;
          this.summary.eventBlocks!++;
          const out = upgrader === null ? ev : upgrader.upgrade(ev);
          if (out !== null) {
            this.summary.events++;
            visitor.onEvent?.(out);
          }
        } else {
          this.summary.skippedEvents!++;
          this.warn(`${blockTypeName(type)} block at offset ${at}: ${problem}; event skipped`);
        }
      } else {
        this.metadataBlock(b, pos, len, type, at);
        if (this.stopped) return { pos, need: 0 };
      }
      pos += len;
    }
    return { pos, need: 8 };
  }

  private checkFirstBlock(b: Uint8Array, pos: number, type: number, len: number): void {
    if (type !== BlockType.SECTION_HEADER) this.rejectFirstBlock(b, pos);
    if (len < 28) throw new CaptureError(`${basename(this.file)}: section header length ${len} is too short (corrupt file)`, this.base + pos);
  }

  rejectFirstBlock(b: Uint8Array, pos: number): never {
    throw notACapture(basename(this.file), b.subarray(pos), this.base + pos);
  }

  private metadataBlock(b: Uint8Array, pos: number, len: number, type: number, at: number): void {
    const start = pos + 8;
    const end = pos + len - 4;
    const v = this.visitor;
    try {
      switch (type) {
        case BlockType.SECTION_HEADER: {
          const magic = u32(b, start);
          const shb = parseSectionHeader(b, start, end);
          const problem = magic === SHB_MAGIC_SWAPPED ? 'big-endian captures are not supported'
            : magic !== SHB_MAGIC ? `section header at offset ${at} has a bad byte-order magic 0x${magic.toString(16)} (not a scap capture, or corrupt)`
            : shb.major > 1 ? `capture format version ${shb.major}.${shb.minor} is newer than this reader supports (1.x)` : null;
          if (problem !== null) {
            if (this.sections === 0) throw new CaptureError(`${basename(this.file)}: ${problem}`, at);
            this.stop(`a later section cannot be read: ${problem}; reading stopped there`);
            return;
          }
          this.sections++;
          v.onSection?.(shb, at);
          this.upgrader?.reset();
          return;
        }
        case BlockType.MACHINE_INFO: case BlockType.MACHINE_INFO_LEGACY:
          v.onMachineInfo?.(parseMachineInfo(b, start, end));
          return;
        case BlockType.FD_LIST: case BlockType.FD_LIST_LEGACY: case BlockType.FD_LIST_V2:
          if (v.onFd) parseFdList(b, start, end, type === BlockType.FD_LIST_V2, v.onFd.bind(v));
          return;
        case BlockType.IFACE_LIST: case BlockType.IFACE_LIST_LEGACY: case BlockType.IFACE_LIST_V2:
          if (v.onInterface) parseInterfaces(b, start, end, type === BlockType.IFACE_LIST_V2, v.onInterface.bind(v));
          return;
        case BlockType.USER_LIST: case BlockType.USER_LIST_LEGACY: case BlockType.USER_LIST_V2:
          if (v.onUser || v.onGroup) parseUsers(b, start, end, type === BlockType.USER_LIST_V2, v);
          return;
      }
      const plv = procListVersion(type);
      if (plv) {
        if (v.onProcess) parseProcessList(b, start, end, plv, v.onProcess.bind(v));
        return;
      }
      this.summary.unknownBlocks++;
      v.onUnknownBlock?.(type, at, len);
    } catch (err) {
      if (!(err instanceof Overrun)) throw err;
      this.warn(`${blockTypeName(type)} block at offset ${at} is malformed (${err.message}); the rest of that block was skipped`);
    }
  }

  stop(message: string): void {
    this.warn(message);
    this.stopped = true;
  }
}

/**
 * The bytes of a chunk as a plain Uint8Array: every event's `data` (and every stored or
 * upgraded copy, which are plain arrays too) then has one map, so the byte loads of the decoder,
 * the upgrader and the state engine's parameter reads stay monomorphic.
 */
function plainBytes(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export async function readCapture(path: string, visitor: CaptureVisitor, opts: ReadOptions = {}): Promise<ReadSummary> {
  const name = basename(path);
  const source = await openCaptureSource(path, opts.chunkBytes, opts.startOffset);
  const reader = new BlockReader(path, visitor, opts, source.totalBytes);
  reader.summary.compressed = reader.compressed = source.compressed;
  // Unparsed bytes are buf[pos..] followed by the pending chunks; reader.base is buf[0]'s offset.
  let buf: Uint8Array = new Uint8Array(0);
  let pos = 0;
  let need = 8;
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let streamError: string | null = null;

  /** Removes the first n pending bytes (n ≤ pendingBytes) and returns them as pieces. */
  const take = (n: number): Uint8Array[] => {
    const parts: Uint8Array[] = [];
    while (n > 0) {
      const c = pending[0];
      if (c.length <= n) { parts.push(c); pending.shift(); n -= c.length; pendingBytes -= c.length; }
      else { parts.push(c.subarray(0, n)); pending[0] = c.subarray(n); pendingBytes -= n; n = 0; }
    }
    return parts;
  };

  // Parses in place on each chunk; only a block that straddles chunks is copied, alone.
  const pump = (): void => {
    while (!reader.stopped) {
      const rest = buf.length - pos;
      if (rest === 0) {
        if (pending.length === 0) return;
        reader.base += buf.length;
        buf = pending.shift()!;
        pendingBytes -= buf.length;
        pos = 0;
        need = 8;
      } else if (rest >= need) {
        ({ pos, need } = reader.parse(buf, pos));
      } else {
        if (rest + pendingBytes < need) return; // wait for more data
        const stitched = plainBytes(Buffer.concat([buf.subarray(pos), ...take(need - rest)]));
        reader.base += pos;
        buf = stitched;
        pos = 0;
      }
    }
  };

  try {
    try {
      for await (const chunk of source.chunks) {
        if (opts.signal?.aborted) throw new CaptureError(`${name}: reading cancelled`);
        pending.push(plainBytes(chunk));
        pendingBytes += chunk.length;
        pump();
        if (reader.stopped) break;
        opts.onProgress?.({ bytesRead: source.bytesRead(), totalBytes: source.totalBytes, events: reader.summary.events });
      }
    } catch (err) {
      // A cut-off or damaged gzip stream: everything decompressed before it is still read.
      streamError = streamBreak(err, source);
    }
  } finally {
    source.close();
  }
  if (pendingBytes > 0 && !reader.stopped) {
    // The capture ends inside a block: gather what is left for the report.
    buf = plainBytes(Buffer.concat([buf.subarray(pos), ...pending]));
    reader.base += pos;
    pos = 0;
  }
  const summary = reader.summary;
  const at = reader.base + pos;
  summary.bytes = at;
  if (summary.blocks === 0 && !reader.resumed) {
    if (streamError !== null) throw new CaptureError(`${name}: not a readable gzip file (${streamError})`);
    if (buf.length === 0) throw emptyFile(name);
    const head = buf.subarray(pos, pos + 4);
    if (!SHB_BYTES.subarray(0, head.length).equals(head)) reader.rejectFirstBlock(buf, pos);
    throw endsInSectionHeader(name, buf.length);
  }
  if (reader.cutOff || (!reader.stopped && pos < buf.length)) {
    summary.truncatedAt = at;
    const left = source.compressed ? buf.length - pos : source.totalBytes - at;
    const block = left >= 8 ? blockTypeName(u32(buf, pos)) : '';
    const what = left >= 8 ? `inside ${article(block)} ${block} block of ${u32(buf, pos + 4)} bytes (${left} present)` : `inside a block header`;
    reader.warn(`capture is cut off at byte ${at}, ${what}; ${summary.events === 1 ? 'the 1 event before it was' : `the ${summary.events} events before it were`} read`);
  }
  if (streamError !== null && streamError.includes('incorrect header check') && summary.truncatedAt === undefined && !reader.stopped) {
    // Bytes after the last gzip member that are not another member: zlib readers ignore them.
    reader.warn(`ignored data after the last gzip member (${streamError})`);
  } else if (streamError !== null) {
    summary.truncatedAt ??= at;
    reader.warn(`the gzip stream ends early or is damaged after ${reader.base + buf.length} decompressed bytes (${streamError}); the events before it were read`);
  }
  return reader.finish();
}
