/**
 * The capture reader against the real captures: every event block is read (counted by an
 * independent block walk here and by MANIFEST.md), event types per direction match sysdig
 * 0.29.3's `-S` counts, gzip files are read to their end, the two captures sysdig cannot
 * open are read completely, and the event table's names agree with `sysdig -L`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { captureFiles, capturesDir, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { readCapture, isEventBlock, type CaptureEvent, type ReadSummary } from '../../electron/engine/capture/index';
import { EVENTS, EventFlag, PARAM_TYPE_SIZE, eventInfo } from '../../shared/scap/eventTable';

const skip = referenceSkip();

/** Decompressed bytes of a capture. */
function rawBytes(file: string): Buffer {
  const b = readFileSync(file);
  return b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b;
}

/** An independent count of event blocks: walk the block frames, nothing else. */
function walkEventBlocks(raw: Buffer): { eventBlocks: number; end: number } {
  let eventBlocks = 0, o = 0;
  while (o + 8 <= raw.length) {
    const len = raw.readUInt32LE(o + 4);
    assert.ok(len >= 12 && o + len <= raw.length, `bad frame at ${o}`);
    if (isEventBlock(raw.readUInt32LE(o))) eventBlocks++;
    o += len;
  }
  return { eventBlocks, end: o };
}

/** MANIFEST.md's "raw event blocks" figure (third number of the Events column), by file name. */
function manifestEventBlocks(): Map<string, number> {
  const out = new Map<string, number>();
  const path = join(capturesDir, 'MANIFEST.md');
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`(.+\.scap)`$/.exec(cells[2] ?? '')?.[1];
    const events = /^[\d,]+ \/ [\d,]+ \/ ([\d,]+)$/.exec(cells[11] ?? '')?.[1];
    if (name && events) out.set(name, Number(events.replace(/,/g, '')));
  }
  return out;
}

/** `> open`, as sysdig -S names events; generic syscall events (ids 0/1) as `> #ID` (their syscall code). */
function dirName(ev: CaptureEvent): string {
  const info = eventInfo(ev.type);
  let name = info?.name ?? String(ev.type);
  if ((ev.type === 0 || ev.type === 1) && ev.nparams > 0) name = `#${ev.data[ev.paramOffset[0]] | (ev.data[ev.paramOffset[0] + 1] << 8)}`;
  return `${info?.direction === 'enter' ? '>' : '<'} ${name}`;
}

async function readAll(file: string): Promise<{ summary: ReadSummary; byId: Map<string, number>; digest: string }> {
  const byId = new Map<string, number>();
  const hash = createHash('sha256');
  const summary = await readCapture(file, {
    onEvent(ev) {
      const k = `${dirName(ev)}:${ev.type}`;
      byId.set(k, (byId.get(k) ?? 0) + 1);
      hash.update(`${ev.ts} ${ev.tid} ${ev.type} ${ev.cpu} ${ev.nparams}|`);
      for (let i = 0; i < ev.nparams; i++) hash.update(ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i]));
    },
  }, { layout: 'file' });
  return { summary, byId, digest: hash.digest('hex') };
}

test('every capture: all event blocks are read, as counted by a block walk and by MANIFEST.md', { skip }, async () => {
  const manifest = manifestEventBlocks();
  const files = captureFiles();
  for (const file of files) {
    const name = basename(file);
    const raw = rawBytes(file);
    const walk = walkEventBlocks(raw);
    const { summary } = await readAll(file);
    assert.equal(summary.eventBlocks, walk.eventBlocks, name);
    assert.equal(summary.events, walk.eventBlocks, `${name}: file layout delivers every event`);
    if (manifest.has(name)) assert.equal(summary.eventBlocks, manifest.get(name), `${name} vs MANIFEST`);
    assert.deepEqual(summary.warnings, [], name);
    assert.equal(summary.truncatedAt, undefined, name);
    assert.equal(summary.bytes, raw.length, `${name}: read to the end`);
    assert.equal(summary.compressed, readFileSync(file)[0] === 0x1f, name);
  }
  console.log(`${files.length} captures read completely; ${manifest.size} checked against MANIFEST.md`);
});

// Event names sysdig 0.29.3 prints differently from the newest table.
const SYSDIG_029_EVENT_NAMES: Record<string, string> = { sysdigevent: 'scapevent' };

test('event counts per type and direction match sysdig -S on every capture it opens', { skip }, async () => {
  let rows = 0, generic = 0;
  for (const file of captureFiles()) {
    const name = basename(file);
    if (sysdigCannotOpen.has(name)) continue;
    const { byId } = await readAll(file);
    // Our counts per event id (generic syscalls: per syscall code), grouped under sysdig's row key.
    const mine = new Map<string, number[]>();
    for (const [k, n] of byId) {
      const key = k.slice(0, k.lastIndexOf(':'));
      mine.set(key, [...(mine.get(key) ?? []), n]);
    }
    const genericCounts = [...mine].filter(([k]) => k.includes('#')).map(([k, [n]]) => [k[0], n] as const);
    // sysdig -S lists its top ~100 rows, one per event id (so old accept4 ids make extra `accept` rows).
    for (const line of sysdig(['-r', file, '-S', '-q']).split('\n')) {
      const m = /^([<>]) (\S+)\s+(\d+)$/.exec(line);
      if (!m) continue;
      rows++;
      const key = `${m[1]} ${SYSDIG_029_EVENT_NAMES[m[2]] ?? m[2]}`;
      const count = Number(m[3]);
      const ours = mine.get(key);
      if (ours === undefined) {
        // Generic syscall events: sysdig names them by syscall code (the formatter's job); the
        // row's count must be the count of one generic syscall code in the same direction.
        const i = genericCounts.findIndex(([dir, n]) => dir === key[0] && n === count);
        assert.ok(i >= 0, `${name}: sysdig counts ${count} × ${key}, no event type or generic syscall here has that count`);
        genericCounts.splice(i, 1);
        generic++;
      } else if (key === '> container') {
        // sinsp drops container events it cannot use (no metadata): sysdig sees at most as many.
        assert.ok(count <= ours.reduce((a, b) => a + b), `${name}: ${key} ${count} > ${ours}`);
      } else {
        const i = ours.indexOf(count);
        assert.ok(i >= 0, `${name}: sysdig counts ${count} × ${key}, we count ${ours.join(' + ')} (per event id)`);
        ours.splice(i, 1);
      }
    }
  }
  console.log(`${rows} sysdig -S rows matched (${generic} of them generic syscalls, by count)`);
  assert.ok(rows > 500);
});

test('the editcap-rewritten capture sysdig cannot open gives the same events as the original', { skip }, async () => {
  const dir = capturesDir;
  const a = await readAll(join(dir, 'libs_curl_google.scap'));
  const b = await readAll(join(dir, 'libs_curl_google_comments.scap'));
  assert.equal(b.summary.eventBlocks, a.summary.eventBlocks);
  assert.equal(b.digest, a.digest);
});

test('the capture with an fd type sysdig rejects is read completely, with every fd entry', { skip }, async () => {
  const file = join(capturesDir, 'xxradar_docker-curl-https.scap');
  const types = new Map<number, number>();
  let events = 0;
  const summary = await readCapture(file, { onFd: (fd) => types.set(fd.type, (types.get(fd.type) ?? 0) + 1), onEvent: () => { events++; } }, { layout: 'file' });
  assert.equal(events, walkEventBlocks(rawBytes(file)).eventBlocks);
  assert.ok((types.get(21) ?? 0) > 0, 'PIDFD entries (type 21) are read');
  assert.deepEqual(summary.warnings, []);
});

test('the newest layout (converter): every real capture converts, leaving one layout per event type', { skip }, async () => {
  // Old enter events the converter passes on (PASS / STORE_AND_PASS, scap-event-table.md §4).
  const passedEnters = new Set([2, 22, 58, 292, 306, 326, 330]);
  for (const file of captureFiles()) {
    const leftovers = new Set<string>();
    const summary = await readCapture(file, {
      onEvent(ev) {
        const info = EVENTS[ev.type];
        if (info === undefined) return;
        if (info.isOld && !passedEnters.has(ev.type)) leftovers.add(`old ${info.name}(${ev.type})`);
        if (info.direction === 'exit' && (info.flags & EventFlag.CONVERTER_MANAGED) && ev.nparams !== info.params.length) {
          leftovers.add(`${info.name}(${ev.type}) with ${ev.nparams} of ${info.params.length} parameters`);
        }
      },
    });
    assert.equal(summary.upgrade?.unconvertible, 0, basename(file));
    assert.equal(summary.events + summary.upgrade!.dropped, summary.eventBlocks, basename(file));
    assert.deepEqual([...leftovers], [], basename(file));
  }
});

test('event and parameter names agree with sysdig -L (sysdig 0.29.3\'s table is a prefix of ours)', { skip }, () => {
  // Renamed since libs 0.1.1 (scap-event-table.md §6).
  const renamed = new Set(['execve.pgid', 'execveat.pgid', 'pluginevent.ID']);
  let signatures = 0;
  for (const line of sysdig(['-L']).split('\n')) {
    const m = /^([<>]) (\S+)\((.*)\)$/.exec(line.trim());
    if (!m) continue;
    signatures++;
    const [, dir, name, list] = m;
    // The legacy tracer exit (269) is a placeholder in the newest table (scap-event-table.md §6).
    if (dir === '<' && name === 'tracer') continue;
    const names = list === '' ? [] : list.split(', ').map((p) => p.split(' ').pop()!);
    const candidates = EVENTS.filter((e) => e.name === name && (e.direction === 'enter') === (dir === '>'));
    assert.ok(candidates.length > 0, `${dir} ${name} is not in the event table`);
    const fits = candidates.some((e) => names.length <= e.params.length
      && names.every((n, i) => n === e.params[i].name || renamed.has(`${name}.${n}`)));
    assert.ok(fits, `${dir} ${name}(${names.join(', ')}) is not a prefix of any table layout`);
  }
  assert.ok(signatures > 200, `sysdig -L listed ${signatures} signatures`);
});

test('every parameter of every real event fits the table: count within the layout, fixed sizes exact', { skip }, async () => {
  let checked = 0;
  for (const layout of ['file', 'newest'] as const) {
    for (const file of captureFiles()) {
      const problems = new Map<string, number>();
      await readCapture(file, {
        onEvent(ev) {
          const info = EVENTS[ev.type];
          if (info === undefined) return;
          if (ev.nparams > info.params.length) problems.set(`${info.name}(${ev.type}) has ${ev.nparams} parameters`, 1);
          for (let i = 0; i < Math.min(ev.nparams, info.params.length); i++) {
            const size = PARAM_TYPE_SIZE[info.params[i].type];
            const len = ev.paramLength[i];
            checked++;
            if (size !== 0 && len !== 0 && len !== size) {
              const k = `${info.name}(${ev.type}).${info.params[i].name} is ${len} bytes, not ${size}`;
              problems.set(k, (problems.get(k) ?? 0) + 1);
            }
          }
        },
      }, { layout });
      assert.deepEqual([...problems.keys()], [], `${basename(file)} (${layout} layout)`);
    }
  }
  console.log(`${checked} parameters checked`);
});
