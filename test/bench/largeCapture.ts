/**
 * Makes the benchmark's large capture: a real capture's header blocks once, then its event
 * blocks repeated with timestamps shifted by the capture's span each round, until the file
 * reaches the wanted size. Works at block level only (type, length, event header ts), so it
 * depends on nothing but the framing in scap-file-format.md §2 and §9.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

const SHB = 0x0a0d0d0a;
const EVENT_BLOCKS = new Set([0x204, 0x8010abcd, 0x208, 0x216, 0x217, 0x221, 0x222]);

interface Split { header: Buffer; events: Buffer[]; firstTs: bigint; lastTs: bigint }

function tsOffsetInBlock(type: number): number {
  // body: cpuid u16, then (EVF only) flags u32, then the event header starting with ts u64
  const hasFlags = type === 0x208 || type === 0x217 || type === 0x222;
  return 8 + 2 + (hasFlags ? 4 : 0);
}

function split(file: Buffer): Split {
  let off = 0;
  const headerEnd: number[] = [];
  const events: Buffer[] = [];
  let firstTs = 0n;
  let lastTs = 0n;
  while (off + 12 <= file.length) {
    const type = file.readUInt32LE(off);
    const len = file.readUInt32LE(off + 4);
    if (len < 12 || off + len > file.length) break;
    if (EVENT_BLOCKS.has(type)) {
      const block = file.subarray(off, off + len);
      const ts = block.readBigUInt64LE(tsOffsetInBlock(type));
      if (ts !== 0n) {
        if (firstTs === 0n || ts < firstTs) firstTs = ts;
        if (ts > lastTs) lastTs = ts;
      }
      events.push(block);
    } else if (events.length === 0) {
      headerEnd.push(off + len);
    } else if (type === SHB) {
      break; // a second section: keep the first only
    }
    off += len;
  }
  return { header: file.subarray(0, headerEnd.at(-1) ?? 0), events, firstTs, lastTs };
}

export async function makeLargeCapture(source: string, out: string, targetBytes: number): Promise<{ bytes: number; events: number }> {
  if (existsSync(out) && statSync(out).size >= targetBytes) {
    return { bytes: statSync(out).size, events: -1 };
  }
  let raw = await readFile(source);
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  const { header, events, firstTs, lastTs } = split(raw);
  const span = lastTs - firstTs + 1_000_000n;
  const w = createWriteStream(out);
  const write = (b: Buffer) => new Promise<void>((res) => (w.write(b) ? res() : w.once('drain', res)));
  await write(header);
  let bytes = header.length;
  let count = 0;
  for (let round = 0n; bytes < targetBytes; round++) {
    const chunk = Buffer.concat(events);
    let p = 0;
    for (const b of events) {
      const tsAt = p + tsOffsetInBlock(b.readUInt32LE(0));
      const ts = chunk.readBigUInt64LE(tsAt);
      if (ts !== 0n) chunk.writeBigUInt64LE(ts + span * round, tsAt);
      p += b.length;
    }
    await write(chunk);
    bytes += chunk.length;
    count += events.length;
  }
  await new Promise<void>((res, rej) => w.end((err?: Error | null) => (err ? rej(err) : res())));
  return { bytes, events: count };
}
