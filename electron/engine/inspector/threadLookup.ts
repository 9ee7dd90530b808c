/** The formatter's FormatLookup answered from the state engine, bound to one event's thread. */
import type { FdDescription, FormatLookup } from '../format/lookup';
import type { SystemState } from '../state/systemState';
import type { ThreadInfo } from '../state/threadInfo';

export class ThreadLookup implements FormatLookup {
  thread: ThreadInfo | undefined;
  private readonly desc: FdDescription = { typeChar: '', protoChar: '', name: '' };

  constructor(private readonly state: SystemState) {}

  get threadKnown(): boolean {
    return this.thread !== undefined;
  }

  fd(fd: number): FdDescription | undefined {
    const t = this.thread;
    if (!t) return undefined;
    const info = this.state.fdOf(t, fd);
    if (!info) return undefined;
    this.desc.typeChar = info.typeChar;
    this.desc.protoChar = info.l4Letter;
    this.desc.name = info.name;
    return this.desc;
  }

  cwd(): string {
    return this.thread ? this.state.cwdOf(this.thread) : '';
  }

  dirFdPath(fd: number): string {
    const t = this.thread;
    if (!t) return '';
    if (fd === -100) return this.state.cwdOf(t);
    return this.state.fdOf(t, fd)?.name ?? '';
  }

  threadComm(tid: number): string | undefined {
    return this.state.threads.get(tid)?.comm;
  }

  // sysdig 0.29.3 names users and groups from the host's lists only.
  userName(uid: number): string | undefined {
    return this.state.users.user(uid, '')?.name;
  }

  groupName(gid: number): string | undefined {
    return this.state.users.group(gid, '')?.name;
  }
}
