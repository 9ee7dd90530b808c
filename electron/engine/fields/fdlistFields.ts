/**
 * `fdlist.*` fields: the fds a poll/ppoll event waits on, each looked up in the thread's table,
 * as comma-separated lists (sysdig 0.29.3's rules: an fd without the asked-for value adds
 * nothing, names print `<NA>` for unknown fds, an empty list has no value).
 */
import { bytesParam } from '../state/eventParams';
import { FdType, type FdInfo } from '../state/fdInfo';
import { ipText } from '../state/socketAddress';
import { paramIndexByName } from '../format/index';
import type { EventContext } from '../inspector/eventContext';
import { noArg, stringField, type FieldFactory } from './fieldTypes';

const POLL_EVENTS = new Set([80, 81, 254, 255]);
/** Bytes per entry of an FDLIST parameter: a 64-bit fd and 16-bit flags. */
const ENTRY_BYTES = 10;

type Pick = (fd: number, info: FdInfo | undefined) => string | undefined;

function fdList(pick: Pick): FieldFactory {
  return noArg(() => stringField((ctx: EventContext) => {
    if (!POLL_EVENTS.has(ctx.ev.type)) return undefined;
    const t = ctx.es.thread;
    if (!t) return undefined;
    const i = paramIndexByName(ctx.ev, 'fds');
    const data = i < 0 ? undefined : bytesParam(ctx.ev, i);
    if (!data || data.length < 2) return undefined;
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const count = view.getUint16(0, true);
    const parts: string[] = [];
    for (let k = 0, pos = 2; k < count && pos + 8 <= data.length; k++, pos += ENTRY_BYTES) {
      const fd = Number(view.getBigInt64(pos, true));
      const v = pick(fd, ctx.state.fdOf(t, fd));
      if (v !== undefined) parts.push(v);
    }
    const text = parts.join(',');
    return text === '' ? undefined : text;
  }));
}

const connected = (info: FdInfo | undefined): boolean => info !== undefined && (info.type === FdType.Ipv4Sock || info.type === FdType.Ipv6Sock);
/** An endpoint sinsp never filled in is all zeros. */
const ip = (v: Uint8Array | undefined, v4 = true): string => (v ? ipText(v) : v4 ? '0.0.0.0' : '::');

export const FDLIST_FIELDS: Record<string, FieldFactory> = {
  'fdlist.nums': fdList((fd) => String(fd)),
  'fdlist.names': fdList((_fd, info) => (info && info.name !== '' ? info.name : '<NA>')),
  'fdlist.cips': fdList((_fd, info) => (connected(info) ? ip(info!.sip, info!.type === FdType.Ipv4Sock) : undefined)),
  // A server socket's address too; sysdig 0.29.3 prints an IPv6 one as if it were IPv4 (its first 4 bytes).
  'fdlist.sips': fdList((_fd, info) => {
    if (!info) return undefined;
    if (connected(info)) return ip(info.dip, info.type === FdType.Ipv4Sock);
    if (info.type === FdType.Ipv4ServSock) return ip(info.sip);
    if (info.type === FdType.Ipv6ServSock) return info.sip ? ipText(info.sip.subarray(0, 4)) : undefined;
    return undefined;
  }),
  'fdlist.cports': fdList((_fd, info) => (connected(info) ? String(info!.sport) : undefined)),
  'fdlist.sports': fdList((_fd, info) => (connected(info) ? String(info!.dport) : undefined)),
};
