/**
 * Parsers for the metadata blocks (scap-file-format.md §4–§8). Each takes the block body
 * [start, end) and hands entries to the visitor. A malformed entry raises Overrun (or returns a
 * warning text); the reader turns that into a one-line warning and moves on to the next block.
 */
import type { CaptureVisitor, FdListEntry, GroupEntry, InterfaceEntry, MachineInfo, ProcListEntry, SectionHeader, UserEntry } from './types';
import { ByteCursor, Overrun, copyBytes, nulList, text, u16, u32, u64 } from './byteCursor';

export const SHB_MAGIC = 0x1a2b3c4d;
export const SHB_MAGIC_SWAPPED = 0x4d3c2b1a;

/** SHB body after magic: versions, section length, pcapng options. */
export function parseSectionHeader(b: Uint8Array, start: number, end: number): SectionHeader {
  const major = u16(b, start + 4);
  const minor = u16(b, start + 6);
  const options: SectionHeader['options'] = [];
  // pcapng options: code u16, length u16, value padded to 4 bytes, ended by code 0.
  let o = start + 16;
  while (o + 4 <= end) {
    const code = u16(b, o);
    const len = u16(b, o + 2);
    if (code === 0 || o + 4 + len > end) break;
    options.push({ code, value: copyBytes(b, o + 4, o + 4 + len) });
    o += 4 + ((len + 3) & ~3);
  }
  return { major, minor, options };
}

export function parseMachineInfo(b: Uint8Array, start: number, end: number): MachineInfo {
  if (end - start < 148) throw new Overrun(`machine info body is ${end - start} bytes, expected 180`);
  let h = start + 20;
  const hEnd = start + 148;
  while (h < hEnd && b[h] !== 0) h++;
  const mi: MachineInfo = { numCpus: u32(b, start), memoryBytes: u64(b, start + 4), hostname: text(b, start + 20, h) };
  if (end - start >= 156) {
    const boot = u64(b, start + 148);
    if (boot !== 0n) mi.bootTsEpoch = boot;
  }
  return mi;
}

export function parseProcessList(b: Uint8Array, start: number, end: number, version: number, visit: (p: ProcListEntry) => void): void {
  const c = new ByteCursor(b, start, end);
  while (c.left >= 4) {
    const entryStart = c.pos;
    let entryEnd = end;
    if (version >= 9) {
      const len = c.u32();
      if (len < 4 || entryStart + len > end) throw new Overrun(`process entry length ${len} does not fit the block`);
      entryEnd = entryStart + len;
      c.end = entryEnd;
    }
    const tid = c.i64n(), pid = c.i64n(), ptid = c.i64n();
    const sid = version >= 6 ? c.i64n() : -1;
    const vpgid = version >= 8 ? c.i64n() : -1;
    const comm = c.str16(1024), exe = c.str16(1024);
    const exepath = version >= 7 ? c.str16(1024) : '';
    const args = nulList(c.str16(4096));
    const cwd = c.str16(1024);
    const fdlimit = c.i64n(), flags = c.u32(), uid = c.u32(), gid = c.u32();
    let vmsizeKb = 0, vmrssKb = 0, vmswapKb = 0, pfmajor = 0, pfminor = 0;
    if (version >= 2) { vmsizeKb = c.u32(); vmrssKb = c.u32(); vmswapKb = c.u32(); pfmajor = c.u64n(); pfminor = c.u64n(); }
    const env = version >= 3 ? nulList(c.str16(4096)) : [];
    let vtid = -1, vpid = -1;
    let cgroups: string[] = [];
    if (version >= 4) { vtid = c.i64n(); vpid = c.i64n(); cgroups = nulList(c.str16(4096)); }
    const root = version >= 5 ? c.str16(1024) : '';
    const p: ProcListEntry = {
      tid, pid, ptid, sid, vpgid, pgid: -1, comm, exe, exepath, args, cwd, fdlimit, flags, uid, gid,
      vmsizeKb, vmrssKb, vmswapKb, pfmajor, pfminor, env, vtid, vpid, cgroups, root,
      pidnsInitStartTs: 0n, tty: 0, loginuid: 0xffffffff, capInheritable: 0n, capPermitted: 0n, capEffective: 0n,
      exeWritable: false, exeUpperLayer: false, exeLowerLayer: false, exeFromMemfd: false,
      exeIno: 0n, exeInoCtime: 0n, exeInoMtime: 0n,
    };
    if (version >= 9) {
      readOptionalTail(c, entryEnd, p);
      c.pos = entryEnd;
      c.end = end;
    }
    visit(p);
  }
}

// v9 entries: every field after `root` is present only if the entry is long enough (§6.2).
function readOptionalTail(c: ByteCursor, entryEnd: number, p: ProcListEntry): void {
  const has = (n: number) => c.pos + n <= entryEnd;
  // libs before 0.10 wrote the tail without pidns_init_start_ts and tty.
  const pre010 = entryEnd - c.pos <= 29;
  if (!pre010) {
    if (has(8)) p.pidnsInitStartTs = c.u64(); else return;
    if (has(4)) p.tty = c.u32(); else return;
  }
  if (has(4)) p.loginuid = c.u32(); else return;
  if (has(1)) p.exeWritable = c.u8() !== 0; else return;
  if (has(8)) p.capInheritable = c.u64(); else return;
  if (has(8)) p.capPermitted = c.u64(); else return;
  if (has(8)) p.capEffective = c.u64(); else return;
  if (has(1)) p.exeUpperLayer = c.u8() !== 0; else return;
  if (has(8)) p.exeIno = c.u64(); else return;
  if (has(8)) p.exeInoCtime = c.u64(); else return;
  if (has(8)) p.exeInoMtime = c.u64(); else return;
  if (has(1)) p.exeFromMemfd = c.u8() !== 0; else return;
  if (has(1)) p.exeLowerLayer = c.u8() !== 0; else return;
  if (has(8)) p.pgid = c.i64n();
}

/** scap_fd_type values (scap-flags.md §7.1). */
export const FdType = {
  UNKNOWN: 0, FILE: 1, DIRECTORY: 2, IPV4_SOCK: 3, IPV6_SOCK: 4, IPV4_SERVSOCK: 5, IPV6_SERVSOCK: 6,
  FIFO: 7, UNIX_SOCK: 8, EVENT: 9, UNSUPPORTED: 10, SIGNALFD: 11, EVENTPOLL: 12, INOTIFY: 13,
  TIMERFD: 14, NETLINK: 15, FILE_V2: 16, BPF: 17, USERFAULTFD: 18, IOURING: 19, MEMFD: 20, PIDFD: 21,
} as const;
const MAX_FD_TYPE = 21;

export function parseFdList(b: Uint8Array, start: number, end: number, v2: boolean, visit: (fd: FdListEntry) => void): void {
  const c = new ByteCursor(b, start, end);
  const tid = c.i64n();
  while (c.left >= 4) {
    const entryStart = c.pos;
    let entryEnd = end;
    if (v2) {
      const len = c.u32();
      if (len < 4 || entryStart + len > end) throw new Overrun(`fd entry length ${len} does not fit the block`);
      entryEnd = entryStart + len;
      c.end = entryEnd;
    }
    const fd = c.i64n();
    const ino = c.u64();
    let type = c.u8();
    const e: FdListEntry = { tid, fd, ino, type, name: '', openFlags: 0, mountId: 0, dev: 0 };
    switch (type) {
      case FdType.IPV4_SOCK:
        e.sip = c.bytes(4); e.dip = c.bytes(4); e.sport = c.u16(); e.dport = c.u16(); e.l4proto = c.u8(); break;
      case FdType.IPV6_SOCK:
        e.sip = c.bytes(16); e.dip = c.bytes(16); e.sport = c.u16(); e.dport = c.u16(); e.l4proto = c.u8(); break;
      case FdType.IPV4_SERVSOCK:
        e.sip = c.bytes(4); e.sport = c.u16(); e.l4proto = c.u8(); break;
      case FdType.IPV6_SERVSOCK:
        e.sip = c.bytes(16); e.sport = c.u16(); e.l4proto = c.u8(); break;
      case FdType.UNIX_SOCK:
        e.unixSource = c.u64(); e.unixDest = c.u64(); e.name = c.str16(1024); break;
      case FdType.FILE_V2:
        e.openFlags = c.u32(); e.name = c.str16(1024);
        if (v2 && c.pos + 4 <= entryEnd) e.dev = c.u32();
        break;
      case FdType.UNKNOWN:
        break;
      default:
        if (type > MAX_FD_TYPE) {
          // A newer writer's fd type: libscap keeps it as UNSUPPORTED; only v2 can skip its payload.
          if (!v2) throw new Overrun(`fd ${fd} of thread ${tid} has unknown type ${type} (cannot be skipped in an FDL v1 block)`);
          e.name = `unknown-type:[${type}]`;
          type = e.type = FdType.UNSUPPORTED;
          c.pos = entryEnd;
        } else {
          e.name = c.str16(1024);
        }
    }
    if (v2) { c.pos = entryEnd; c.end = end; }
    visit(e);
  }
}

export function parseInterfaces(b: Uint8Array, start: number, end: number, v2: boolean, visit: (i: InterfaceEntry) => void): void {
  const c = new ByteCursor(b, start, end);
  while (c.left >= 4) {
    let entryEnd = end;
    if (v2) {
      const len = c.u32(); // counts the bytes after itself
      if (c.pos + len > end) throw new Overrun(`interface entry length ${len} does not fit the block`);
      entryEnd = c.pos + len;
      c.end = entryEnd;
    }
    const type = c.u16();
    if (type < 1 || type > 4) {
      if (!v2) throw new Overrun(`interface entry of unknown type ${type}`);
      c.pos = entryEnd; c.end = end;
      continue;
    }
    const v6 = type === 2 || type === 4;
    const size = v6 ? 16 : 4;
    const nameLen = c.u16();
    if (nameLen >= 1024) throw new Overrun(`interface name of ${nameLen} bytes`);
    const addr = c.bytes(size), netmask = c.bytes(size), bcast = c.bytes(size);
    const linkspeed = type <= 2 ? c.u64() : undefined;
    const at = c.need(nameLen);
    const i: InterfaceEntry = { name: text(b, at, at + nameLen), family: v6 ? 6 : 4, addr, netmask, bcast };
    if (linkspeed !== undefined) i.linkspeed = linkspeed;
    if (v2) { c.pos = entryEnd; c.end = end; }
    visit(i);
  }
}

export function parseUsers(b: Uint8Array, start: number, end: number, v2: boolean, visitor: CaptureVisitor): void {
  const c = new ByteCursor(b, start, end);
  while (c.left >= 4) {
    const entryStart = c.pos;
    let entryEnd = end;
    if (v2) {
      const len = c.u32();
      if (len < 4 || entryStart + len > end) throw new Overrun(`user entry length ${len} does not fit the block`);
      entryEnd = entryStart + len;
      c.end = entryEnd;
    }
    const type = c.u8();
    if (type === 0) {
      const uid = c.u32(), gid = c.u32();
      const u: UserEntry = { uid, gid, name: c.str16(255), home: c.str16(255), shell: c.str16(255), container: '' };
      if (v2) { c.pos = entryEnd; c.end = end; }
      visitor.onUser?.(u);
    } else {
      const gid = c.u32();
      const g: GroupEntry = { gid, name: c.str16(255), container: '' };
      if (v2) { c.pos = entryEnd; c.end = end; }
      visitor.onGroup?.(g);
    }
  }
}
