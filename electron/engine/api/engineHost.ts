/**
 * EngineHost: the engine side of EngineApi (shared/ipc/contract.ts), used by Electron main and
 * the browser host. Each open capture gets its own index worker thread (worker/indexWorker.ts),
 * so reading one capture never blocks questions about another, nor the UI's process.
 *
 * openCapture answers at once with an id; progress arrives as `loadProgress` events (the last
 * one with done=true, or with error set). Questions asked while a capture is still loading wait
 * for it. cancelLoad stops the read; closeCapture ends the worker.
 *
 * The evidence calls (events, eventDetail, streams, tree, search: shared/streams/evidenceApi.ts)
 * are answered by the same worker, which holds the index and the state checkpoints: the host
 * process only forwards messages (composeAppApi uses them when the engine has them).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiError, CaptureId, CaptureInfo, EngineApi, EngineEvents, LoadProgress, TableWindow, TileQuery, TileValue, ViewQuery, ViewSearchQuery, ViewSearchReply } from '../../../shared/ipc/contract';
import { ApiFailure } from '../../../shared/ipc/errors';
import type {
  EventDetailReply, EventDetailRequest, EventsReply, EventsRequest, EvidenceApi, EvidenceSearchReply, EvidenceSearchRequest,
  StreamsReply, StreamsRequest, TreeReply, TreeRequest,
} from '../../../shared/streams/evidenceApi';
import type { CheckpointStats, FromWorker, ToWorker, WorkerCall, WorkerStart } from '../worker/protocol';
import type { WorkerEntry } from '../worker/checkpointLayer';

export interface EngineHostOptions {
  /** The built worker (dist/indexWorker.mjs); found next to this module when absent. */
  workerPath?: string;
  /** Index cache directory; null = no cache; absent = the user's cache directory. */
  cacheDir?: string | null;
  /** false: the index worker lays the events' checkpoints itself after the index, with no second thread (benchmarks compare). */
  checkpointLayer?: boolean;
}

export type EngineEventListener = (e: { event: 'loadProgress'; data: EngineEvents['loadProgress'] }) => void;

interface OpenCapture {
  worker: Worker;
  ready: Promise<CaptureInfo>;
  /** Settles when the worker says it is done closing (see closeCapture). */
  closed: Promise<void>;
  pending: Map<number, { resolve(v: unknown): void; reject(e: Error): void }>;
  failure?: ApiError;
}

function failure(e: ApiError): ApiFailure {
  return new ApiFailure(e.code, e.message);
}

/** Where the index worker's entry is: the .ts source under tsx, else the bundle next to this one. */
export function indexWorkerEntry(): WorkerEntry {
  const here = typeof import.meta !== 'undefined' && import.meta.url ? import.meta.url : undefined;
  if (here?.endsWith('.ts')) {
    // Running from source (tests, `node --import tsx`): the worker registers tsx itself, since
    // loader hooks are per thread.
    const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const entry = new URL('../worker/indexWorker.ts', here).href;
    return { file: entry, source: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });` };
  }
  for (const rel of ['./indexWorker.mjs', '../indexWorker.mjs']) {
    if (!here) break;
    const p = fileURLToPath(new URL(rel, here));
    if (existsSync(p)) return { file: p };
  }
  throw new ApiFailure('internal', 'the index worker (dist/indexWorker.mjs) is missing: run `node build/build.mjs`');
}

/** Longest a closing worker may take to finish storing its index (1.8 s for the 1 GB bench capture). */
const CLOSE_WAIT_MS = 30_000;

export class EngineHost implements EngineApi, EvidenceApi {
  private readonly captures = new Map<CaptureId, OpenCapture>();
  private readonly listeners = new Set<EngineEventListener>();
  private nextCall = 1;

  constructor(private readonly opts: EngineHostOptions = {}) {}

  onEvent(listener: EngineEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(data: LoadProgress): void {
    for (const l of this.listeners) l({ event: 'loadProgress', data });
  }

  async openCapture({ path }: { path: string }): Promise<{ captureId: CaptureId }> {
    const captureId = randomUUID();
    const entry = this.opts.workerPath ? { file: this.opts.workerPath } : indexWorkerEntry();
    const start: WorkerStart = { path, captureId, cacheDir: this.opts.cacheDir, entry: this.opts.checkpointLayer === false ? undefined : entry };
    const worker = entry.source ? new Worker(entry.source, { eval: true, workerData: start }) : new Worker(entry.file, { workerData: start });
    const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
    let settle!: { resolve(i: CaptureInfo): void; reject(e: Error): void };
    const ready = new Promise<CaptureInfo>((resolve, reject) => { settle = { resolve, reject }; });
    ready.catch(() => undefined); // a failed load is reported through events and later calls
    let closedNow!: () => void;
    const closed = new Promise<void>((resolve) => { closedNow = resolve; });
    const open: OpenCapture = { worker, ready, pending, closed };
    this.captures.set(captureId, open);
    let last: LoadProgress = { captureId, bytesRead: 0, totalBytes: 0, events: 0, eventsPerSecond: 0, secondsLeft: null, done: false };

    worker.on('message', (m: FromWorker) => {
      // A closing worker's last words (the load it was told to stop) are nobody's news.
      if (m.kind !== 'closed' && !this.captures.has(captureId)) return;
      switch (m.kind) {
        case 'progress':
          last = { ...last, ...m.progress, captureId, done: false };
          this.emit(last);
          return;
        case 'ready':
          last = { ...last, events: m.info.events, bytesRead: m.info.sizeBytes, totalBytes: m.info.sizeBytes, secondsLeft: 0, done: true };
          this.emit(last);
          settle.resolve(m.info);
          return;
        case 'closed':
          closedNow();
          return;
        case 'failed':
          open.failure = m.error;
          this.emit({ ...last, done: true, error: m.error.message });
          settle.reject(failure(m.error));
          return;
        case 'reply': {
          const p = pending.get(m.id);
          if (!p) return;
          pending.delete(m.id);
          if (m.ok) p.resolve(m.result);
          else p.reject(failure(m.error));
        }
      }
    });
    const dead = (why: string) => {
      const err: ApiError = open.failure ?? { code: 'internal', message: why };
      open.failure = err;
      settle.reject(failure(err));
      for (const p of pending.values()) p.reject(failure(err));
      pending.clear();
    };
    worker.on('error', (e) => {
      this.emit({ ...last, done: true, error: e.message.split('\n')[0] });
      dead(`the index worker failed: ${e.message.split('\n')[0]}`);
    });
    worker.on('exit', () => { closedNow(); dead('the capture was closed'); });
    return { captureId };
  }

  private get(captureId: CaptureId): OpenCapture {
    const c = this.captures.get(captureId);
    if (!c) throw new ApiFailure('not-found', `no open capture '${captureId}'`);
    return c;
  }

  private async call<T>(captureId: CaptureId, call: Omit<WorkerCall, 'id'>): Promise<T> {
    const c = this.get(captureId);
    await c.ready;
    const id = this.nextCall++;
    return new Promise<T>((resolve, reject) => {
      c.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      c.worker.postMessage({ kind: 'call', id, ...call } as ToWorker);
    });
  }

  async cancelLoad({ captureId }: { captureId: CaptureId }): Promise<void> {
    this.get(captureId).worker.postMessage({ kind: 'cancel' } satisfies ToWorker);
  }

  async closeCapture({ captureId }: { captureId: CaptureId }): Promise<void> {
    const c = this.captures.get(captureId);
    if (!c) return;
    this.captures.delete(captureId);
    // The worker first finishes storing a fresh index (seconds for a large capture), then ends.
    c.worker.postMessage({ kind: 'close' } satisfies ToWorker);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([c.closed, new Promise((resolve) => { timer = setTimeout(resolve, CLOSE_WAIT_MS); })]);
    clearTimeout(timer);
    await c.worker.terminate();
  }

  captureInfo({ captureId }: { captureId: CaptureId }): Promise<CaptureInfo> {
    return this.call(captureId, { method: 'captureInfo', params: {} });
  }

  tiles({ captureId, ...q }: { captureId: CaptureId } & TileQuery): Promise<TileValue[]> {
    return this.call(captureId, { method: 'tiles', params: q });
  }

  view({ captureId, ...q }: { captureId: CaptureId } & ViewQuery): Promise<TableWindow> {
    return this.call(captureId, { method: 'view', params: q });
  }

  searchView({ captureId, ...q }: { captureId: CaptureId } & ViewSearchQuery): Promise<ViewSearchReply> {
    return this.call(captureId, { method: 'searchView', params: q });
  }

  events(req: EventsRequest): Promise<EventsReply> {
    return this.call(req.captureId, { method: 'events', params: req });
  }

  eventDetail(req: EventDetailRequest): Promise<EventDetailReply> {
    return this.call(req.captureId, { method: 'eventDetail', params: req });
  }

  streams(req: StreamsRequest): Promise<StreamsReply> {
    return this.call(req.captureId, { method: 'streams', params: req });
  }

  tree(req: TreeRequest): Promise<TreeReply> {
    return this.call(req.captureId, { method: 'tree', params: req });
  }

  search(req: EvidenceSearchRequest): Promise<EvidenceSearchReply> {
    return this.call(req.captureId, { method: 'search', params: req });
  }

  /** How far the capture's state checkpoints are laid (not part of the renderer's API: benchmarks and tests). */
  checkpointStats({ captureId }: { captureId: CaptureId }): Promise<CheckpointStats> {
    return this.call(captureId, { method: 'checkpointStats', params: {} });
  }

  /** Ends every worker (app shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.captures.keys()].map((captureId) => this.closeCapture({ captureId })));
  }
}
