/**
 * What the index cache keeps of a capture for the command line's events, streams and tree: the
 * state checkpoints and the whole process tree that the app or `syscope index` laid. A page far
 * into the capture then resumes from the checkpoint before it, and the whole tree is read from
 * the cache instead of a pass of its own. Nothing is laid here: without them (or with
 * --no-cache) the commands read from the start, as before, with the same output. Where a
 * command's answer is an evidence call (the tree, one event in full), the evidence service
 * answers it with what was kept adopted, as the app's index worker adopts it.
 */
import type { TreeReply } from '../../shared/streams/evidenceApi';
import { CheckpointStore, type EventsCheckpoint } from '../engine/evidence/eventsCheckpoints';
import type { Seeking } from '../engine/evidence/eventsList';
import { InspectorWalk, type WalkSnapshot } from '../engine/evidence/inspectorWalk';
import type { EventContext } from '../engine/inspector/eventContext';
import { fileIdentity, IndexCache } from '../engine/index/cache';
import type { FileIdentity } from '../engine/index/eventIndex';
import { adoptKeptEvidence, loadKeptEvidence } from '../engine/worker/checkpointSupply';
import { EvidenceService } from '../engine/evidence/evidenceService';
import { indexPids } from '../engine/api/indexPids';

export interface KeptForCapture {
  /** The file the checkpoints' offsets refer to (a gzip capture's decompressed copy). */
  readPath: string;
  checkpoints: ReadonlyArray<EventsCheckpoint<WalkSnapshot>>;
  tree: TreeReply;
  cache: IndexCache;
  identity: FileIdentity;
}

/** The kept checkpoints and tree of `capture`, or undefined when the cache holds none this code can thaw. */
export async function keptEvidenceFor(capture: string): Promise<KeptForCapture | undefined> {
  try {
    const cache = new IndexCache();
    const identity = fileIdentity(capture);
    const kept = loadKeptEvidence(cache, identity);
    if (!kept) return undefined;
    const readPath = await cache.readablePath(capture, identity);
    return { readPath, checkpoints: kept.checkpoints.filter((cp) => cp.walk.state.portable), tree: kept.tree, cache, identity };
  } catch {
    return undefined; // an unreadable cache only means reading from the start
  }
}

/** A walk over the kept file and the seeking that resumes it from the kept checkpoints. */
export function resumableWalk(kept: KeptForCapture): { walk: InspectorWalk; seek: Seeking<EventContext, WalkSnapshot> } {
  const store = new CheckpointStore<WalkSnapshot>();
  for (const cp of kept.checkpoints) store.adopt(cp);
  const walk = new InspectorWalk(kept.readPath);
  return { walk, seek: { walk, store } };
}

/**
 * An evidence service over the kept file with the kept checkpoints and tree adopted; a filtered
 * tree is cut from the kept one by the pids the cached index names (loaded only then).
 */
export async function keptEvidenceService(kept: KeptForCapture): Promise<EvidenceService> {
  const service = new EvidenceService(kept.readPath, {
    pidsMatching: async (filter) => {
      const { index } = await kept.cache.load(kept.identity);
      return index ? indexPids(index)(filter) : undefined;
    },
  });
  adoptKeptEvidence(service, kept);
  // Settles once the kept tree is the service's: a tree asked for now needs no pass.
  await service.prepareCheckpoints();
  return service;
}
