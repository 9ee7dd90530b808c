/**
 * One parameter's text, as libsinsp 0.1.1 (sysdig 0.29.3) renders it: a raw part (`3`, `-2`,
 * `4097`) and an optional resolved part (`<f>/etc/passwd`, `ENOENT`, `O_RDONLY|O_CLOEXEC`).
 * `%evt.args` shows `raw(resolved)`, `%evt.arg.NAME` shows the resolved part when there is one.
 */
import { ParamType as T, type ParamInfo } from '../../../shared/scap/eventTable';
import { errnoName } from '../../../shared/scap/errno';
import { signalName } from '../../../shared/scap/signals';
import { syscallName } from '../../../shared/scap/syscalls';
import type { CaptureEvent } from '../capture/types';
import type { FormatLookup } from './lookup';
import { formatInteger, i16, i32, i64, u16, u32, u64 } from './numbers';
import { flagNames, flagTable } from './flagNames';
import { renderBuffer, type BufferFormat, DEFAULT_MAX_BUFFER_CHARS } from './buffers';
import { sockaddrText, socktupleText } from './addresses';
import { cstring, sanitizeText, sanitizedCstring } from './text';
import { resolvePath } from './paths';
import type { LayoutEra } from './layouts';
import { formatShortestDouble } from '../../../shared/format/numbers';

export interface RenderOptions {
  /** How BYTEBUF parameters print (sysdig -A / -x / -X / -b). Default 'normal'. */
  bufferFormat?: BufferFormat;
  /** Cut for 'normal' buffers (sysdig: 80). 0 = never cut. */
  maxBufferChars?: number;
  /** Which event table names and types parameters (and which flag names exist). Default 'sysdig-0.29'. */
  layout?: LayoutEra;
}

/** Output slots, reused across calls to avoid allocating on every parameter. */
export interface ParamText { raw: string; resolved: string }

const AT_FDCWD = -100;
const PPM_SC_MAX_029 = 329;

/** Sub-parameter types of PT_DYN tables (scap-flags.md, "Dynamic-parameter sub-tables"). */
const DYN_TABLES: Record<string, readonly number[]> = {
  sockopt_dynamic_param: [T.BYTEBUF, T.ERRNO, T.UINT32, T.UINT64, T.RELTIME],
  ptrace_dynamic_param: [T.UINT64, T.SIGTYPE],
  bpf_dynamic_param: [T.FD, T.ERRNO],
  keyctl_dynamic_param: [T.INT64, T.CHARBUF],
};

const FIXED_SIZE: Partial<Record<number, number>> = {
  [T.INT8]: 1, [T.UINT8]: 1, [T.SIGTYPE]: 1, [T.FLAGS8]: 1, [T.ENUMFLAGS8]: 1,
  [T.INT16]: 2, [T.UINT16]: 2, [T.SYSCALLID]: 2, [T.FLAGS16]: 2, [T.ENUMFLAGS16]: 2,
  [T.INT32]: 4, [T.UINT32]: 4, [T.FLAGS32]: 4, [T.ENUMFLAGS32]: 4, [T.UID]: 4, [T.GID]: 4,
  [T.SIGSET]: 4, [T.MODE]: 4, [T.FD32]: 4, [T.PID32]: 4,
  [T.INT64]: 8, [T.UINT64]: 8, [T.ERRNO]: 8, [T.FD]: 8, [T.PID]: 8, [T.RELTIME]: 8, [T.ABSTIME]: 8,
};

/** Text of an fd value; the resolved part needs the thread's fd table. */
export function renderFd(fd: number | bigint, lookup: FormatLookup, out: ParamText): void {
  out.raw = String(fd);
  out.resolved = '';
  if (!lookup.threadKnown) return;
  const n = Number(fd);
  if (n >= 0) {
    const f = lookup.fd(n);
    if (f) out.resolved = `<${f.typeChar}${f.protoChar}>${sanitizeText(f.name)}`;
  } else if (n === AT_FDCWD) out.resolved = 'AT_FDCWD';
  else out.resolved = errnoName(Number(BigInt.asIntN(32, BigInt(fd)))) ?? '';
}

function renderFdList(d: Uint8Array, o: number, len: number, lookup: FormatLookup): string {
  if (len < 2) return '';
  const n = u16(d, o);
  let s = '';
  for (let k = 0, p = o + 2; k < n && p + 10 <= o + len; k++, p += 10) {
    const fd = i64(d, p);
    const f = lookup.fd(Number(fd));
    const unsignedFd = typeof fd === 'bigint' || fd < 0 ? BigInt.asUintN(64, BigInt(fd)).toString() : String(fd);
    s += `${k > 0 ? ' ' : ''}${unsignedFd}:${f ? f.typeChar : '?'}${(i16(d, p + 8) >>> 0).toString(16)}`;
  }
  return s;
}

function sigsetNames(v: number): string {
  let s = '';
  for (let sig = 0; sig < 32; sig++) {
    if (v & (1 << sig)) {
      const name = signalName(sig + 1);
      if (name !== undefined) s += (s === '' ? '' : ' ') + name;
    }
  }
  return s;
}

function pathBase(ev: CaptureEvent, p: ParamInfo, params: readonly ParamInfo[], lookup: FormatLookup): string {
  if (p.type !== T.FSRELPATH || p.dirfdParam === undefined) return lookup.cwd();
  const dp = params[p.dirfdParam];
  if (!dp || dp.type !== T.FD || p.dirfdParam >= ev.nparams || ev.paramLength[p.dirfdParam] !== 8) return lookup.cwd();
  const dirfd = Number(i64(ev.data, ev.paramOffset[p.dirfdParam]));
  if (dirfd === AT_FDCWD) return lookup.cwd();
  const base = lookup.dirFdPath(dirfd);
  return base === '' ? '' : sanitizeText(base) + '/';
}

/**
 * Renders parameter i of `ev`, described by `params[i]` (the event's layout), into `out`.
 * An empty parameter of a fixed-size type (a value the capture does not have) prints `<NA>`.
 */
export function renderParamText(
  ev: CaptureEvent, i: number, params: readonly ParamInfo[], lookup: FormatLookup,
  options: RenderOptions, out: ParamText,
): void {
  out.raw = '';
  out.resolved = '';
  const outer = params[i];
  if (outer === undefined || i >= ev.nparams) { out.raw = '(n.a.)'; return; }
  const d = ev.data;
  let o = ev.paramOffset[i];
  let len = ev.paramLength[i];
  let type = outer.type;
  const fmt = outer.format;

  if (type === T.DYN && outer.dynTable !== undefined && len !== 0) {
    const sub = DYN_TABLES[outer.dynTable];
    const idx = d[o];
    if (sub !== undefined && idx < sub.length) { type = sub[idx]; o++; len--; }
  }

  const size = FIXED_SIZE[type];
  if (size !== undefined && len < size) { out.raw = '<NA>'; return; }

  switch (type) {
    case T.INT8: out.raw = formatInteger((d[o] << 24) >> 24, 32, fmt); return;
    case T.INT16: out.raw = formatInteger(i16(d, o), 32, fmt); return;
    case T.INT32: out.raw = formatInteger(i32(d, o), 32, fmt); return;
    case T.INT64: out.raw = formatInteger(i64(d, o), 64, fmt); return;
    case T.UINT8: out.raw = formatInteger(d[o], 32, fmt); return;
    case T.UINT16: out.raw = formatInteger(u16(d, o), 32, fmt); return;
    case T.UINT32: out.raw = formatInteger(u32(d, o), 32, fmt); return;
    case T.UINT64: out.raw = formatInteger(u64(d, o), 64, fmt); return;
    case T.FD: renderFd(i64(d, o), lookup, out); return;
    case T.FD32: renderFd(i32(d, o), lookup, out); return;
    case T.PID: case T.PID32: {
      const pid = type === T.PID ? i64(d, o) : i32(d, o);
      out.raw = String(pid);
      out.resolved = lookup.threadComm(Number(pid)) ?? '';
      return;
    }
    case T.ERRNO: {
      const v = i64(d, o);
      out.raw = String(v);
      if (v < 0) out.resolved = errnoName(Number(BigInt.asIntN(32, BigInt(v)))) ?? '';
      return;
    }
    case T.CHARBUF: out.raw = cstring(d, o, o + len); return;
    case T.FSPATH: case T.FSRELPATH: {
      out.raw = sanitizedCstring(d, o, o + len);
      if (lookup.threadKnown && len > 0 && !(len >= 4 && d[o] === 0x3c && d[o + 1] === 0x4e && d[o + 2] === 0x41 && d[o + 3] === 0x3e)) {
        out.resolved = resolvePath(pathBase(ev, outer, params, lookup), d.subarray(o, o + len), len);
      }
      return;
    }
    case T.BYTEBUF:
      out.raw = renderBuffer(d, o, o + len, options.bufferFormat ?? 'normal', options.maxBufferChars ?? DEFAULT_MAX_BUFFER_CHARS);
      return;
    case T.SOCKADDR: out.raw = sockaddrText(d, o, len); return;
    case T.SOCKTUPLE: out.raw = socktupleText(d, o, len); return;
    case T.FDLIST: out.raw = lookup.threadKnown ? renderFdList(d, o, len, lookup) : ''; return;
    case T.SYSCALLID: {
      const sc = u16(d, o);
      if (sc >= PPM_SC_MAX_029) { out.raw = '<unknown syscall>'; return; }
      out.raw = String(sc);
      out.resolved = syscallName(sc, 'sysdig-0.29') ?? '';
      return;
    }
    case T.SIGTYPE: out.raw = String(d[o]); out.resolved = signalName(d[o]) ?? ''; return;
    case T.RELTIME: {
      const v = u64(d, o);
      if (typeof v === 'bigint' && v === 0xffffffffffffffffn) { out.raw = 'none'; return; }
      out.raw = String(v);
      out.resolved = formatShortestDouble(Number(v) / 1e9) + 's';
      return;
    }
    case T.FLAGS8: case T.FLAGS16: case T.FLAGS32:
    case T.ENUMFLAGS8: case T.ENUMFLAGS16: case T.ENUMFLAGS32: {
      const v = size === 1 ? d[o] : size === 2 ? u16(d, o) : u32(d, o);
      out.raw = String(v);
      out.resolved = flagNames(v, flagTable(outer.table, options.layout));
      return;
    }
    case T.MODE: {
      const v = u32(d, o);
      out.raw = formatInteger(v, 32, fmt);
      out.resolved = flagNames(v, flagTable(outer.table, options.layout));
      return;
    }
    case T.UID: case T.GID: {
      const v = u32(d, o);
      if (v === 0xffffffff) { out.raw = '-1'; out.resolved = '<NONE>'; return; }
      out.raw = String(v | 0);
      out.resolved = sanitizeText((type === T.UID ? lookup.userName(v) : lookup.groupName(v)) ?? '<NA>');
      return;
    }
    case T.SIGSET: out.raw = sigsetNames(u32(d, o)); return;
    case T.ABSTIME: case T.DYN: out.raw = 'INVALID DYNAMIC PARAMETER'; return;
    default: out.raw = '(n.a.)';
  }
}
