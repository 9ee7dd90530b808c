/**
 * The persistent index cache, in the user's cache directory (never beside the capture: a
 * capture is evidence and its folder is not ours to write to).
 *
 * An entry is keyed by the capture's identity (size, mtime and a hash of its first and last
 * MiB), so a renamed copy still hits and a modified file misses. Entries are checked on load
 * (format, checksum, identity) and a bad one is deleted and rebuilt, never trusted. The cache
 * keeps under a byte cap by evicting the least recently used entries (use = file mtime).
 * Gzip captures are decompressed once into the cache too, so payloads can be re-read by offset.
 * A gzip stream that ends early (a `sysdig -zw` killed mid-write) or breaks keeps what could be
 * decompressed, as a copy of its own name (`.partial.scap`) with a note of how many bytes and
 * why: a complete copy is never looked for under that name, and a partial copy whose note is
 * missing or disagrees with its size is made again, so it is never taken for a whole capture.
 * Beside an index, the evidence service's checkpoints and whole process tree can be kept
 * (`.checkpoints`): frozen engine state, so only the code that froze them may thaw them; each
 * is stored with that code's fingerprint and a checksum, and any other is deleted unread.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync, createReadStream, createWriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { createGunzip } from 'node:zlib';
import { CaptureIndex, type FileIdentity } from './eventIndex';
import { INDEX_FORMAT_VERSION, readIndexFile, readIndexMeta, writeIndexColumns } from './indexFile';

const HEAD_TAIL_BYTES = 1 << 20;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024 * 1024;
/** A temporary file this old is left from a write that stopped (a 1 GB index is written in seconds). */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;
/** Bump when what the indexer records or how view tables are computed changes, so older entries are rebuilt. */
export const INDEXER_VERSION = 20;

export function defaultCacheDir(): string {
  if (process.env.SYSCOPE_CACHE_DIR) return process.env.SYSCOPE_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'syscope');
}

export function fileIdentity(path: string): FileIdentity {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    const hash = createHash('sha256');
    const head = Buffer.alloc(Math.min(HEAD_TAIL_BYTES, st.size));
    readSync(fd, head, 0, head.length, 0);
    hash.update(head);
    if (st.size > HEAD_TAIL_BYTES) {
      const tail = Buffer.alloc(Math.min(HEAD_TAIL_BYTES, st.size - HEAD_TAIL_BYTES));
      readSync(fd, tail, 0, tail.length, st.size - tail.length);
      hash.update(tail);
    }
    return { size: st.size, mtimeMs: Math.floor(st.mtimeMs), headTailHash: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.headTailHash === b.headTailHash;
}

export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Where `p` is written before it is renamed into place: two workers of one process may write the same entry at once. */
function tmpFor(p: string): string {
  return `${p}.${process.pid}-${threadId}.tmp`;
}

export interface CacheLoad { index?: CaptureIndex; rejected?: string }

/** The file to read a capture's events from and, when it holds less than the capture, why. */
export interface ReadableCopy { path: string; warning?: string }

/** What a partial copy holds: its size when written and the decompressor's reason for stopping. */
interface PartialNote { decompressedBytes: number; reason: string }

function partialWarning(note: PartialNote): string {
  return `the gzip stream ends early or is damaged after ${note.decompressedBytes} decompressed bytes (${note.reason}); the events before it were read`;
}

/**
 * Gunzips `source` into `dest`, keeping every byte decompressed before a failure: the output is
 * ended, not destroyed, when the stream breaks. Resolves with the failure (undefined: whole).
 */
function gunzipKeepingWhatDecompresses(source: string, dest: string, signal?: AbortSignal): Promise<Error | undefined> {
  return new Promise((done, fail) => {
    const input = createReadStream(source);
    const gunzip = createGunzip();
    const out = createWriteStream(dest);
    let failure: Error | undefined;
    let ended = false;
    const end = (err?: Error) => {
      if (ended) return;
      ended = true;
      failure = err;
      input.destroy();
      signal?.removeEventListener('abort', abort);
      out.end();
    };
    const abort = () => { end(); fail(signal?.reason ?? new Error('aborted')); };
    if (signal?.aborted) { abort(); return; }
    signal?.addEventListener('abort', abort, { once: true });
    out.on('error', (err) => { end(); fail(err); });
    out.on('finish', () => { if (!signal?.aborted) done(failure); });
    input.on('error', end);
    gunzip.on('error', end);
    gunzip.on('end', () => end());
    gunzip.on('data', (chunk: Buffer) => {
      if (!out.write(chunk)) { gunzip.pause(); out.once('drain', () => gunzip.resume()); }
    });
    input.pipe(gunzip);
  });
}

const CHECKPOINTS_MAGIC = 'SYSCKP01';
interface CheckpointsHeader { fingerprint: string; bytes: number; sha256: string }

/** The header's JSON length from the first 12 bytes of a checkpoints file (-1: not one). */
function checkpointsHeaderLength(head: Buffer): number {
  return head.length >= 12 && head.toString('latin1', 0, 8) === CHECKPOINTS_MAGIC ? head.readUInt32LE(8) : -1;
}

function readCheckpointsHeader(p: string): CheckpointsHeader | undefined {
  const fd = openSync(p, 'r');
  try {
    const head = Buffer.alloc(12);
    readSync(fd, head, 0, 12, 0);
    const length = checkpointsHeaderLength(head);
    if (length < 0 || length > 4096) return undefined;
    const json = Buffer.alloc(length);
    if (readSync(fd, json, 0, length, 12) !== length) return undefined;
    return JSON.parse(json.toString('utf8')) as CheckpointsHeader;
  } finally {
    closeSync(fd);
  }
}

export class IndexCache {
  constructor(readonly dir = defaultCacheDir(), readonly maxBytes = Number(process.env.SYSCOPE_CACHE_MAX_BYTES) || DEFAULT_MAX_BYTES) {}

  private key(id: FileIdentity): string {
    return createHash('sha256').update(`${INDEX_FORMAT_VERSION}/${INDEXER_VERSION}/${id.size}/${id.mtimeMs}/${id.headTailHash}`).digest('hex').slice(0, 40);
  }

  indexPath(id: FileIdentity): string {
    return join(this.dir, `${this.key(id)}.idx`);
  }

  /** The cached index for this identity, or why there is none usable (a bad entry is deleted). */
  async load(id: FileIdentity): Promise<CacheLoad> {
    const p = this.indexPath(id);
    if (!existsSync(p)) return {};
    try {
      const index = CaptureIndex.decode(await readIndexFile(p));
      if (!sameIdentity(index.meta.identity, id)) throw new Error('index belongs to another file');
      this.touch(p);
      return { index };
    } catch (err) {
      try { unlinkSync(p); } catch { /* already gone */ }
      return { rejected: err instanceof Error ? err.message : String(err) };
    }
  }

  /**
   * The capture's reader warnings as its cached index records them, read from the index file's
   * header only; undefined when there is no usable entry for this identity (nothing is removed:
   * a load decides that).
   */
  cachedWarnings(id: FileIdentity): string[] | undefined {
    const p = this.indexPath(id);
    if (!existsSync(p)) return undefined;
    try {
      const meta = readIndexMeta(p) as { identity?: FileIdentity; warnings?: unknown } | undefined;
      if (!meta?.identity || !sameIdentity(meta.identity, id) || !Array.isArray(meta.warnings)) return undefined;
      return meta.warnings.filter((w): w is string => typeof w === 'string');
    } catch {
      return undefined;
    }
  }

  /** Stores the index, letting the event loop through every few MiB (the index worker stores after it is ready). */
  async store(index: CaptureIndex): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const p = this.indexPath(index.meta.identity);
    const tmp = tmpFor(p);
    try {
      const { meta, columns } = index.parts();
      await writeIndexColumns(tmp, meta, columns);
      renameSync(tmp, p);
    } catch (err) {
      try { unlinkSync(tmp); } catch { /* never written */ }
      throw err;
    }
    this.evict(p);
  }

  /**
   * The path to read events from: the capture itself, or for a gzip capture its decompressed
   * copy in the cache (made on first use), so event offsets point into a seekable file.
   */
  async readablePath(capturePath: string, id: FileIdentity, signal?: AbortSignal): Promise<string> {
    return (await this.readableCopy(capturePath, id, signal)).path;
  }

  /**
   * readablePath with, for a gzip stream that ends early or breaks, the warning to give: its
   * copy holds what could be decompressed, and the index says so beside its own warnings.
   */
  async readableCopy(capturePath: string, id: FileIdentity, signal?: AbortSignal): Promise<ReadableCopy> {
    if (!isGzipFile(capturePath)) return { path: capturePath };
    const whole = join(this.dir, `${this.key(id)}.scap`);
    if (existsSync(whole)) {
      this.touch(whole);
      return { path: whole };
    }
    const kept = this.keptPartialCopy(id);
    if (kept) return kept;
    mkdirSync(this.dir, { recursive: true });
    const tmp = tmpFor(whole);
    let failure: Error | undefined;
    try {
      failure = await gunzipKeepingWhatDecompresses(capturePath, tmp, signal);
    } catch (err) {
      try { unlinkSync(tmp); } catch { /* nothing written */ }
      throw err;
    }
    if (!failure) {
      renameSync(tmp, whole);
      this.evict(whole);
      return { path: whole };
    }
    const note: PartialNote = { decompressedBytes: existsSync(tmp) ? statSync(tmp).size : 0, reason: failure.message.split('\n')[0] };
    if (note.decompressedBytes === 0) {
      try { unlinkSync(tmp); } catch { /* nothing written */ }
      throw new Error(`${basename(capturePath)}: not a readable gzip file (${note.reason})`);
    }
    // The note first: a copy under the partial name is only ever read with its note.
    const partial = this.partialPath(id);
    this.writeEntry(`${partial}.json`, JSON.stringify(note));
    renameSync(tmp, partial);
    this.evict(partial);
    return { path: partial, warning: partialWarning(note) };
  }

  private partialPath(id: FileIdentity): string {
    return join(this.dir, `${this.key(id)}.partial.scap`);
  }

  /** The partial copy made before and its warning, if it and its note agree; otherwise neither is kept. */
  private keptPartialCopy(id: FileIdentity): ReadableCopy | undefined {
    const p = this.partialPath(id);
    const notePath = `${p}.json`;
    if (!existsSync(p) && !existsSync(notePath)) return undefined;
    try {
      const note = JSON.parse(readFileSync(notePath, 'utf8')) as PartialNote;
      if (typeof note.reason !== 'string' || note.decompressedBytes !== statSync(p).size) throw new Error('note and copy disagree');
      this.touch(p);
      this.touch(notePath);
      return { path: p, warning: partialWarning(note) };
    } catch {
      for (const f of [p, notePath]) try { unlinkSync(f); } catch { /* already gone */ }
      return undefined;
    }
  }

  private tablesPath(id: FileIdentity): string {
    return join(this.dir, `${this.key(id)}.views.json`);
  }

  /** Saved view tables (unfiltered, whole capture) of this capture, by view id; {} if none or unreadable. */
  loadViewTables(id: FileIdentity): Record<string, { keys: string[]; rows: unknown[][] }> {
    const p = this.tablesPath(id);
    if (!existsSync(p)) return {};
    try {
      const parsed = JSON.parse(readFileSync(p, 'utf8')) as unknown;
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not an object');
      const out: Record<string, { keys: string[]; rows: unknown[][] }> = {};
      for (const [viewId, t] of Object.entries(parsed as Record<string, { keys?: unknown; rows?: unknown }>)) {
        if (Array.isArray(t?.keys) && Array.isArray(t?.rows) && t.keys.length === t.rows.length && t.rows.every(Array.isArray)) {
          out[viewId] = { keys: t.keys.map(String), rows: t.rows as unknown[][] };
        }
      }
      this.touch(p);
      return out;
    } catch {
      try { unlinkSync(p); } catch { /* already gone */ }
      return {};
    }
  }

  /** Adds view tables to the saved ones of this capture. */
  storeViewTables(id: FileIdentity, tables: Record<string, { keys: string[]; rows: unknown[][] }>): void {
    const p = this.tablesPath(id);
    const all = { ...this.loadViewTables(id), ...tables };
    this.writeEntry(p, JSON.stringify(all));
  }

  private checkpointsPath(id: FileIdentity): string {
    return join(this.dir, `${this.key(id)}.checkpoints`);
  }

  /** Whether checkpoints frozen by the code with this fingerprint are kept for this capture (reads the header only). */
  hasCheckpoints(id: FileIdentity, fingerprint: string): boolean {
    const p = this.checkpointsPath(id);
    if (!existsSync(p)) return false;
    try {
      return readCheckpointsHeader(p)?.fingerprint === fingerprint;
    } catch {
      return false;
    }
  }

  /** The kept checkpoints' bytes, if frozen by this code and intact; any other entry is deleted. */
  loadCheckpoints(id: FileIdentity, fingerprint: string): Buffer | undefined {
    const p = this.checkpointsPath(id);
    if (!existsSync(p)) return undefined;
    try {
      const file = readFileSync(p);
      const headerLength = checkpointsHeaderLength(file);
      if (headerLength < 0 || 12 + headerLength > file.length) throw new Error('not a checkpoints file');
      const header = JSON.parse(file.toString('utf8', 12, 12 + headerLength)) as CheckpointsHeader;
      const payload = file.subarray(12 + headerLength);
      if (header.fingerprint !== fingerprint) throw new Error('frozen by other code');
      if (header.bytes !== payload.length || createHash('sha256').update(payload).digest('hex') !== header.sha256) throw new Error('checksum');
      this.touch(p);
      return payload;
    } catch {
      try { unlinkSync(p); } catch { /* already gone */ }
      return undefined;
    }
  }

  storeCheckpoints(id: FileIdentity, fingerprint: string, payload: Buffer): void {
    const p = this.checkpointsPath(id);
    const header: CheckpointsHeader = { fingerprint, bytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') };
    const json = Buffer.from(JSON.stringify(header));
    const head = Buffer.alloc(12);
    head.write(CHECKPOINTS_MAGIC, 0, 'latin1');
    head.writeUInt32LE(json.length, 8);
    this.writeEntry(p, Buffer.concat([head, json, payload]));
  }

  /** Writes a whole small entry through a file of this writer's own, renamed into place (removed if the write fails). */
  private writeEntry(p: string, data: string | Buffer): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = tmpFor(p);
    try {
      writeFileSync(tmp, data);
      renameSync(tmp, p);
    } catch (err) {
      try { unlinkSync(tmp); } catch { /* never written */ }
      throw err;
    }
    this.evict(p);
  }

  private touch(p: string): void {
    const now = new Date();
    try { utimesSync(p, now, now); } catch { /* read-only cache: LRU order just ages */ }
  }

  /** Half-written files whose writer stopped (a closed worker, a killed process): none takes minutes. */
  private dropAbandonedWrites(): void {
    const before = Date.now() - ABANDONED_AFTER_MS;
    for (const n of readdirSync(this.dir)) {
      if (!n.endsWith('.tmp')) continue;
      const p = join(this.dir, n);
      try { if (statSync(p).mtimeMs < before) unlinkSync(p); } catch { /* gone meanwhile */ }
    }
  }

  /** Deletes least recently used entries until the cache fits its cap (never `keep`). */
  evict(keep?: string): void {
    let entries: Array<{ p: string; size: number; used: number }>;
    try {
      this.dropAbandonedWrites();
      entries = readdirSync(this.dir).filter((n) => n.endsWith('.idx') || n.endsWith('.scap') || n.endsWith('.views.json') || n.endsWith('.partial.scap.json') || n.endsWith('.checkpoints')).map((n) => {
        const p = join(this.dir, n);
        const st = statSync(p);
        return { p, size: st.size, used: st.mtimeMs };
      });
    } catch {
      return;
    }
    let total = entries.reduce((s, e) => s + e.size, 0);
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      if (e.p === keep) continue;
      try { unlinkSync(e.p); total -= e.size; } catch { /* someone else removed it */ }
    }
  }
}
