/** `user.*` and `group.*` fields: the event thread's uid/gid and their names. */
import type { EventContext } from '../inspector/eventContext';
import { noArg, numberField, stringField, type FieldFactory } from './fieldTypes';

// sysdig 0.29.3 names users from the host's user list only (container users came later).
const HOST = '';

/**
 * sysdig 0.29.3 reads group.gid as 64 bits from a 32-bit gid, so the next word of its thread
 * record shows in the high half: the count of the process's other threads on a main thread,
 * 0 on any other thread (e.g. 12884902888 = 3 << 32 | 1000). Filters compare that number too.
 */
function groupGid029(c: EventContext): bigint | undefined {
  const t = c.es.thread;
  if (!t) return undefined;
  let others = 0;
  if (t.tid === t.pid) {
    for (const o of c.state.threads.values()) if (o.pid === t.pid && o !== t) others++;
  }
  return (BigInt(others) << 32n) | BigInt(t.gid >>> 0);
}

export const USER_FIELDS: Record<string, FieldFactory> = {
  'user.uid': noArg(() => numberField('UINT32', (c) => c.es.thread?.uid)),
  'user.name': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.name : undefined; })),
  'user.homedir': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.home : undefined; })),
  'user.shell': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.shell : undefined; })),
  'user.loginuid': noArg(() => numberField('INT64', (c) => { const t = c.es.thread; return t ? (t.loginuid === 0xffffffff ? -1 : t.loginuid) : undefined; })),
  'user.loginname': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.loginuid, HOST)?.name : undefined; })),
  'group.gid': noArg(() => numberField('UINT64', groupGid029)),
  'group.name': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.group(t.gid, HOST)?.name : undefined; })),
};
