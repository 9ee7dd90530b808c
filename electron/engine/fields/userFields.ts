/** `user.*` and `group.*` fields: the event thread's uid/gid and their names. */
import type { EventContext } from '../inspector/eventContext';
import { noArg, numberField, stringField, type FieldFactory } from './fieldTypes';

// sysdig 0.29.3 names users from the host's user list only (container users came later).
const HOST = '';

export const USER_FIELDS: Record<string, FieldFactory> = {
  'user.uid': noArg(() => numberField('UINT32', (c) => c.es.thread?.uid)),
  'user.name': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.name : undefined; })),
  'user.homedir': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.home : undefined; })),
  'user.shell': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.uid, HOST)?.shell : undefined; })),
  'user.loginuid': noArg(() => numberField('INT64', (c) => { const t = c.es.thread; return t ? (t.loginuid === 0xffffffff ? -1 : t.loginuid) : undefined; })),
  'user.loginname': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.user(t.loginuid, HOST)?.name : undefined; })),
  // Deliberately not sysdig 0.29.3's value: it reads the 32-bit gid as 64 bits and shows the
  // next word of its thread record in the high half (12884902888 for gid 1000); see
  // docs/sysdig-differences.md. A gid is what an engineer filters on.
  'group.gid': noArg(() => numberField('UINT64', (c) => c.es.thread?.gid)),
  'group.name': noArg(() => stringField((c) => { const t = c.es.thread; return t ? c.state.users.group(t.gid, HOST)?.name : undefined; })),
};
