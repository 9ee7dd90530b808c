/**
 * The checkpoint layer: the events' checkpoints and the whole process tree, laid by a second
 * worker thread while the index worker builds the index. Both passes read the whole capture
 * anyway; on two cores they run side by side instead of one after the other, so pages far into
 * a large capture and the whole tree are quick soon after the index is ready rather than a whole
 * checkpoint pass later. On the 1 GB bench capture (`npm run bench -- paging`): checkpoints
 * 1.5–2 s after the index instead of about 15 s, for an index 5–12% later (the passes share
 * memory bandwidth and the collector's threads) and about 80 MiB more at the peak. The layer's
 * thread runs at the lowest priority, so the index build comes first when they compete.
 *
 * The layer runs the same EvidenceService pass the index worker would run itself and posts each
 * checkpoint as it is laid (frozen portably: evidence/portableState.ts), then the tree. The
 * index worker adopts them into its own service. If the layer fails or cannot start, the index
 * worker's service lays its checkpoints itself, as before.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker, type MessagePort } from 'node:worker_threads';
import type { TreeReply } from '../../../shared/streams/evidenceApi';
import type { EventsCheckpoint } from '../evidence/eventsCheckpoints';
import type { WalkSnapshot } from '../evidence/inspectorWalk';
import { EvidenceService } from '../evidence/evidenceService';

/** How the host started the index worker, so that it can start the layer the same way. */
export interface WorkerEntry { file: string; source?: string }

/** workerData of a checkpoint layer. */
export interface CheckpointLayerStart { role: 'checkpoint-layer'; path: string; checkpointEvery?: number }

type FromLayer =
  | { kind: 'checkpoint'; cp: EventsCheckpoint<WalkSnapshot> }
  | { kind: 'done'; tree: TreeReply | undefined }
  | { kind: 'failed'; message: string };

export function isCheckpointLayerStart(data: unknown): data is CheckpointLayerStart {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'checkpoint-layer';
}

/** The layer's own thread: one pass over `path`, posting what it lays. */
export async function runCheckpointLayer(port: MessagePort, start: CheckpointLayerStart): Promise<void> {
  const post = (m: FromLayer) => port.postMessage(m);
  yieldToIndexBuild();
  try {
    const service = new EvidenceService(start.path, { checkpointEvery: start.checkpointEvery, onCheckpoint: (cp) => post({ kind: 'checkpoint', cp }) });
    await service.prepareCheckpoints();
    post({ kind: 'done', tree: service.treeFromCheckpointPass ? await service.tree({ captureId: '' }) : undefined });
  } catch (err) {
    post({ kind: 'failed', message: (err instanceof Error ? err.message : String(err)).split('\n')[0] });
  }
}

/** Linux: this thread at the lowest priority, so that the index build it runs beside comes first. */
function yieldToIndexBuild(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 19);
  } catch { /* elsewhere the layer runs at the same priority */ }
}

/** Where the layer's checkpoints go: adopted as they come (see EvidenceService.adoptCheckpoint). */
export interface CheckpointTaker { adoptCheckpoint(cp: EventsCheckpoint<WalkSnapshot>): void }

/**
 * The index worker's side: starts the layer over `path`. Checkpoints that arrive before `attach`
 * names their taker wait for it. `done` settles with the whole tree once every checkpoint is
 * posted, and fails if the layer does (the taker then lays its own).
 */
export class CheckpointLayer {
  readonly done: Promise<TreeReply | undefined>;
  private readonly waiting: Array<EventsCheckpoint<WalkSnapshot>> = [];
  private taker: CheckpointTaker | undefined;
  private readonly worker: Worker;

  /** `checkpointEvery`: the spacing of the layer's checkpoints (default CHECKPOINT_EVERY; tests use small captures). */
  constructor(entry: WorkerEntry, path: string, opts: { signal?: AbortSignal; checkpointEvery?: number } = {}) {
    const { signal, checkpointEvery } = opts;
    const workerData: CheckpointLayerStart = { role: 'checkpoint-layer', path, checkpointEvery };
    this.worker = entry.source ? new Worker(entry.source, { eval: true, workerData }) : new Worker(entry.file, { workerData });
    this.done = new Promise((resolve, reject) => {
      this.worker.on('message', (m: FromLayer) => {
        if (m.kind === 'checkpoint') this.take(m.cp);
        else if (m.kind === 'done') resolve(m.tree);
        else reject(new Error(`checkpoint layer: ${m.message}`));
      });
      this.worker.on('error', (e) => reject(new Error(`checkpoint layer: ${e.message.split('\n')[0]}`)));
      this.worker.on('exit', () => reject(new Error('checkpoint layer: stopped')));
    });
    this.done.catch(() => undefined).finally(() => void this.worker.terminate());
    signal?.addEventListener('abort', () => void this.worker.terminate(), { once: true });
  }

  attach(taker: CheckpointTaker): void {
    this.taker = taker;
    for (const cp of this.waiting.splice(0)) taker.adoptCheckpoint(cp);
  }

  private take(cp: EventsCheckpoint<WalkSnapshot>): void {
    // Structured clone hands a Buffer over as a plain Uint8Array.
    const b = cp.walk.state.bytes as Uint8Array;
    cp.walk.state.bytes = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
    if (this.taker) this.taker.adoptCheckpoint(cp);
    else this.waiting.push(cp);
  }
}
