/**
 * One thread of the sample story and the system calls it makes. Each call emits the enter and
 * the exit event in the layouts of libs 0.1.1 / sysdig 0.29.3 (event id and parameter count
 * as that version knows them), with the thread's own clock advancing through the call; the
 * newest libs upgrade these layouts with their converter, so both generations read the file.
 */
import type { ProcListEntry } from '../capture/types';
import type { Timeline } from './timeline';
import type { Random } from './random';
import type { Ipv4 } from '../writer/eventEncoder';

export const O = { RDONLY: 1, WRONLY: 2, RDWR: 3, CREAT: 4, APPEND: 8, NONBLOCK: 64, DIRECTORY: 1024, CLOEXEC: 4096 } as const;
export const CLONE = {
  FILES: 0x1, FS: 0x2, NEWIPC: 0x8, NEWNET: 0x10, NEWNS: 0x20, NEWPID: 0x40, NEWUTS: 0x80,
  PARENT_SETTID: 0x200, SIGHAND: 0x800, SYSVSEM: 0x1000, THREAD: 0x2000, VM: 0x8000,
  CHILD_CLEARTID: 0x800000, CHILD_SETTID: 0x1000000, SETTLS: 0x2000000, NEWCGROUP: 0x10000000,
} as const;
export const THREAD_CLONE_FLAGS = CLONE.FILES | CLONE.FS | CLONE.SIGHAND | CLONE.SYSVSEM | CLONE.THREAD | CLONE.VM |
  CLONE.PARENT_SETTID | CLONE.CHILD_CLEARTID | CLONE.SETTLS;
export const POLLIN = 1;
const AF_UNIX = 1, AF_INET = 2;
const SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_NONBLOCK = 0x800, SOCK_CLOEXEC = 0x80000;
const ENOENT = -2, EAGAIN = -11;

/** Event ids (the 2022 layouts sysdig 0.29.3 knows). */
const E = {
  SYSCALL_E: 0, SYSCALL_X: 1, OPEN_E: 2, OPEN_X: 3, CLOSE_E: 4, CLOSE_X: 5, READ_E: 6, READ_X: 7, WRITE_E: 8, WRITE_X: 9,
  SOCKET_E: 18, SOCKET_X: 19, BIND_E: 20, BIND_X: 21, CONNECT_E: 22, CONNECT_X: 23,
  LISTEN_E: 24, LISTEN_X: 25, SENDTO_E: 30, SENDTO_X: 31, RECVFROM_E: 34, RECVFROM_X: 35,
  FUTEX_E: 64, FUTEX_X: 65, STAT_E: 66, STAT_X: 67, FSTAT_E: 70, FSTAT_X: 71,
  EPOLL_WAIT_E: 78, EPOLL_WAIT_X: 79, POLL_E: 80, POLL_X: 81, NANOSLEEP_E: 134, NANOSLEEP_X: 135,
  BRK_E: 158, BRK_X: 159, MMAP_E: 160, MMAP_X: 161, PROCEXIT: 186, CLONE_E: 222, CLONE_X: 223,
  DUP_E: 124, DUP_X: 125, SIGNALDELIVER: 232, GETDENTS64_E: 238, GETDENTS64_X: 239, ACCEPT_E: 248, ACCEPT_X: 249,
  CONTAINER: 272, EXECVE_E: 292, EXECVE_X: 293, OPENAT_E: 306, OPENAT_X: 307,
} as const;

/** Syscalls without an event of their own go through the generic event: ppm_sc code and x86-64 number. */
const GENERIC = {
  clock_gettime: [176, 228], getpid: [16, 39], gettid: [140, 186], sched_yield: [99, 24],
} as const;

export const US = 1_000;
export const MS = 1_000_000;
export const SEC = 1_000_000_000;

export type ProcessInfo = Pick<ProcListEntry,
  'pid' | 'ptid' | 'comm' | 'exe' | 'exepath' | 'args' | 'cwd' | 'env' | 'cgroups' | 'uid' | 'gid' |
  'vpid' | 'sid' | 'vpgid' | 'fdlimit' | 'vmsizeKb' | 'vmrssKb' | 'root' | 'loginuid'>;

export class Actor {
  /** The thread's clock, in nanoseconds after the capture start. */
  t = 0;
  /** fd numbers in use in this thread's fd table (shared by the threads of a process). */
  readonly openFds: Set<number>;

  constructor(
    private readonly tl: Timeline,
    private readonly rng: Random,
    readonly tid: number,
    public proc: ProcessInfo,
    readonly cpu: number,
    public vtid: number,
    fds: Iterable<number> = [],
    sharedFds?: Set<number>,
  ) {
    this.openFds = sharedFds ?? new Set(fds);
  }

  /** The process-list entry of this thread as a capture header describes it. */
  entry(): ProcListEntry {
    const p = this.proc;
    return {
      ...p, tid: this.tid, vtid: this.vtid, pgid: p.vpgid, flags: this.tid === p.pid ? 0 : THREAD_CLONE_FLAGS,
      vmswapKb: 0, pfmajor: 0, pfminor: 1200, pidnsInitStartTs: 0n, tty: 0,
      capInheritable: 0n, capPermitted: 0n, capEffective: 0n, exeWritable: false, exeUpperLayer: false,
      exeLowerLayer: false, exeFromMemfd: false, exeIno: 0n, exeInoCtime: 0n, exeInoMtime: 0n,
    };
  }

  at(t: number): this { this.t = Math.max(this.t, t); return this; }
  idle(ns: number): this { this.t += ns; return this; }

  private lowestFreeFd(): number {
    let fd = 0;
    while (this.openFds.has(fd)) fd++;
    return fd;
  }

  /** Emits an enter/exit pair around a call lasting about `dur` ns. */
  private call(dur: number, fillEnter: () => void, fillExit: () => void): void {
    this.t += this.rng.around(2 * US);
    fillEnter();
    this.t += this.rng.around(dur);
    fillExit();
  }

  private enter(type: number) { return this.tl.begin(this.t, this.tid, type); }
  private done(): void { this.tl.end(this.cpu); }

  openat(path: string, flags: number, mode = 0, fail?: number): number {
    const fd = fail ?? this.lowestFreeFd();
    this.call(6 * US,
      () => { this.enter(E.OPENAT_E).fd(-100).path(path).u32(flags).u32(mode); this.done(); },
      () => { this.enter(E.OPENAT_X).fd(fd).fd(-100).path(path).u32(flags).u32(mode).u32(fd >= 0 ? 0x803 : 0); this.done(); });
    if (fd >= 0) this.openFds.add(fd);
    return fd;
  }

  read(fd: number, data: Uint8Array | string, size = 4096, dur = 4 * US): void {
    const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    this.call(dur,
      () => { this.enter(E.READ_E).fd(fd).u32(size); this.done(); },
      () => { const e = this.enter(E.READ_X).errno(n); if (typeof data === 'string') e.text(data); else e.bytes(data); this.done(); });
  }

  /** A read that finds nothing: -EAGAIN on a non-blocking fd. */
  readAgain(fd: number, size = 4096): void {
    this.call(2 * US,
      () => { this.enter(E.READ_E).fd(fd).u32(size); this.done(); },
      () => { this.enter(E.READ_X).errno(EAGAIN).empty(); this.done(); });
  }

  write(fd: number, data: Uint8Array | string, dur = 5 * US): void {
    const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    this.call(dur,
      () => { this.enter(E.WRITE_E).fd(fd).u32(n); this.done(); },
      () => { const e = this.enter(E.WRITE_X).errno(n); if (typeof data === 'string') e.text(data); else e.bytes(data); this.done(); });
  }

  /** dup2(oldfd, newfd) as libs of 2022 record it: the `dup` event with the new fd as result. */
  dup(oldfd: number, newfd: number): void {
    this.call(2 * US,
      () => { this.enter(E.DUP_E).fd(oldfd); this.done(); },
      () => { this.enter(E.DUP_X).fd(newfd); this.done(); });
    this.openFds.add(newfd);
  }

  close(fd: number): void {
    this.call(2 * US,
      () => { this.enter(E.CLOSE_E).fd(fd); this.done(); },
      () => { this.enter(E.CLOSE_X).errno(0); this.done(); });
    this.openFds.delete(fd);
  }

  fstat(fd: number): void {
    this.call(2 * US,
      () => { this.enter(E.FSTAT_E).fd(fd); this.done(); },
      () => { this.enter(E.FSTAT_X).errno(0); this.done(); });
  }

  stat(path: string, exists = true): void {
    this.call(4 * US,
      () => { this.enter(E.STAT_E); this.done(); },
      () => { this.enter(E.STAT_X).errno(exists ? 0 : ENOENT).path(path); this.done(); });
  }

  /** Opens, reads whole and closes a file, as most programs read their configuration. */
  slurp(path: string, content: string): void {
    const fd = this.openat(path, O.RDONLY | O.CLOEXEC);
    this.fstat(fd);
    this.read(fd, content, 4096);
    this.read(fd, '', 4096);
    this.close(fd);
  }

  getdents64(fd: number, res: number): void {
    this.call(8 * US,
      () => { this.enter(E.GETDENTS64_E).fd(fd); this.done(); },
      () => { this.enter(E.GETDENTS64_X).errno(res); this.done(); });
  }

  mmap(length: number, prot: number, flags: number, fd: number, addr: number): void {
    this.call(3 * US,
      () => { this.enter(E.MMAP_E).u64(0).u64(length).u32(prot).u32(flags).fd(fd).u64(0); this.done(); },
      () => {
        this.enter(E.MMAP_X).i64(addr).u32(this.proc.vmsizeKb).u32(this.proc.vmrssKb).u32(0); this.done();
      });
  }

  brk(addr: number): void {
    this.call(2 * US,
      () => { this.enter(E.BRK_E).u64(addr); this.done(); },
      () => { this.enter(E.BRK_X).u64(addr).u32(this.proc.vmsizeKb).u32(this.proc.vmrssKb).u32(0); this.done(); });
  }

  socket(domain: 'inet-dgram' | 'inet-stream' | 'unix-stream'): number {
    const fd = this.lowestFreeFd();
    const [family, type] = domain === 'inet-dgram' ? [AF_INET, SOCK_DGRAM] : domain === 'inet-stream' ? [AF_INET, SOCK_STREAM] : [AF_UNIX, SOCK_STREAM];
    this.call(5 * US,
      () => { this.enter(E.SOCKET_E).u32(family).u32(type | SOCK_NONBLOCK | SOCK_CLOEXEC).u32(0); this.done(); },
      () => { this.enter(E.SOCKET_X).fd(fd); this.done(); });
    this.openFds.add(fd);
    return fd;
  }

  connect(fd: number, local: Ipv4, localPort: number, remote: Ipv4, remotePort: number): void {
    this.call(12 * US,
      () => { this.enter(E.CONNECT_E).fd(fd).sockaddr4(remote, remotePort); this.done(); },
      () => { this.enter(E.CONNECT_X).errno(0).tuple4(local, localPort, remote, remotePort); this.done(); });
  }

  bind(fd: number, ip: Ipv4, port: number): void {
    this.call(6 * US,
      () => { this.enter(E.BIND_E).fd(fd); this.done(); },
      () => { this.enter(E.BIND_X).errno(0).sockaddr4(ip, port); this.done(); });
  }

  listen(fd: number, backlog: number): void {
    this.call(4 * US,
      () => { this.enter(E.LISTEN_E).fd(fd).u32(backlog); this.done(); },
      () => { this.enter(E.LISTEN_X).errno(0); this.done(); });
  }

  /** accept4 on a listening socket: the new fd, the peer first in the tuple (inbound). */
  accept(peer: Ipv4, peerPort: number, local: Ipv4, localPort: number): number {
    const fd = this.lowestFreeFd();
    this.call(9 * US,
      () => { this.enter(E.ACCEPT_E).i32(SOCK_CLOEXEC); this.done(); },
      () => { this.enter(E.ACCEPT_X).fd(fd).tuple4(peer, peerPort, local, localPort).u8(0).u32(0).u32(128); this.done(); });
    this.openFds.add(fd);
    return fd;
  }

  sendto(fd: number, data: Uint8Array | string, local: Ipv4, localPort: number, remote: Ipv4, remotePort: number): void {
    const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    this.call(14 * US,
      () => { this.enter(E.SENDTO_E).fd(fd).u32(n).tuple4(local, localPort, remote, remotePort); this.done(); },
      () => { const e = this.enter(E.SENDTO_X).errno(n); if (typeof data === 'string') e.text(data); else e.bytes(data); this.done(); });
  }

  recvfrom(fd: number, data: Uint8Array | string, remote: Ipv4, remotePort: number, local: Ipv4, localPort: number, size = 2048): void {
    this.call(6 * US,
      () => { this.enter(E.RECVFROM_E).fd(fd).u32(size); this.done(); },
      () => {
        const n = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
        const e = this.enter(E.RECVFROM_X).errno(n);
        if (typeof data === 'string') e.text(data); else e.bytes(data);
        e.tuple4(remote, remotePort, local, localPort);
        this.done();
      });
  }

  /** poll on fds for up to timeoutMs; `wait` ns pass before it returns `ready` fds. */
  poll(fds: readonly number[], timeoutMs: number, wait: number, ready: readonly number[]): void {
    this.call(wait,
      () => { this.enter(E.POLL_E).fdlist(fds.map((f) => [f, POLLIN] as const)).i64(timeoutMs); this.done(); },
      () => { this.enter(E.POLL_X).errno(ready.length).fdlist(ready.map((f) => [f, POLLIN] as const)); this.done(); });
  }

  epollWait(maxEvents: number, wait: number, ready: number): void {
    this.call(wait,
      () => { this.enter(E.EPOLL_WAIT_E).errno(maxEvents); this.done(); },
      () => { this.enter(E.EPOLL_WAIT_X).errno(ready); this.done(); });
  }

  futexWait(addr: number, wait: number, timedOut = false): void {
    this.call(wait,
      () => { this.enter(E.FUTEX_E).u64(addr).u16(0x80).u64(0); this.done(); },
      () => { this.enter(E.FUTEX_X).errno(timedOut ? -110 : 0); this.done(); });
  }

  futexWake(addr: number, woken: number): void {
    this.call(3 * US,
      () => { this.enter(E.FUTEX_E).u64(addr).u16(0x81).u64(1); this.done(); },
      () => { this.enter(E.FUTEX_X).errno(woken); this.done(); });
  }

  /** A syscall sysdig records with the generic `syscall` event (shown under its own name). */
  generic(name: keyof typeof GENERIC): void {
    const [sc, native] = GENERIC[name];
    this.call(700,
      () => { this.enter(E.SYSCALL_E).u16(sc).u16(native); this.done(); },
      () => { this.enter(E.SYSCALL_X).u16(sc); this.done(); });
  }

  nanosleep(ns: number): void {
    this.call(ns,
      () => { this.enter(E.NANOSLEEP_E).u64(ns); this.done(); },
      () => { this.enter(E.NANOSLEEP_X).errno(0); this.done(); });
  }

  /**
   * fork/clone of a new process or thread: the parent's exit event (res = child tid) and the
   * child's own (res = 0). Returns the child actor, whose clock starts just after the clone.
   */
  clone(childTid: number, flags: number, child: { vtid?: number; vpid?: number; cpu: number; fds?: Iterable<number> }): Actor {
    const isThread = (flags & CLONE.THREAD) !== 0;
    const vtid = child.vtid ?? childTid;
    const childProc: ProcessInfo = isThread ? this.proc
      : { ...this.proc, pid: childTid, ptid: this.proc.pid, vpid: child.vpid ?? childTid, vpgid: (flags & CLONE.NEWPID) ? 1 : this.proc.vpgid };
    const c = new Actor(this.tl, this.rng, childTid, childProc, child.cpu, vtid, child.fds ?? this.openFds, isThread ? this.openFds : undefined);
    this.call(40 * US,
      () => { this.enter(E.CLONE_E); this.done(); },
      () => { this.cloneExit(childTid, this.tid, this.proc, this.vtid, flags); });
    c.t = this.t - 10 * US;
    c.cloneExit(0, childTid, childProc, vtid, flags);
    return c;
  }

  private cloneExit(res: number, tid: number, p: ProcessInfo, vtid: number, flags: number): void {
    const ptid = tid === p.pid ? p.ptid : p.pid;
    this.enter(E.CLONE_X).pid(res).str(p.exe).list(p.args).pid(tid).pid(p.pid).pid(ptid).str(p.cwd).i64(p.fdlimit)
      .u64(0).u64(this.rng.int(100, 900)).u32(p.vmsizeKb).u32(p.vmrssKb).u32(0)
      .str(p.comm).list(p.cgroups).u32(flags).u32(p.uid).u32(p.gid).pid(vtid).pid(p.vpid);
    this.done();
  }

  /** A successful execve: the thread becomes `next` (same pid, new image, maybe new cgroups). */
  execve(filename: string, next: Partial<ProcessInfo> & Pick<ProcessInfo, 'comm' | 'exe' | 'exepath' | 'args'>): void {
    this.call(300 * US,
      () => { this.enter(E.EXECVE_E).path(filename); this.done(); },
      () => {
        this.proc = { ...this.proc, ...next };
        const p = this.proc;
        this.enter(E.EXECVE_X).errno(0).str(p.exe).list(p.args).pid(this.tid).pid(p.pid).pid(p.ptid).str(p.cwd)
          .u64(p.fdlimit).u64(0).u64(this.rng.int(20, 90)).u32(p.vmsizeKb).u32(p.vmrssKb).u32(0)
          .str(p.comm).list(p.cgroups).list(p.env).i32(0).pid(p.vpgid).i32(p.loginuid | 0).u32(0);
        this.done();
      });
  }

  /** The thread ends: procexit with the wait status (exit code << 8, or the signal). */
  exit(code: number, signal = 0): void {
    this.t += this.rng.around(20 * US);
    this.enter(E.PROCEXIT).errno(signal ? signal : code << 8).errno(code).u8(signal).u8(0);
    this.done();
  }

  /** A signal delivered to this thread (e.g. SIGCHLD to a parent whose child exited). */
  signal(fromPid: number, sig: number): void {
    this.t += this.rng.around(5 * US);
    this.enter(E.SIGNALDELIVER).pid(fromPid).pid(this.tid).u8(sig);
    this.done();
  }

  /** The container metadata event (a meta event: no thread). */
  static containerEvent(tl: Timeline, t: number, json: string): void {
    tl.begin(t, -1, E.CONTAINER).str(json);
    tl.end(0);
  }
}
