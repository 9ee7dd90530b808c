/**
 * One open of a capture through the EngineHost, in a process of its own (so that runs compared
 * with each other start alike): when the index was ready, how long a page in the middle took
 * right after, and when the checkpoints were all there. Prints one JSON line.
 *
 *   node --import tsx test/bench/openOnce.ts CAPTURE CACHE_DIR layer|no-layer
 */
import { createHash } from 'node:crypto';
import { EngineHost } from '../../electron/engine/api/engineHost';

const [file, cacheDir, mode] = process.argv.slice(2);
const host = new EngineHost({ cacheDir, checkpointLayer: mode !== 'no-layer' });
const t = performance.now();
const { captureId } = await host.openCapture({ path: file });
const info = await host.captureInfo({ captureId });
const readyMs = performance.now() - t;
const middle = Math.floor(info.events / 2);
const s = performance.now();
const page = await host.events({ captureId, fromEvtNum: middle, limit: 100 });
const middleMs = performance.now() - s;
let stats = await host.checkpointStats({ captureId });
while (!stats.ready) {
  await new Promise((r) => setTimeout(r, 50));
  stats = await host.checkpointStats({ captureId });
}
const laidMs = performance.now() - t - readyMs;
await host.closeCapture({ captureId });
const pageHash = createHash('sha256').update(JSON.stringify(page)).digest('hex');
console.log(JSON.stringify({ events: info.events, firstTs: info.firstTs, lastTs: info.lastTs, readyMs, middle, middleMs, laidMs, laidBy: stats.laidBy, pageHash, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
process.exit(0);
