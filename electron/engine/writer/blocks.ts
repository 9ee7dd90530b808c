/**
 * Encoders for the header blocks of a capture, in the newest layouts that sysdig 0.29.3 also
 * reads (scap-file-format.md §4–§8): SHB 1.2, MI, IL v2, UL v2, PL v9, FDL v2. Each function
 * appends one complete block (header, body, zero padding, trailer) to a ByteSink.
 */
import { ByteSink } from './byteSink';
import type { FdListEntry, GroupEntry, InterfaceEntry, MachineInfo, ProcListEntry, UserEntry } from '../capture/types';

export const BlockType = {
  SHB: 0x0a0d0d0a,
  MI: 0x201,
  PL_V9: 0x215,
  FDL_V2: 0x218,
  IL_V2: 0x219,
  UL_V2: 0x220,
  EV_V2: 0x216,
  EVF_V2: 0x217,
  EV_V2_LARGE: 0x221,
} as const;

export const FdType = {
  FILE: 1, DIRECTORY: 2, IPV4_SOCK: 3, IPV6_SOCK: 4, IPV4_SERVSOCK: 5, IPV6_SERVSOCK: 6, FIFO: 7,
  UNIX_SOCK: 8, EVENT: 9, UNSUPPORTED: 10, SIGNALFD: 11, EVENTPOLL: 12, INOTIFY: 13, TIMERFD: 14,
  NETLINK: 15, FILE_V2: 16, BPF: 17, USERFAULTFD: 18, IOURING: 19, MEMFD: 20, PIDFD: 21,
} as const;

/** Starts a block: returns the offset of its header, to be passed to endBlock. */
export function beginBlock(out: ByteSink, type: number): number {
  const at = out.length;
  out.u32(type);
  out.u32(0);
  return at;
}

/** Pads the body to 4 bytes, writes the trailer and patches the length in the header. */
export function endBlock(out: ByteSink, at: number): void {
  const pad = (4 - ((out.length - at) & 3)) & 3;
  out.zeros(pad);
  const total = out.length - at + 4;
  out.u32(total);
  out.setU32(at + 4, total);
}

export function writeSectionHeader(out: ByteSink): void {
  const at = beginBlock(out, BlockType.SHB);
  out.u32(0x1a2b3c4d);
  out.u16(1);
  out.u16(2);
  out.i64(-1);
  endBlock(out, at);
}

export function writeMachineInfo(out: ByteSink, mi: MachineInfo): void {
  const at = beginBlock(out, BlockType.MI);
  out.u32(mi.numCpus);
  out.u64(mi.memoryBytes);
  out.u64(BigInt(mi.maxEventsPerSecond ?? 4194304));
  const nameAt = out.length;
  out.zeros(128);
  const name = new TextEncoder().encode(mi.hostname).subarray(0, 127);
  out.bytes.set(name, nameAt);
  out.u64(mi.bootTsEpoch ?? 0n);
  out.zeros(24); // flags, reserved3, reserved4
  endBlock(out, at);
}

export function writeInterfaceList(out: ByteSink, list: readonly InterfaceEntry[]): void {
  const at = beginBlock(out, BlockType.IL_V2);
  // The reference writer emits every IPv4 entry before every IPv6 one.
  for (const family of [4, 6] as const) {
    for (const i of list) {
      if (i.family !== family) continue;
      const lenAt = out.length;
      out.u32(0); // v2 entry length counts the bytes after itself
      out.u16(family === 4 ? 1 : 2);
      const nameLenAt = out.length;
      out.u16(0);
      const size = family === 4 ? 4 : 16;
      out.bytesOf(fit(i.addr, size));
      out.bytesOf(fit(i.netmask, size));
      out.bytesOf(fit(i.bcast ?? new Uint8Array(size), size));
      out.u64(i.linkspeed ?? 0n);
      out.setU16(nameLenAt, out.text(i.name));
      out.setU32(lenAt, out.length - lenAt - 4);
    }
  }
  endBlock(out, at);
}

export function writeUserList(out: ByteSink, users: readonly UserEntry[], groups: readonly GroupEntry[]): void {
  const at = beginBlock(out, BlockType.UL_V2);
  for (const u of users) {
    const lenAt = out.length;
    out.u32(0); // v2 entry length includes itself
    out.u8(0);
    out.u32(u.uid);
    out.u32(u.gid);
    out.string16(u.name);
    out.string16(u.home);
    out.string16(u.shell);
    out.setU32(lenAt, out.length - lenAt);
  }
  for (const g of groups) {
    const lenAt = out.length;
    out.u32(0);
    out.u8(1);
    out.u32(g.gid);
    out.string16(g.name);
    out.setU32(lenAt, out.length - lenAt);
  }
  endBlock(out, at);
}

/** NUL-terminated items concatenated, as the list fields of PL entries and clone/execve carry them. */
export function writeStringList(out: ByteSink, items: readonly string[]): void {
  for (const s of items) { out.text(s); out.u8(0); }
}

function list16(out: ByteSink, items: readonly string[]): void {
  const at = out.length;
  out.u16(0);
  const start = out.length;
  writeStringList(out, items);
  out.setU16(at, out.length - start);
}

export function writeProcessList(out: ByteSink, threads: readonly ProcListEntry[]): void {
  const at = beginBlock(out, BlockType.PL_V9);
  for (const p of threads) {
    const lenAt = out.length;
    out.u32(0); // entry length includes itself
    out.i64(p.tid);
    out.i64(p.pid);
    out.i64(p.ptid);
    out.i64(p.sid);
    out.i64(p.vpgid);
    out.string16(p.comm);
    out.string16(p.exe);
    out.string16(p.exepath);
    list16(out, p.args);
    out.string16(p.cwd);
    out.i64(p.fdlimit);
    out.u32(p.flags);
    out.u32(p.uid);
    out.u32(p.gid);
    out.u32(p.vmsizeKb);
    out.u32(p.vmrssKb);
    out.u32(p.vmswapKb);
    out.i64(p.pfmajor);
    out.i64(p.pfminor);
    list16(out, p.env);
    out.i64(p.vtid);
    out.i64(p.vpid);
    list16(out, p.cgroups);
    out.string16(p.root);
    // Only loginuid of the optional tail: a tail of at most 29 bytes is read in the pre-0.10
    // layout (starting with loginuid) by new readers, and older ones skip what they do not know.
    out.u32(p.loginuid);
    out.setU32(lenAt, out.length - lenAt);
  }
  endBlock(out, at);
}

/** One FDL v2 block: the fd table of one thread (possibly empty). */
export function writeFdList(out: ByteSink, tid: number, fds: readonly FdListEntry[]): void {
  const at = beginBlock(out, BlockType.FDL_V2);
  out.i64(tid);
  for (const f of fds) {
    const lenAt = out.length;
    out.u32(0); // entry length includes itself
    out.i64(f.fd);
    out.u64(f.ino);
    out.u8(f.type);
    switch (f.type) {
      case FdType.IPV4_SOCK:
        out.bytesOf(fit(f.sip, 4)); out.bytesOf(fit(f.dip, 4));
        out.u16(f.sport ?? 0); out.u16(f.dport ?? 0); out.u8(f.l4proto ?? 0);
        break;
      case FdType.IPV6_SOCK:
        out.bytesOf(fit(f.sip, 16)); out.bytesOf(fit(f.dip, 16));
        out.u16(f.sport ?? 0); out.u16(f.dport ?? 0); out.u8(f.l4proto ?? 0);
        break;
      case FdType.IPV4_SERVSOCK:
        out.bytesOf(fit(f.sip, 4)); out.u16(f.sport ?? 0); out.u8(f.l4proto ?? 0);
        break;
      case FdType.IPV6_SERVSOCK:
        out.bytesOf(fit(f.sip, 16)); out.u16(f.sport ?? 0); out.u8(f.l4proto ?? 0);
        break;
      case FdType.UNIX_SOCK:
        out.u64(f.unixSource ?? 0n); out.u64(f.unixDest ?? 0n); out.string16(f.name);
        break;
      case FdType.FILE_V2:
        out.u32(f.openFlags); out.string16(f.name); out.u32(f.dev);
        break;
      default:
        out.string16(f.name);
    }
    out.setU32(lenAt, out.length - lenAt);
  }
  endBlock(out, at);
}

function fit(b: Uint8Array | undefined, size: number): Uint8Array {
  if (b && b.length === size) return b;
  const r = new Uint8Array(size);
  if (b) r.set(b.subarray(0, size));
  return r;
}
