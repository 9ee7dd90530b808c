/**
 * Where the index worker's evidence service gets its checkpoints and whole process tree, best
 * first:
 * 1. kept in the index cache by an earlier session of the same code (reopening a capture then
 *    leaves nothing to lay: pages anywhere and the tree are quick at once);
 * 2. the checkpoint layer, a second worker started with the index build (checkpointLayer.ts);
 * 3. the service's own pass once the index is ready.
 * What 2 or 3 laid is kept in the cache for the next session.
 */
import { deserialize, serialize } from 'node:v8';
import type { TreeReply } from '../../../shared/streams/evidenceApi';
import type { EvidenceService } from '../evidence/evidenceService';
import type { EventsCheckpoint } from '../evidence/eventsCheckpoints';
import type { WalkSnapshot } from '../evidence/inspectorWalk';
import type { IndexCache } from '../index/cache';
import type { FileIdentity } from '../index/eventIndex';
import { CheckpointLayer, type WorkerEntry } from './checkpointLayer';
import { engineFingerprint } from './engineFingerprint';

export interface KeptEvidence { version: 1; checkpoints: Array<EventsCheckpoint<WalkSnapshot>>; tree: TreeReply }

export function encodeKeptEvidence(checkpoints: ReadonlyArray<EventsCheckpoint<WalkSnapshot>>, tree: TreeReply): Buffer {
  const kept: KeptEvidence = { version: 1, checkpoints: [...checkpoints], tree };
  return serialize(kept);
}

/** The kept record, or undefined when it is not one (the cache's checksum has already passed). */
export function decodeKeptEvidence(bytes: Buffer): KeptEvidence | undefined {
  const kept = deserialize(bytes) as Partial<KeptEvidence> | null;
  if (!kept || kept.version !== 1 || !Array.isArray(kept.checkpoints) || typeof kept.tree !== 'object' || kept.tree === null) return undefined;
  for (const cp of kept.checkpoints) {
    const b = cp?.walk?.state?.bytes as Uint8Array | undefined;
    if (!(b instanceof Uint8Array) || typeof cp.evtNum !== 'number' || !(cp.pairing instanceof Map)) return undefined;
    cp.walk.state.bytes = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }
  return kept as KeptEvidence;
}

/** What an earlier session of this engine code kept for the capture, if anything usable. */
export function loadKeptEvidence(cache: IndexCache, identity: FileIdentity): KeptEvidence | undefined {
  const fingerprint = engineFingerprint();
  const bytes = fingerprint ? cache.loadCheckpoints(identity, fingerprint) : undefined;
  try {
    return bytes && decodeKeptEvidence(bytes);
  } catch {
    return undefined; // unreadable: laid again
  }
}

/** Gives `service` what was kept: its checkpoints, and the whole tree as laid by a finished pass. */
export function adoptKeptEvidence(service: EvidenceService, kept: { checkpoints: ReadonlyArray<EventsCheckpoint<WalkSnapshot>>; tree: TreeReply }): void {
  for (const cp of kept.checkpoints) service.adoptCheckpoint(cp);
  service.layerCheckpoints(Promise.resolve(kept.tree), 'cache');
}

export class CheckpointSupply {
  private layer: CheckpointLayer | undefined;
  private identity: FileIdentity | undefined;
  private keptInCache = false;

  constructor(private readonly cache: IndexCache | null, private readonly entry: WorkerEntry | undefined, private readonly signal: AbortSignal) {}

  /** The capture is about to be indexed (or its index loaded): without kept checkpoints, the layer starts now. */
  begin(readPath: string, identity: FileIdentity): void {
    this.identity = identity;
    const fingerprint = engineFingerprint();
    if (this.cache && fingerprint && this.cache.hasCheckpoints(identity, fingerprint)) {
      this.keptInCache = true;
      return;
    }
    if (!this.entry) return;
    try {
      this.layer = new CheckpointLayer(this.entry, readPath, { signal: this.signal });
    } catch { /* no second thread: the service lays its own */ }
  }

  /** Gives `service` its checkpoints; settles once they are all laid (and kept for next time). */
  async supply(service: EvidenceService): Promise<void> {
    if (this.keptInCache && this.adoptKept(service)) return service.prepareCheckpoints();
    if (this.layer) {
      this.layer.attach(service);
      service.layerCheckpoints(this.layer.done);
    }
    await service.prepareCheckpoints();
    await this.keep(service);
  }

  private adoptKept(service: EvidenceService): boolean {
    const kept = this.cache && this.identity ? loadKeptEvidence(this.cache, this.identity) : undefined;
    if (!kept) return false;
    adoptKeptEvidence(service, kept);
    return true;
  }

  /** Never fails: an unwritable cache, or a tree that could not be had, only means laying them again next time. */
  private async keep(service: EvidenceService): Promise<void> {
    const fingerprint = engineFingerprint();
    if (!this.cache || !this.identity || !fingerprint || this.signal.aborted) return;
    try {
      const laid = await service.laidEvidence();
      if (laid) this.cache.storeCheckpoints(this.identity, fingerprint, encodeKeptEvidence(laid.checkpoints, laid.tree));
    } catch { /* laid again next time */ }
  }
}
