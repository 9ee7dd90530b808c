/** One open file descriptor as sinsp models it (sinsp-state.md §1.2), and its type names. */
import { AF_INET, AF_INET6, endpointText, ipText } from './socketAddress';

export const enum FdType {
  Unknown = 0, File = 1, Directory = 2, Ipv4Sock = 3, Ipv6Sock = 4, Ipv4ServSock = 5, Ipv6ServSock = 6,
  Fifo = 7, UnixSock = 8, Event = 9, Unsupported = 10, SignalFd = 11, EventPoll = 12, Inotify = 13,
  TimerFd = 14, Netlink = 15, FileV2 = 16, Bpf = 17, UserFaultFd = 18, IoUring = 19, MemFd = 20, PidFd = 21,
}

export const enum L4 { Unknown = 0, Na = 1, Tcp = 2, Udp = 3, Icmp = 4, Raw = 5 }

export const enum Role { None = 0, Client = 1, Server = 2 }

const TYPE_CHARS = 'ofd4646pueXslitnfburmP';
const TYPE_NAMES = ['<NA>', 'file', 'directory', 'ipv4', 'ipv6', 'ipv4', 'ipv6', 'pipe', 'unix', 'event', '<NA>', 'signalfd',
  'eventpoll', 'inotify', 'timerfd', 'netlink', 'file', 'bpf', 'userfaultfd', 'io_uring', 'memfd', 'pidfd'];
const L4_LETTERS = ['', '', 't', 'u', 'i', 'r'];
const L4_NAMES = ['<NA>', '<NA>', 'tcp', 'udp', 'icmp', 'raw'];

export const O_CLOEXEC = 0x1000;
export const O_DIRECTORY = 0x400;

export class FdInfo {
  type: FdType = FdType.Unknown;
  name = '';
  nameRaw = '';
  openFlags = 0;
  dev = 0;
  ino = 0n;
  mountId = 0;
  fromProcList = false;
  role: Role = Role.None;
  connected = false;
  l4proto: L4 = L4.Unknown;
  /** IP endpoints: 4 or 16 bytes; for server sockets only `sip`/`sport` hold the bound address. */
  sip?: Uint8Array;
  dip?: Uint8Array;
  sport = 0;
  dport = 0;
  unixSource = 0n;
  unixDest = 0n;
  /** pidfd target. */
  pid = 0;
  /** sysdig's syslog decoder is attached (a socket connected to /dev/log). */
  syslog = false;
  /** A /dev/null fd as sysdig tracers see it (state/tracers.ts): 0 undecided, 1 tracer fd, 2 not one. Copied by dup, as sinsp's fd flags are. */
  tracerVerdict = 0;
  /** Moves when an event changes this entry in place (see SystemState.fdEpoch). */
  revision = 0;
  /** A cache slot for a reader deriving values from this fd (the indexer): valid while the state's fdEpoch, this revision and what it noted of the reading thread match. */
  memoEpoch = -1;
  memoRevision = -1;
  memoThread: unknown = undefined;
  memoValue = 0;
  /** The name as fields print it (fields/fdFields.ts), kept with the `name` it was made from. */
  printedNameOf = '';
  printedName = '';

  clone(): FdInfo {
    const c = new FdInfo();
    Object.assign(c, this);
    c.memoEpoch = -1;
    c.memoRevision = -1;
    c.memoThread = undefined;
    return c;
  }

  get isSocket(): boolean {
    return this.type === FdType.Ipv4Sock || this.type === FdType.Ipv6Sock || this.type === FdType.Ipv4ServSock
      || this.type === FdType.Ipv6ServSock || this.type === FdType.UnixSock;
  }
  get isIp(): boolean {
    return this.type >= FdType.Ipv4Sock && this.type <= FdType.Ipv6ServSock;
  }
  get isServerSocket(): boolean {
    return this.type === FdType.Ipv4ServSock || this.type === FdType.Ipv6ServSock;
  }
  get family(): number {
    return this.type === FdType.Ipv4Sock || this.type === FdType.Ipv4ServSock ? AF_INET : AF_INET6;
  }

  /** `fd.typechar`. */
  get typeChar(): string {
    return TYPE_CHARS[this.type] ?? '?';
  }
  /** `fd.type`. */
  get typeName(): string {
    return TYPE_NAMES[this.type] ?? '<NA>';
  }
  /** The protocol sinsp reports: servers always; connected sockets only once they have a role (raw always). */
  get effectiveL4(): L4 {
    if (this.isServerSocket) return this.l4proto;
    if (this.type !== FdType.Ipv4Sock && this.type !== FdType.Ipv6Sock) return L4.Na;
    if (this.l4proto === L4.Raw) return L4.Raw;
    return this.role === Role.None ? L4.Na : this.l4proto;
  }
  /** The l4 letter shown after the type char in event output (`<4t>`). */
  get l4Letter(): string {
    return L4_LETTERS[this.effectiveL4] ?? '';
  }
  /** `fd.l4proto`. */
  get l4Name(): string {
    return L4_NAMES[this.effectiveL4] ?? '<NA>';
  }

  /** Rebuilds `name` from the socket endpoints (IP sockets only). */
  renameFromEndpoints(): void {
    if (this.isServerSocket) this.name = endpointText(this.sip, this.sport);
    else if (this.isIp) {
      if (this.l4proto === L4.Icmp || this.l4proto === L4.Raw) this.name = `${this.sip ? ipText(this.sip) : '0.0.0.0'}->${this.dip ? ipText(this.dip) : '0.0.0.0'}`;
      else this.name = `${endpointText(this.sip, this.sport)}->${endpointText(this.dip, this.dport)}`;
    }
  }

  swapEndpoints(): void {
    const ip = this.sip; this.sip = this.dip; this.dip = ip;
    const p = this.sport; this.sport = this.dport; this.dport = p;
  }
}

export type FdTable = Map<number, FdInfo>;
