/**
 * What the renderer needs to know about the capture's state, answered by the state engine.
 *
 * Every method is asked about the thread of the event being rendered (the engine binds the
 * lookup to that thread before calling), except `threadComm`, which takes any tid. A lookup
 * whose `threadKnown` is false makes the renderer behave as sysdig does for an event of an
 * unknown thread: fds print as bare numbers, relative paths stay unresolved.
 */

/** One open fd as sysdig shows it in `3(<f>/etc/passwd)`. */
export interface FdDescription {
  /** fd.typechar: 'f', 'd', '4', '6', 'u', 'p', 'e', ... */
  typeChar: string;
  /** For IPv4/IPv6 sockets: 't', 'u', 'i' or 'r' (tcp/udp/icmp/raw); '' otherwise. */
  protoChar: string;
  /** fd.name as sinsp keeps it (path, tuple, ...). */
  name: string;
}

export interface FormatLookup {
  /** Whether the event's thread is in the thread table. */
  readonly threadKnown: boolean;
  /** The event thread's fd, or undefined when the table has no such fd. */
  fd(fd: number): FdDescription | undefined;
  /** The event thread's working directory, ending in '/', as sinsp keeps it. */
  cwd(): string;
  /** Path of a directory fd of the event's thread (for *at syscalls), '' when unknown. */
  dirFdPath(fd: number): string;
  /**
   * comm of any thread (PID parameters), undefined when unknown. sysdig renders after the
   * event has updated the state, so a clone exit's `res` already names the new child.
   */
  threadComm(tid: number): string | undefined;
  /**
   * User / group name (UID/GID parameters), undefined when unknown. sysdig 0.29.3 looks these
   * up in the host's user/group list even for threads inside containers.
   */
  userName(uid: number): string | undefined;
  groupName(gid: number): string | undefined;
  /**
   * fd.name of the fd the event operates on (for an exit: the one its enter event named).
   * Optional: without it the syslog decoder's `%evt.info` (writes to /dev/log) is not shown.
   */
  eventFdName?(): string | undefined;
}

/** A lookup that knows nothing: renders numbers only, as for an event of an unknown thread. */
export const noStateLookup: FormatLookup = {
  threadKnown: false,
  fd: () => undefined,
  cwd: () => '',
  dirFdPath: () => '',
  threadComm: () => undefined,
  userName: () => undefined,
  groupName: () => undefined,
};
