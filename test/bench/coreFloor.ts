/**
 * The floor under any index build, measured: the capture reader alone, then the reader plus a
 * data-oriented core (a tid → slot table in typed arrays, five columns written per event, the
 * first parameter read). Not product code: it keeps no state beyond that and records nothing
 * else. It tells how much of the 2 × `sysdig -q` budget a rewrite of the state engine would
 * have left for parsing state and recording (docs/data-oriented-state.md).
 *
 *   node --import tsx test/bench/coreFloor.ts CAPTURE
 */
import { readCapture } from '../../electron/engine/capture/readCapture';
import type { CaptureEvent } from '../../electron/engine/capture/types';

type Mode = 'read' | 'core' | 'params';

async function pass(file: string, mode: Mode, capacity: number): Promise<{ events: number; seconds: number }> {
  const ts = new Float64Array(capacity), tid = new Int32Array(capacity), type = new Uint16Array(capacity);
  const slotOf = new Int32Array(capacity), offset = new Float64Array(capacity);
  const TABLE = 1 << 16;
  const keys = new Int32Array(TABLE).fill(-1), slots = new Int32Array(TABLE), firstParam = new Int32Array(TABLE);
  let slotCount = 0, n = 0, lastTid = -2, lastSlot = -1;
  const onEvent = (ev: CaptureEvent) => {
    if (mode === 'read') { n++; return; }
    const t = ev.tid;
    let s = lastSlot;
    if (t !== lastTid) {
      let h = (Math.imul(t, 0x9e3779b1) >>> 16) & (TABLE - 1);
      while (keys[h] !== -1 && keys[h] !== t) h = (h + 1) & (TABLE - 1);
      if (keys[h] === -1) { keys[h] = t; slots[h] = slotCount++; }
      s = slots[h]; lastTid = t; lastSlot = s;
    }
    const i = n++;
    if (i >= capacity) return;
    ts[i] = ev.tsLo ?? 0; tid[i] = t; type[i] = ev.type; slotOf[i] = s; offset[i] = ev.fileOffset;
    if (mode === 'params' && ev.nparams > 0) firstParam[s] = ev.data[ev.paramOffset[0]] | (ev.paramLength[0] << 8);
  };
  const t0 = performance.now();
  await readCapture(file, { onEvent }, { layout: 'file' });
  return { events: n, seconds: (performance.now() - t0) / 1000 };
}

const file = process.argv[2];
if (!file) throw new Error('usage: node --import tsx test/bench/coreFloor.ts CAPTURE');
const { events } = await pass(file, 'read', 0);
for (const mode of ['read', 'core', 'params'] as const) {
  const r = await pass(file, mode, events);
  console.log(`floor ${mode}: ${r.seconds.toFixed(2)} s, ${r.events} events, ${((r.seconds * 1e9) / r.events).toFixed(0)} ns/event`);
}
