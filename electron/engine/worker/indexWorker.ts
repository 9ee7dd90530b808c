/**
 * The index worker: a worker thread that owns one open capture. It builds (or loads) the index
 * as soon as it starts, posting progress, then answers calls from the EngineHost. Calls that
 * arrive while the index is being built wait for it; a cancel aborts the build between chunks.
 * A freshly built index is stored in the cache after the ready message, and a close finishes
 * that store before the worker ends. Plain Node only (worker_threads), no `electron`.
 *
 * The evidence calls (events, event detail, streams, tree, search) are answered here too, by
 * one EvidenceService over the same file, which the index helps (a filtered page starts near
 * the filter's first match). Its state checkpoints and whole tree come from the cache, from
 * the checkpoint layer (a second thread started with the index build, with this same file as
 * its entry) or from its own pass once the index is ready (checkpointSupply.ts); pages asked
 * for before they are there are answered the same, only slower.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { toApiError } from '../../../shared/ipc/errors';
import { CaptureSession } from '../api/captureSession';
import { engineResolver } from '../api/engineResolver';
import { indexMatches } from '../api/indexMatches';
import { indexPids } from '../api/indexPids';
import { answerEvidenceCall, EvidenceService } from '../evidence/evidenceService';
import { IndexCache } from '../index/cache';
import type { FromWorker, ToWorker, WorkerCall, WorkerStart } from './protocol';
import { isCheckpointLayerStart, runCheckpointLayer } from './checkpointLayer';
import { CheckpointSupply } from './checkpointSupply';

const port = parentPort;
if (!port) throw new Error('indexWorker.ts must run as a worker thread');
if (isCheckpointLayerStart(workerData)) void runCheckpointLayer(port, workerData);
else serveCapture(port, workerData as WorkerStart);

/** This thread owns the capture `start` names until the host ends it. */
function serveCapture(port: MessagePort, start: WorkerStart): void {
  const post = (m: FromWorker) => port.postMessage(m);
  const abort = new AbortController();

  const cache = start.cacheDir === null ? null : new IndexCache(start.cacheDir ?? undefined);
  const checkpoints = new CheckpointSupply(cache, start.entry, abort.signal);
  const opening = CaptureSession.open(start.path, {
    resolver: engineResolver(),
    cache,
    signal: abort.signal,
    onProgress: (progress) => post({ kind: 'progress', progress }),
    onReadable: (readPath, identity) => checkpoints.begin(readPath, identity),
    storeLater: true,
  });
  // The decompressed copy of a gzip capture (readPath) is what the index's file offsets refer to.
  const evidence = opening.then((s) => new EvidenceService(s.readPath, { signal: abort.signal, matches: indexMatches(s.index), pidsMatching: indexPids(s.index) }));
  evidence.catch(() => undefined); // a failed load is reported by `failed` and by every call
  opening.then(
    (s) => {
      post({ kind: 'ready', info: s.info(start.captureId), fromCache: s.fromCache });
      // Stored after the ready message: the user sees the overview while it is written.
      void s.keepInCache();
      // Off the request path: a failure here (e.g. the file vanished) only leaves pages slower.
      void evidence.then((e) => checkpoints.supply(e)).catch(() => undefined);
    },
    (err) => post({ kind: 'failed', error: toApiError(err) }),
  );

  async function answerCall(call: WorkerCall): Promise<unknown> {
    const session = await opening;
    switch (call.method) {
      case 'captureInfo': return session.info(start.captureId);
      case 'tiles': return session.tiles(call.params);
      case 'view': return session.view(call.params);
      case 'searchView': return session.searchView(call.params);
      case 'checkpointStats': return (await evidence).checkpointStats();
      default: return answerEvidenceCall(await evidence, call.method, call.params);
    }
  }

  function isEvidenceCall(call: WorkerCall): boolean {
    return call.method !== 'captureInfo' && call.method !== 'tiles' && call.method !== 'view' && call.method !== 'searchView';
  }

  const reply = (m: WorkerCall, answer: Promise<unknown>) => answer.then(
    (result) => post({ kind: 'reply', id: m.id, ok: true, result }),
    (err) => post({ kind: 'reply', id: m.id, ok: false, error: toApiError(err) }),
  );

  /** While a call is answered the checkpoints' preparing pass steps aside. */
  async function held(call: WorkerCall): Promise<unknown> {
    const service = await evidence.catch(() => undefined);
    return service ? service.hold(() => answerCall(call)) : answerCall(call);
  }

  // Index calls are answered one at a time: each may re-scan the capture and two scans would only
  // compete. Evidence calls do not queue behind them: a page is a short pass from a checkpoint.
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'cancel') {
      abort.abort();
      return;
    }
    if (m.kind === 'close') {
      // A fresh index still being written to the cache is finished first: closing a capture
      // soon after opening it must not cost the next session a rebuild.
      abort.abort();
      void opening.then((s) => s.keepInCache(), () => undefined).finally(() => post({ kind: 'closed' }));
      return;
    }
    if (m.method === 'checkpointStats') {
      void reply(m, answerCall(m));
      return;
    }
    if (isEvidenceCall(m)) {
      void reply(m, held(m));
      return;
    }
    queue = queue.then(() => reply(m, held(m)));
  });
}
