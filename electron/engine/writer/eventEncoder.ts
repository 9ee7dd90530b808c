/**
 * Encodes one event (v2 header, parameter lengths, parameter data) and appends it to a sink
 * as an event block. Parameters are added in table order with typed methods; the encoder
 * reuses its scratch buffers, so emitting an event allocates nothing per event.
 *
 *   enc.begin(ts, tid, 3).fd(4).path('/etc/passwd').u32(0).u32(0).u32(0).end(cpu)
 */
import { ByteSink } from './byteSink';
import { BlockType, beginBlock, endBlock, writeStringList } from './blocks';
import { EVENT_LARGE_PAYLOAD } from '../../../shared/scap/eventTable';

const HEADER_SIZE = 26;
/** Non-large event blocks may not exceed 64 KiB (scap-file-format.md §9.1). */
const MAX_SMALL_BLOCK_BODY = 65536 - 8;

export type Ipv4 = readonly [number, number, number, number];

export class EventEncoder {
  private readonly data = new ByteSink(1 << 12);
  private lengths = new Uint32Array(64);
  private count = 0;
  private ts = 0n;
  private tid = 0;
  private type = 0;
  private paramStart = 0;

  constructor(private readonly out: ByteSink) {}

  begin(ts: bigint, tid: number, type: number): this {
    this.ts = ts;
    this.tid = tid;
    this.type = type;
    this.count = 0;
    this.data.reset();
    return this;
  }

  private open(): ByteSink { this.paramStart = this.data.length; return this.data; }
  private close(): this {
    if (this.count === this.lengths.length) {
      const next = new Uint32Array(this.lengths.length * 2);
      next.set(this.lengths);
      this.lengths = next;
    }
    this.lengths[this.count++] = this.data.length - this.paramStart;
    return this;
  }

  /** Zero-length parameter: "not available". */
  empty(): this { this.open(); return this.close(); }
  u8(v: number): this { this.open().u8(v); return this.close(); }
  u16(v: number): this { this.open().u16(v); return this.close(); }
  u32(v: number): this { this.open().u32(v); return this.close(); }
  i32(v: number): this { this.open().i32(v); return this.close(); }
  /** INT64, ERRNO, FD, PID, RELTIME...: any 8-byte integer within the safe range. */
  i64(v: number): this { this.open().i64(v); return this.close(); }
  u64(v: bigint | number): this { this.open().u64(v); return this.close(); }
  fd(v: number): this { return this.i64(v); }
  errno(v: number): this { return this.i64(v); }
  pid(v: number): this { return this.i64(v); }

  /** CHARBUF / FSPATH / FSRELPATH: NUL-terminated text. */
  str(s: string): this { const d = this.open(); d.text(s); d.u8(0); return this.close(); }
  path(s: string): this { return this.str(s); }

  /** BYTEBUF. */
  bytes(b: Uint8Array): this { this.open().bytesOf(b); return this.close(); }
  /** BYTEBUF holding text (I/O payloads), without terminator. */
  text(s: string): this { this.open().text(s); return this.close(); }
  /** BYTEBUF holding a NUL-separated list (args, env, cgroups). */
  list(items: readonly string[]): this { writeStringList(this.open(), items); return this.close(); }

  /** SOCKADDR AF_INET. */
  sockaddr4(ip: Ipv4, port: number): this {
    const d = this.open();
    d.u8(2); d.u8(ip[0]); d.u8(ip[1]); d.u8(ip[2]); d.u8(ip[3]); d.u16(port);
    return this.close();
  }
  /** SOCKADDR AF_UNIX. */
  sockaddrUnix(path: string): this { const d = this.open(); d.u8(1); d.text(path); d.u8(0); return this.close(); }

  /** SOCKTUPLE AF_INET: source then destination, oriented as the driver does. */
  tuple4(sip: Ipv4, sport: number, dip: Ipv4, dport: number): this {
    const d = this.open();
    d.u8(2);
    d.u8(sip[0]); d.u8(sip[1]); d.u8(sip[2]); d.u8(sip[3]); d.u16(sport);
    d.u8(dip[0]); d.u8(dip[1]); d.u8(dip[2]); d.u8(dip[3]); d.u16(dport);
    return this.close();
  }
  /** SOCKTUPLE AF_UNIX: kernel addresses of both ends and the path. */
  tupleUnix(source: bigint, dest: bigint, path: string): this {
    const d = this.open();
    d.u8(1); d.u64(source); d.u64(dest); d.text(path); d.u8(0);
    return this.close();
  }

  /** FDLIST: (fd, poll flags) pairs. */
  fdlist(fds: ReadonlyArray<readonly [number, number]>): this {
    const d = this.open();
    d.u16(fds.length);
    for (const [fd, flags] of fds) { d.i64(fd); d.u16(flags); }
    return this.close();
  }

  /** Appends the finished event as one event block (large block type only when it must be). */
  end(cpu = 0): void {
    const large = EVENT_LARGE_PAYLOAD[this.type] === 1;
    const width = large ? 4 : 2;
    if (!large) {
      for (let i = 0; i < this.count; i++) {
        if (this.lengths[i] > 0xffff) throw new Error(`event type ${this.type}: parameter ${i} is ${this.lengths[i]} bytes, more than its 16-bit length allows`);
      }
    }
    const len = HEADER_SIZE + this.count * width + this.data.length;
    const out = this.out;
    const blockType = 2 + len > MAX_SMALL_BLOCK_BODY ? BlockType.EV_V2_LARGE : BlockType.EV_V2;
    const at = beginBlock(out, blockType);
    out.u16(cpu);
    out.u64(this.ts);
    out.i64(this.tid);
    out.u32(len);
    out.u16(this.type);
    out.u32(this.count);
    for (let i = 0; i < this.count; i++) {
      if (large) out.u32(this.lengths[i]); else out.u16(this.lengths[i]);
    }
    out.bytesOf(this.data.written());
    endBlock(out, at);
  }
}
