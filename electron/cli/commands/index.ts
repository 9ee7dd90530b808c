/**
 * `syscope index <capture> [--rebuild] [--no-cache]`: builds the capture's index (one pass, as
 * opening it in the app does) and prints its size in events, the time taken and the peak memory.
 * With the cache (default) a second run loads the stored index instead; --rebuild builds anew
 * and replaces the stored index; --no-cache builds and stores nothing (the index benchmark).
 * A build with the cache also lays the events' state checkpoints and the whole process tree
 * beside it, as the app does, and keeps them: `events`, `streams` and `tree` then start from
 * them (a page far into the capture, the whole tree) instead of reading from the start.
 */
import { existsSync } from 'node:fs';
import type { Command } from '../main';
import { UsageError } from '../../engine/evidence/commandLine';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { ApiFailure } from '../../../shared/ipc/errors';
import { indexWorkerEntry } from '../../engine/api/engineHost';
import { indexMatches } from '../../engine/api/indexMatches';
import { indexPids } from '../../engine/api/indexPids';
import { EvidenceService } from '../../engine/evidence/evidenceService';
import { IndexCache } from '../../engine/index/cache';
import { CheckpointSupply } from '../../engine/worker/checkpointSupply';
import { engineFingerprint } from '../../engine/worker/engineFingerprint';
import type { FileIdentity } from '../../engine/index/eventIndex';
import { captureProblemLine, inputFileProblem } from '../inputFile';
import { emptyCaptureProblem } from '../emptyCapture';
import { inUsersWords, warningsToShow } from '../../../shared/scap/readingStops';

function keptFor(cache: IndexCache, identity: FileIdentity | undefined): boolean {
  const fingerprint = engineFingerprint();
  return identity !== undefined && fingerprint !== undefined && cache.hasCheckpoints(identity, fingerprint);
}

const USAGE = 'usage: syscope index <capture> [--rebuild] [--no-cache]';
const FLAGS = ['--rebuild', '--no-cache'];

export const command: Command = {
  summary: "build a capture's index and print events, time and peak memory",
  usage: USAGE,
  options: { valued: [], flags: FLAGS },
  async run(args) {
    const noCache = args.includes('--no-cache');
    const rebuild = args.includes('--rebuild');
    const files = args.filter((a) => !FLAGS.includes(a));
    const bad = files.find((a) => a.startsWith('-'));
    if (bad) throw new UsageError(`unknown option '${bad}'`);
    if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no capture file given' : 'one capture at a time');
    const file = files[0];
    const problem = inputFileProblem(file, 'capture file');
    if (problem) { console.error(`syscope index: ${file}: ${problem}`); return 1; }
    const empty = await emptyCaptureProblem(file);
    if (empty) { console.error(`syscope index: ${file}: ${empty}`); return 1; }
    const started = performance.now();
    const cache = noCache ? null : new IndexCache();
    // The checkpoint layer starts with a build only: loading a stored index stays quick.
    const checkpoints = cache ? new CheckpointSupply(cache, indexWorkerEntry(), new AbortController().signal) : undefined;
    let session: CaptureSession;
    let identity: FileIdentity | undefined;
    try {
      session = await CaptureSession.open(file, {
        resolver: engineResolver(), rebuild, cache,
        onReadable: (readPath, id) => {
          identity = id;
          if (cache && checkpoints && (rebuild || !existsSync(cache.indexPath(id)))) checkpoints.begin(readPath, id);
        },
      });
    } catch (e) {
      console.error(`syscope index: ${captureProblemLine(e instanceof ApiFailure || e instanceof Error ? e.message : String(e), file)}`);
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const ix = session.index;
    // The events sysdig prints, as the app's header and 'syscope info' say; then what was read.
    console.log(`events:      ${ix.meta.printedEvents ?? ix.events}${ix.meta.sysdigEvents !== undefined && ix.meta.sysdigEvents !== ix.meta.printedEvents ? ` printed by sysdig, of ${ix.meta.sysdigEvents} it reads (${ix.events} indexed)` : ''}`);
    console.log(`source:      ${session.fromCache ? 'cache' : 'built'}`);
    console.log(`seconds:     ${seconds.toFixed(2)}`);
    console.log(`events/s:    ${Math.round(ix.events / Math.max(seconds, 1e-6))}`);
    console.log(`peak memory: ${peakMiB.toFixed(0)} MiB`);
    for (const w of warningsToShow(ix.meta.warnings)) console.log(`warning:     ${inUsersWords(w)}`);
    if (checkpoints && !session.fromCache) {
      const service = new EvidenceService(session.readPath, { matches: indexMatches(ix), pidsMatching: indexPids(ix) });
      const laying = performance.now();
      await checkpoints.supply(service);
      const { count, spacing } = service.checkpointStats();
      console.log(`checkpoints: ${count} (one per ${spacing} events), ready ${((performance.now() - laying) / 1000).toFixed(2)} s after the index, ${keptFor(cache!, identity) ? 'kept' : 'not kept'}`);
    } else if (cache) {
      console.log(`checkpoints: ${keptFor(cache, identity) ? 'kept' : 'none kept (a build or the app lays them)'}`);
    }
    return 0;
  },
};
