/**
 * Events page latency at positions of a large capture: read from the start of the capture (a
 * fresh service, no checkpoints) versus resumed from the checkpoints an earlier pass left; and
 * the checkpoints' count and memory. Run with `node --expose-gc --import tsx
 * test/bench/eventsPaging.ts [source capture] [MB]` (default: bencer_capture.scap grown to 100 MB).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { makeLargeCapture } from './largeCapture';
import { capturesDir } from '../support/reference';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';
import { listEvents } from '../../electron/engine/evidence/eventsList';
import { EventFieldSet } from '../../electron/engine/evidence/eventFields';
import { InspectorWalk } from '../../electron/engine/evidence/inspectorWalk';
import { fieldResolver } from '../../electron/engine/fields/registry';
import type { EventContext } from '../../electron/engine/inspector/eventContext';

const ms = (t: bigint) => (Number(process.hrtime.bigint() - t) / 1e6).toFixed(0);
const heapMb = () => { (globalThis as { gc?: () => void }).gc?.(); return process.memoryUsage().heapUsed / 1048576; };

async function main(): Promise<void> {
  const source = process.argv[2] ?? join(capturesDir, 'bencer_capture.scap');
  const mb = Number(process.argv[3] ?? 100);
  const big = join(tmpdir(), `syscope-paging-${mb}mb.scap`);
  if (!existsSync(big)) await makeLargeCapture(source, big, mb * 1048576);

  let last = 0;
  let t = process.hrtime.bigint();
  await listEvents(new InspectorWalk(big), {
    fields: new EventFieldSet(['evt.num'], fieldResolver), limit: 0,
    predicate: (ctx: EventContext) => { last = ctx.num; return false; },
  });
  console.log(`${big}: ${last} events; a bare pass takes ${ms(t)} ms`);

  const service = new EvidenceService(big);
  const before = heapMb();
  t = process.hrtime.bigint();
  await service.events({ captureId: '', fromEvtNum: last + 1, limit: 1 });
  const store = (service as unknown as { checkpoints: { size: number } }).checkpoints;
  console.log(`pass leaving checkpoints: ${ms(t)} ms; ${store.size} checkpoints; heap +${(heapMb() - before).toFixed(1)} MB`);

  for (const fraction of [0.5, 0.25, 0.9]) {
    const target = Math.floor(fraction * last);
    t = process.hrtime.bigint();
    const cold = await new EvidenceService(big).events({ captureId: '', fromEvtNum: target, limit: 100 });
    const coldMs = ms(t);
    t = process.hrtime.bigint();
    const warm = await service.events({ captureId: '', fromEvtNum: target, limit: 100 });
    const same = JSON.stringify(cold) === JSON.stringify(warm);
    console.log(`page of 100 at evt.num ${target} (${fraction * 100}%): from the start ${coldMs} ms; from a checkpoint ${ms(t)} ms; same page: ${same}`);
  }
}

main().catch((e) => { console.error(e instanceof Error ? e.message : String(e)); process.exit(1); });
