import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { readCapture } from './readCapture';
import { BlockType } from './blockTypes';
import { CaptureError, type CaptureEvent, type ReadOptions, type SectionHeader, type MachineInfo } from './types';
import { block, capture, cstr, eventBlock, le32, le64, machineInfo, sectionHeader, tempCapture } from './testCapture';

interface Seen { type: number; tid: number; ts: bigint; cpu: number; flags: number; blockType: number; fileOffset: number; params: Buffer[] }

async function collect(bytes: Buffer, opts: ReadOptions & { gzip?: boolean } = {}) {
  const events: Seen[] = [];
  const sections: Array<{ shb: SectionHeader; at: number }> = [];
  const machines: MachineInfo[] = [];
  const unknown: Array<[number, number, number]> = [];
  const path = tempCapture(bytes, { gzip: opts.gzip });
  const summary = await readCapture(path, {
    onSection: (shb, at) => sections.push({ shb, at }),
    onMachineInfo: (mi) => machines.push(mi),
    onUnknownBlock: (t, at, len) => unknown.push([t, at, len]),
    onEvent: (ev: CaptureEvent) => events.push({
      type: ev.type, tid: ev.tid, ts: ev.ts, cpu: ev.cpu, flags: ev.flags, blockType: ev.blockType, fileOffset: ev.fileOffset,
      params: Array.from({ length: ev.nparams }, (_, i) => Buffer.from(ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i]))),
    }),
  }, { layout: 'file', ...opts });
  return { summary, events, sections, machines, unknown };
}

const OPEN_X = 3; // fd, name, flags, mode, dev, ino
const openExit = (tid = 7) => ({ type: OPEN_X, tid, cpu: 2, ts: 1_600_000_000_123_456_789n, params: [le64(3), cstr('/etc/passwd'), le32(1), le32(0), le32(0x801), le64(42)] });

test('a v2 event block is decoded with its header fields and every parameter', async () => {
  const { events, summary } = await collect(capture(eventBlock(openExit())));
  assert.equal(summary.events, 1);
  const [ev] = events;
  assert.equal(ev.type, OPEN_X);
  assert.equal(ev.tid, 7);
  assert.equal(ev.cpu, 2);
  assert.equal(ev.ts, 1_600_000_000_123_456_789n);
  assert.equal(ev.blockType, BlockType.EVENT_V2);
  assert.equal(ev.params.length, 6);
  assert.equal(ev.params[1].toString(), '/etc/passwd\0');
  assert.equal(ev.params[5].readBigUInt64LE(), 42n);
});

test('fileOffset is the offset of the event block in the stream', async () => {
  const head = capture();
  const { events } = await collect(Buffer.concat([head, eventBlock(openExit()), eventBlock(openExit(8))]));
  assert.equal(events[0].fileOffset, head.length);
  assert.equal(events[1].fileOffset, head.length + eventBlock(openExit()).length);
});

test('a v1 event block gets its parameter count from the lengths that fill the event', async () => {
  // open exit written by an old producer with only fd, name, flags, mode (4 of the table's 6).
  const e = { type: OPEN_X, params: [le64(3), cstr('/tmp/x'), le32(0), le32(0o644)] };
  const { events, summary } = await collect(capture(eventBlock(e, BlockType.EVENT), eventBlock(e, BlockType.EVENT_LEGACY)));
  assert.equal(summary.events, 2);
  assert.equal(events[0].params.length, 4);
  assert.equal(events[0].params[1].toString(), '/tmp/x\0');
  assert.equal(events[1].blockType, BlockType.EVENT_LEGACY);
});

test('a v1 event whose lengths cannot fill it is skipped with a warning', async () => {
  const good = eventBlock({ type: OPEN_X, params: [le64(3), cstr('/tmp/x')] }, BlockType.EVENT);
  const bad = Buffer.from(good);
  bad.writeUInt16LE(200, 8 + 2 + 22); // first length now claims more than the event holds
  const { events, summary } = await collect(capture(bad, good));
  assert.equal(events.length, 1);
  assert.equal(summary.skippedEvents, 1);
  assert.match(summary.warnings[0], /do not add up/);
});

test('EVF blocks carry their flags; EV blocks have flags 0', async () => {
  const { events } = await collect(capture(
    eventBlock({ ...openExit(), flags: 1 }, BlockType.EVENT_FLAGS_V2),
    eventBlock({ type: OPEN_X, flags: 1, params: [le64(3)] }, BlockType.EVENT_FLAGS),
    eventBlock(openExit()),
  ));
  assert.deepEqual(events.map((e) => e.flags), [1, 1, 0]);
  assert.equal(events[1].params.length, 1);
});

test('large-payload event types use u32 parameter lengths', async () => {
  const json = cstr(`{"container":{"id":"${'a'.repeat(70000)}"}}`);
  const { events } = await collect(capture(
    eventBlock({ type: 324, tid: -1, params: [json], large: true }, BlockType.EVENT_V2_LARGE),
    eventBlock({ type: 322, params: [le32(999), Buffer.from('plugin data')], large: true }, BlockType.EVENT_FLAGS_V2_LARGE),
  ));
  assert.equal(events.length, 2);
  assert.equal(events[0].tid, -1);
  assert.equal(events[0].params[0].length, json.length);
  assert.equal(events[1].params[1].toString(), 'plugin data');
});

test('a large-payload type written with u16 lengths (before it became large) is still decoded', async () => {
  const { events, summary } = await collect(capture(eventBlock({ type: 324, tid: -1, params: [cstr('{"container":{}}')] })));
  assert.equal(summary.skippedEvents, 0);
  assert.equal(events[0].params[0].toString(), '{"container":{}}\0');
});

test('an event id newer than the table is delivered raw with its number', async () => {
  const { events, summary } = await collect(capture(eventBlock({ type: 9999, params: [le32(5), Buffer.from('zz')] })));
  assert.equal(summary.events, 1);
  assert.equal(events[0].type, 9999);
  assert.deepEqual(events[0].params.map((p) => p.length), [4, 2]);
});

test('unknown blocks are skipped, counted and reported', async () => {
  const { events, summary, unknown } = await collect(capture(block(0x7777, Buffer.from('future metadata')), eventBlock(openExit())));
  assert.equal(summary.unknownBlocks, 1);
  assert.equal(unknown[0][0], 0x7777);
  assert.equal(events.length, 1);
});

test('section header options (pcapng, as editcap writes them) are read', async () => {
  const shb = sectionHeader({ major: 1, minor: 0, options: [[1, Buffer.from('a comment')], [4, Buffer.from('Editcap')]] });
  const { sections, events } = await collect(Buffer.concat([shb, machineInfo(), eventBlock(openExit())]));
  assert.equal(sections[0].shb.major, 1);
  assert.equal(sections[0].shb.minor, 0);
  assert.deepEqual(sections[0].shb.options.map((o) => [o.code, Buffer.from(o.value).toString()]), [[1, 'a comment'], [4, 'Editcap']]);
  assert.equal(events.length, 1);
});

test('machine info gives cpus, memory, hostname and boot time; the legacy id is accepted', async () => {
  const { machines } = await collect(Buffer.concat([sectionHeader(), machineInfo({ cpus: 16, hostname: 'box', bootTs: 123n, type: BlockType.MACHINE_INFO_LEGACY })]));
  assert.equal(machines[0].numCpus, 16);
  assert.equal(machines[0].hostname, 'box');
  assert.equal(machines[0].bootTsEpoch, 123n);
  assert.equal(machines[0].memoryBytes, 8n << 30n);
});

test('a second section header starts a new section', async () => {
  const one = capture(eventBlock(openExit()));
  const { sections, events } = await collect(Buffer.concat([one, one]));
  assert.equal(sections.length, 2);
  assert.equal(sections[1].at, one.length);
  assert.equal(events.length, 2);
});

test('gzip captures are read transparently, across several gzip members', async () => {
  const a = capture(eventBlock(openExit(1)));
  const b = Buffer.concat([eventBlock(openExit(2)), eventBlock(openExit(3))]);
  const path = tempCapture(Buffer.concat([gzipSync(a), gzipSync(b)]));
  const tids: number[] = [];
  const summary = await readCapture(path, { onEvent: (ev) => tids.push(ev.tid) });
  assert.equal(summary.compressed, true);
  assert.deepEqual(tids, [1, 2, 3]);
});

test('blocks straddling the 4 MiB read chunks, and blocks of several MB, are read whole', async () => {
  const events: Buffer[] = [];
  for (let i = 0; i < 40000; i++) events.push(eventBlock({ type: OPEN_X, tid: i, params: [le64(i), cstr(`/file/${i}/${'x'.repeat(i % 200)}`)] }));
  const huge = block(0x7777, Buffer.alloc(9 << 20, 1));
  const bytes = capture(...events.slice(0, 20000), huge, ...events.slice(20000));
  const tids: number[] = [];
  for (const gzip of [false, true]) {
    tids.length = 0;
    const summary = await readCapture(tempCapture(bytes, { gzip }), { onEvent: (ev) => tids.push(ev.tid) });
    assert.equal(summary.events, 40000);
    assert.equal(summary.unknownBlocks, 1);
    assert.ok(tids.every((t, i) => t === i));
  }
});

test('any read size gives the same events: blocks and block headers split anywhere are stitched', async () => {
  const bytes = capture(eventBlock(openExit(1)), block(0x7777, Buffer.alloc(100, 5)), eventBlock({ ...openExit(2), flags: 1 }, BlockType.EVENT_FLAGS_V2), eventBlock(openExit(3)));
  const path = tempCapture(bytes);
  for (const chunkBytes of [1, 2, 3, 5, 7, 8, 9, 13, 64, 100, 333]) {
    const tids: number[] = [];
    const summary = await readCapture(path, { onEvent: (ev) => tids.push(ev.tid) }, { chunkBytes });
    assert.deepEqual(tids, [1, 2, 3], `chunkBytes ${chunkBytes}`);
    assert.equal(summary.unknownBlocks, 1);
    assert.equal(summary.bytes, bytes.length);
    const cut = await readCapture(tempCapture(bytes.subarray(0, bytes.length - 3)), {}, { chunkBytes });
    assert.equal(cut.truncatedAt, bytes.length - eventBlock(openExit(3)).length, `cut, chunkBytes ${chunkBytes}`);
  }
});

test('a capture cut off inside a block delivers every complete event and reports where', async () => {
  const full = capture(eventBlock(openExit(1)), eventBlock(openExit(2)), eventBlock(openExit(3)));
  const cut = full.length - 10;
  for (const gzip of [false, true]) {
    const { events, summary } = await collect(full.subarray(0, cut), { gzip });
    assert.deepEqual(events.map((e) => e.tid), [1, 2]);
    const lastStart = full.length - eventBlock(openExit(3)).length;
    assert.equal(summary.truncatedAt, lastStart);
    assert.match(summary.warnings.join('\n'), new RegExp(`cut off at byte ${lastStart}, inside an EV_V2 block of \\d+ bytes \\(\\d+ present\\); the 2 events before it were read`));
  }
});

test('a gzip stream cut off mid-way still yields the events decompressed before the cut', async () => {
  const blocks = Array.from({ length: 3000 }, (_, i) => eventBlock({ type: OPEN_X, tid: i, params: [le64(i), cstr(`/f/${i * 7919}`)] }));
  const gz = gzipSync(capture(...blocks));
  const path = tempCapture(gz.subarray(0, Math.floor(gz.length * 0.6)));
  let n = 0;
  const summary = await readCapture(path, { onEvent: () => { n++; } });
  assert.ok(n > 100 && n < 3000, `read ${n} events`);
  assert.equal(summary.events, n);
  assert.ok(summary.truncatedAt !== undefined);
  assert.ok(summary.warnings.length >= 1);
});

test('a file that is not a capture is rejected with one line naming the file', async () => {
  const path = tempCapture(Buffer.from('hello, this is text\n'));
  await assert.rejects(readCapture(path, {}), (err: unknown) => err instanceof CaptureError && /t\d+\.scap: not a scap capture/.test(err.message) && !err.message.includes('\n'));
});

test('empty, missing and header-only files are rejected clearly', async () => {
  await assert.rejects(readCapture(tempCapture(Buffer.alloc(0)), {}), /empty file/);
  await assert.rejects(readCapture(tempCapture(Buffer.from('hi!')), {}), /not a scap capture \(starts with bytes 68 69 21/);
  await assert.rejects(readCapture('/nonexistent/x.scap', {}), /x\.scap: cannot open capture: no such file/);
  await assert.rejects(readCapture(tempCapture(sectionHeader().subarray(0, 20)), {}), /ends inside its section header/);
  await assert.rejects(readCapture(tempCapture(Buffer.from([0x1f, 0x8b, 1, 2, 3])), {}), /not a readable gzip file/);
});

test('big-endian captures and format versions above 1 are rejected', async () => {
  await assert.rejects(readCapture(tempCapture(sectionHeader({ magic: 0x4d3c2b1a })), {}), /big-endian/);
  await assert.rejects(readCapture(tempCapture(sectionHeader({ major: 2 })), {}), /version 2\.2 is newer/);
  await assert.rejects(readCapture(tempCapture(sectionHeader({ magic: 0x12345678 })), {}), /bad byte-order magic/);
});

test('a damaged later section header ends the read with a warning, keeping the first section', async () => {
  const one = capture(eventBlock(openExit(1)));
  const { events, summary } = await collect(Buffer.concat([one, sectionHeader({ major: 7 }), machineInfo(), eventBlock(openExit(2))]));
  assert.deepEqual(events.map((e) => e.tid), [1]);
  assert.match(summary.warnings[0], /later section cannot be read: capture format version 7\.2/);
});

test('a metadata block whose trailer disagrees with its length ends the read with a warning', async () => {
  const bad = block(0x7777, Buffer.alloc(40), { trailer: 999 });
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), bad, eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [1]);
  assert.equal(summary.truncatedAt, undefined);
  assert.match(summary.warnings[0], /0x7777 block at offset \d+ says it is 52 bytes long but its trailer says 999/);
});

test('an event block with a wrong trailer is read like libscap does, with a warning', async () => {
  const bad = block(BlockType.EVENT_V2, eventBlock(openExit(2)).subarray(8, -4), { trailer: 999 });
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), bad, eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [1, 2, 3]);
  assert.match(summary.warnings[0], /1 event blocks have a trailer that disagrees/);
});

test('an event block with a wrong trailer and an event that does not fit ends the read', async () => {
  const inner = eventBlock(openExit(2)).subarray(8, -4);
  inner.writeUInt32LE(5000, 2 + 16); // event length beyond the block
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), block(BlockType.EVENT_V2, inner, { trailer: 999 }), eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [1]);
  assert.match(summary.warnings[0], /trailer says 999/);
});

test('an event block too short for its header, last in the file, is skipped with a warning', async () => {
  // 12 bytes: framing only, so even the flags an EVF block carries lie past the end of the file.
  for (const type of [BlockType.EVENT_FLAGS, BlockType.EVENT_FLAGS_V2, BlockType.EVENT_V2]) {
    const { events, summary } = await collect(capture(eventBlock(openExit(1)), block(type, Buffer.alloc(0))));
    assert.deepEqual(events.map((e) => e.tid), [1]);
    assert.equal(summary.skippedEvents, 1);
    assert.match(summary.warnings[0], /event header does not fit in a block of 12 bytes; event skipped/);
  }
});

test('data after the last gzip member is ignored with a warning', async () => {
  // Random parameters keep the compressed size above zlib's input slice (64 KiB).
  const blocks = Array.from({ length: 400 }, (_, i) => eventBlock({ type: OPEN_X, tid: i, params: [le64(i), randomBytes(400)] }));
  const gz = Buffer.concat([gzipSync(capture(...blocks.slice(0, 300))), gzipSync(Buffer.concat(blocks.slice(300))), Buffer.from('trailing junk')]);
  let n = 0;
  const summary = await readCapture(tempCapture(gz), { onEvent: () => { n++; } });
  assert.ok(n >= 300, `read ${n} events`);
  assert.match(summary.warnings.join('\n'), /ignored data after the last gzip member|the gzip stream ends early/);
});

test('event blocks over 64 KiB of non-large types are read (libscap refuses them, real files have them)', async () => {
  const big = eventBlock({ type: OPEN_X, params: [le64(3), cstr('x'.repeat(60000)), le32(0), le32(0), le32(0), Buffer.alloc(50000, 7)] });
  assert.ok(big.length > 65536 + 12);
  const { events, summary } = await collect(capture(big, eventBlock(openExit(9))));
  assert.deepEqual(events.map((e) => e.tid), [100, 9]);
  assert.equal(events[0].params[5].length, 50000);
  assert.deepEqual(summary.warnings, []);
});

test('an event block whose length was inflated (trailer and event disagree with it) ends the read', async () => {
  const good = eventBlock(openExit(2));
  const inflated = Buffer.concat([good.subarray(0, -4), Buffer.alloc(64), good.subarray(-4)]);
  inflated.writeUInt32LE(inflated.length, 4); // header says longer; trailer keeps the old length
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), inflated, eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [1]);
  assert.match(summary.warnings[0], /trailer says/);
});

test('an impossible block length ends the read with a warning instead of hanging', async () => {
  const bad = Buffer.concat([le32(BlockType.EVENT_V2), le32(5), Buffer.alloc(16)]);
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), bad));
  assert.equal(events.length, 1);
  assert.match(summary.warnings[0], /impossible length 5/);
});

test('a parameter longer than its event is skipped with a warning, later events still arrive', async () => {
  const bad = eventBlock(openExit(2));
  bad.writeUInt16LE(60000, 8 + 2 + 26 + 2); // length of parameter 1
  const { events, summary } = await collect(capture(eventBlock(openExit(1)), bad, eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [1, 3]);
  assert.equal(summary.skippedEvents, 1);
  assert.match(summary.warnings[0], /parameters of event type 3 need/);
});

test('an event claiming more parameters than fit is skipped', async () => {
  const bad = eventBlock(openExit(2));
  bad.writeUInt32LE(0x7fffffff, 8 + 2 + 22);
  const { events, summary } = await collect(capture(bad, eventBlock(openExit(3))));
  assert.deepEqual(events.map((e) => e.tid), [3]);
  assert.match(summary.warnings[0], /claims 2147483647 parameters/);
});

test('progress is reported and a cancelled read rejects with CaptureError', async () => {
  const blocks = Array.from({ length: 60000 }, (_, i) => eventBlock({ type: OPEN_X, tid: i, params: [le64(i), cstr('/some/path/of/a/file')] }));
  const path = tempCapture(capture(...blocks));
  const seen: number[] = [];
  await readCapture(path, {}, { onProgress: (p) => seen.push(p.bytesRead) });
  assert.ok(seen.length >= 1);
  const ctl = new AbortController();
  ctl.abort();
  await assert.rejects(readCapture(path, {}, { signal: ctl.signal }), (e: unknown) => e instanceof CaptureError && /cancelled/.test(e.message));
});

test('the reused event exposes ts both as a bigint and as two exact 32-bit halves', async () => {
  const ts = 0xfedcba9876543210n;
  await readCapture(tempCapture(capture(eventBlock({ ...openExit(), ts }))), {
    onEvent: (ev) => {
      assert.equal(ev.ts, ts);
      assert.equal(ev.tsHi, 0xfedcba98);
      assert.equal(ev.tsLo, 0x76543210);
    },
  });
});

