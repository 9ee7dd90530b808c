/** Messages between the EngineHost (main thread) and one index worker (one open capture). */
import type { ApiError, CaptureInfo, TileQuery, ViewQuery, ViewSearchQuery } from '../../../shared/ipc/contract';
import type { EvidenceApi, EvidenceMethod } from '../../../shared/streams/evidenceApi';
import type { IndexProgress } from '../index/buildIndex';
import type { WorkerEntry } from './checkpointLayer';
import type { CheckpointsLaidBy } from '../evidence/evidenceService';

/** workerData of an index worker. */
export interface WorkerStart {
  path: string;
  captureId: string;
  /** Index cache directory; null = no cache; absent = the user's cache directory. */
  cacheDir?: string | null;
  /** How the host started this worker; given, the worker starts its checkpoint layer the same way. */
  entry?: WorkerEntry;
}

export type WorkerCall =
  | { id: number; method: 'captureInfo'; params: Record<string, never> }
  | { id: number; method: 'tiles'; params: TileQuery }
  | { id: number; method: 'view'; params: ViewQuery }
  | { id: number; method: 'searchView'; params: ViewSearchQuery }
  | { id: number; method: 'checkpointStats'; params: Record<string, never> }
  | EvidenceCall;

/** How far the evidence service's state checkpoints are laid (for benchmarks and tests). */
export interface CheckpointStats {
  count: number; bytes: number; spacing: number; ready: boolean;
  /** Laid by the service's own pass, by the checkpoint layer beside the index build, or kept in the cache from an earlier session. */
  laidBy?: CheckpointsLaidBy;
}

/** The evidence calls (events, event detail, streams, tree, search), answered by the worker's EvidenceService. */
export type EvidenceCall = { [M in EvidenceMethod]: { id: number; method: M; params: Parameters<EvidenceApi[M]>[0] } }[EvidenceMethod];

/** `close`: stop reading, finish storing the index in the cache, then say `closed`. */
export type ToWorker = { kind: 'cancel' } | { kind: 'close' } | ({ kind: 'call' } & WorkerCall);

export type FromWorker =
  | { kind: 'progress'; progress: IndexProgress }
  | { kind: 'ready'; info: CaptureInfo; fromCache: boolean }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'closed' }
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: ApiError };
