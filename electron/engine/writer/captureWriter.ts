/**
 * The capture writer: produces .scap files that sysdig 0.29.3 and Syscope's reader open.
 *
 * Design: blocks are encoded into one growing ByteSink (header blocks via blocks.ts, events
 * via EventEncoder, or copied verbatim from another capture); whenever the sink passes a few
 * MiB it is handed to the output stream (plain file, or gzip — one member, as libscap's gzopen
 * would write). The file is written under a temporary name and renamed on close, so a failed
 * or cancelled write never leaves a half capture under the wanted name.
 *
 * Layout choices, for sysdig 0.29.3 compatibility: SHB 1.2, MI, IL v2, UL v2, PL v9, FDL v2, EV v2 blocks; events are written in
 * whatever layout the caller encodes — the sample uses the 2022 layouts (enter + exit events,
 * parameter counts of libs 0.1.1), subsets copy the original blocks byte for byte.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip, type Gzip } from 'node:zlib';
import { ByteSink } from './byteSink';
import {
  BlockType, beginBlock, endBlock, writeFdList, writeInterfaceList, writeMachineInfo,
  writeProcessList, writeSectionHeader, writeUserList,
} from './blocks';
import { EventEncoder } from './eventEncoder';
import type { FdListEntry, GroupEntry, InterfaceEntry, MachineInfo, ProcListEntry, UserEntry } from '../capture/types';

export interface CaptureWriterOptions {
  gzip?: boolean;
}

const FLUSH_AT = 4 << 20;

export class CaptureWriter {
  readonly sink = new ByteSink(FLUSH_AT + (1 << 16));
  /** Encoder appending event blocks to this capture. */
  readonly event = new EventEncoder(this.sink);
  private readonly file: WriteStream;
  private readonly gzip?: Gzip;
  private failure: Error | null = null;
  private closed = false;
  eventsWritten = 0;

  private constructor(private readonly path: string, private readonly tmpPath: string, opts: CaptureWriterOptions) {
    this.file = createWriteStream(tmpPath);
    this.file.on('error', (err) => { this.failure ??= err; });
    if (opts.gzip) {
      this.gzip = createGzip({ level: 6 });
      this.gzip.on('error', (err) => { this.failure ??= err; });
      this.gzip.pipe(this.file);
    }
  }

  /** Opens `path` for writing (through a temporary file next to it). */
  static create(path: string, opts: CaptureWriterOptions = {}): CaptureWriter {
    return new CaptureWriter(path, `${path}.partial-${process.pid}`, opts);
  }

  writeHeader(h: {
    machine: MachineInfo;
    interfaces?: readonly InterfaceEntry[];
    users?: readonly UserEntry[];
    groups?: readonly GroupEntry[];
    threads?: readonly ProcListEntry[];
    /** fd tables by owning tid; every thread of `threads` gets an FDL block (empty if absent). */
    fds?: ReadonlyMap<number, readonly FdListEntry[]>;
  }): void {
    writeSectionHeader(this.sink);
    writeMachineInfo(this.sink, h.machine);
    if (h.interfaces?.length) writeInterfaceList(this.sink, h.interfaces);
    if (h.users?.length || h.groups?.length) writeUserList(this.sink, h.users ?? [], h.groups ?? []);
    if (h.threads?.length) {
      writeProcessList(this.sink, h.threads);
      for (const t of h.threads) writeFdList(this.sink, t.tid, h.fds?.get(t.tid) ?? []);
    }
  }

  /**
   * Copies one event verbatim as an event block of the given type (the block body is
   * cpu id, [flags], event bytes). Used by the subset writer: what sysdig read once, it reads again.
   */
  copyEventBlock(blockType: number, cpu: number, event: Uint8Array, flags?: number): void {
    const withFlags = blockType === BlockType.EVF_V2 || blockType === 0x222 || blockType === 0x208;
    const at = beginBlock(this.sink, blockType);
    this.sink.u16(cpu);
    if (withFlags) this.sink.u32(flags ?? 0);
    this.sink.bytesOf(event);
    endBlock(this.sink, at);
    this.eventsWritten++;
  }

  /** Call after each event (or batch): hands the buffered bytes to the file when enough piled up. */
  async maybeFlush(): Promise<void> {
    if (this.sink.length >= FLUSH_AT) await this.flush();
  }

  /**
   * For callers that cannot await (synchronous block callbacks): passes the buffered bytes to
   * the output stream once enough piled up, leaving the buffering to the stream.
   */
  handOff(): void {
    if (this.sink.length >= FLUSH_AT) this.write();
  }

  private write(): boolean {
    if (this.failure) throw oneLineError(this.failure, this.path);
    const chunk = Buffer.from(this.sink.written()); // copy: the sink is reused
    this.sink.reset();
    return (this.gzip ?? this.file).write(chunk);
  }

  private async flush(): Promise<void> {
    if (this.sink.length === 0) return;
    const target: NodeJS.WritableStream = this.gzip ?? this.file;
    if (!this.write()) await new Promise<void>((res) => target.once('drain', () => res()));
  }

  /** Flushes, finishes the gzip member and moves the file into place. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.flush();
      await new Promise<void>((resolve, reject) => {
        this.file.once('close', () => resolve());
        this.file.once('error', reject);
        if (this.gzip) this.gzip.end(); else this.file.end();
      });
      if (this.failure) throw oneLineError(this.failure, this.path);
      await rename(this.tmpPath, this.path);
    } catch (err) {
      await rm(this.tmpPath, { force: true });
      throw oneLineError(err, this.path);
    }
  }

  /** Gives up: removes the temporary file. */
  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // The temporary file is opened asynchronously: removing it before the stream has closed
    // can run before the open, which then leaves the file behind.
    const fileClosed = this.file.closed ? Promise.resolve() : new Promise<void>((res) => this.file.once('close', () => res()));
    this.gzip?.destroy();
    this.file.destroy();
    await fileClosed;
    await rm(this.tmpPath, { force: true });
  }
}

class WriteError extends Error {}

function oneLineError(err: unknown, path: string): Error {
  if (err instanceof WriteError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new WriteError(`cannot write ${path}: directory does not exist`);
  if (e?.code === 'EACCES') return new WriteError(`cannot write ${path}: permission denied`);
  if (e?.code === 'ENOSPC') return new WriteError(`cannot write ${path}: no space left on device`);
  const msg = err instanceof Error ? err.message : String(err);
  return new WriteError(`cannot write ${path}: ${msg.split('\n')[0]}`);
}
