/**
 * The index worker: a worker thread that owns one open capture. It builds (or loads) the index
 * as soon as it starts, posting progress, then answers calls from the EngineHost. Calls that
 * arrive while the index is being built wait for it; a cancel aborts the build between chunks.
 * Plain Node only (worker_threads), no `electron`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../../../shared/ipc/errors';
import { CaptureSession } from '../api/captureSession';
import { engineResolver } from '../api/engineResolver';
import { IndexCache } from '../index/cache';
import type { FromWorker, ToWorker, WorkerCall, WorkerStart } from './protocol';

const port = parentPort;
if (!port) throw new Error('indexWorker.ts must run as a worker thread');
const start = workerData as WorkerStart;
const post = (m: FromWorker) => port.postMessage(m);
const abort = new AbortController();

const opening = CaptureSession.open(start.path, {
  resolver: engineResolver(),
  cache: start.cacheDir === null ? null : new IndexCache(start.cacheDir ?? undefined),
  signal: abort.signal,
  onProgress: (progress) => post({ kind: 'progress', progress }),
});
opening.then(
  (s) => post({ kind: 'ready', info: s.info(start.captureId), fromCache: s.fromCache }),
  (err) => post({ kind: 'failed', error: toApiError(err) }),
);

async function answer(call: WorkerCall): Promise<unknown> {
  const session = await opening;
  switch (call.method) {
    case 'captureInfo': return session.info(start.captureId);
    case 'tiles': return session.tiles(call.params);
    case 'view': return session.view(call.params);
    case 'searchView': return session.searchView(call.params);
  }
}

// Calls are answered one at a time: each may re-scan the capture and two scans would only compete.
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  if (m.kind === 'cancel') {
    abort.abort();
    return;
  }
  queue = queue.then(() => answer(m).then(
    (result) => post({ kind: 'reply', id: m.id, ok: true, result }),
    (err) => post({ kind: 'reply', id: m.id, ok: false, error: toApiError(err) }),
  ));
});
