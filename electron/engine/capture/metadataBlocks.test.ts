import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCapture } from './readCapture';
import { BlockType } from './blockTypes';
import { FdType } from './metadataBlocks';
import type { FdListEntry, GroupEntry, InterfaceEntry, ProcListEntry, UserEntry } from './types';
import { block, capture, le16, le32, le64, str16, tempCapture } from './testCapture';

async function read(...blocks: Buffer[]) {
  const procs: ProcListEntry[] = [], fds: FdListEntry[] = [], ifs: InterfaceEntry[] = [], users: UserEntry[] = [], groups: GroupEntry[] = [];
  const summary = await readCapture(tempCapture(capture(...blocks)), {
    onProcess: (p) => procs.push(p), onFd: (f) => fds.push(f), onInterface: (i) => ifs.push(i),
    onUser: (u) => users.push(u), onGroup: (g) => groups.push(g),
  });
  return { procs, fds, ifs, users, groups, summary };
}

const PL_IDS = [0, BlockType.PROC_LIST_V1, BlockType.PROC_LIST_V2, BlockType.PROC_LIST_V3, BlockType.PROC_LIST_V4, BlockType.PROC_LIST_V5,
  BlockType.PROC_LIST_V6, BlockType.PROC_LIST_V7, BlockType.PROC_LIST_V8, BlockType.PROC_LIST_V9];

/** One process entry in the layout of block version v (fields in file order, §6.1). */
function procEntry(v: number, tail: Buffer = Buffer.alloc(0)): Buffer {
  const f: Buffer[] = [le64(1234), le64(1200), le64(1)];
  if (v >= 6) f.push(le64(1100));
  if (v >= 8) f.push(le64(1150));
  f.push(str16('bash'), str16('/bin/bash'));
  if (v >= 7) f.push(str16('/usr/bin/bash'));
  f.push(str16('-c\0echo hi\0'), str16('/home/me/'), le64(1024), le32(0x10), le32(1000), le32(100));
  if (v >= 2) f.push(le32(2048), le32(512), le32(0), le64(3), le64(77));
  if (v >= 3) f.push(str16('HOME=/home/me\0TERM=xterm'));
  if (v >= 4) f.push(le64(1), le64(1), str16('cpu=/docker/abc\0memory=/docker/abc\0'));
  if (v >= 5) f.push(str16('/'));
  f.push(tail);
  const body = Buffer.concat(f);
  return v >= 9 ? Buffer.concat([le32(body.length + 4), body]) : body;
}

test('process-list entries of every block version give the fields that version has', async () => {
  for (let v = 1; v <= 9; v++) {
    const { procs } = await read(block(PL_IDS[v], Buffer.concat([procEntry(v), procEntry(v)])));
    assert.equal(procs.length, 2, `PL v${v}`);
    const p = procs[0];
    assert.equal(p.tid, 1234); assert.equal(p.pid, 1200); assert.equal(p.ptid, 1);
    assert.equal(p.comm, 'bash'); assert.equal(p.exe, '/bin/bash');
    assert.deepEqual(p.args, ['-c', 'echo hi']);
    assert.equal(p.cwd, '/home/me/'); assert.equal(p.fdlimit, 1024); assert.equal(p.uid, 1000); assert.equal(p.gid, 100);
    assert.equal(p.sid, v >= 6 ? 1100 : -1, `sid v${v}`);
    assert.equal(p.vpgid, v >= 8 ? 1150 : -1, `vpgid v${v}`);
    assert.equal(p.exepath, v >= 7 ? '/usr/bin/bash' : '');
    assert.equal(p.vmsizeKb, v >= 2 ? 2048 : 0);
    assert.equal(p.pfminor, v >= 2 ? 77 : 0);
    assert.deepEqual(p.env, v >= 3 ? ['HOME=/home/me', 'TERM=xterm'] : []);
    assert.equal(p.vtid, v >= 4 ? 1 : -1);
    assert.deepEqual(p.cgroups, v >= 4 ? ['cpu=/docker/abc', 'memory=/docker/abc'] : []);
    assert.equal(p.root, v >= 5 ? '/' : '');
    assert.equal(p.loginuid, 0xffffffff);
  }
});

test('legacy process-list ids are read like their current ones', async () => {
  const { procs } = await read(block(BlockType.PROC_LIST_V3_LEGACY, procEntry(3)));
  assert.deepEqual(procs[0].env, ['HOME=/home/me', 'TERM=xterm']);
});

test('the v9 optional tail is read field by field as far as the entry goes', async () => {
  const full = Buffer.concat([le64(555n), le32(34816), le32(1000), Buffer.from([1]), le64(1), le64(2), le64(3), Buffer.from([1]),
    le64(99), le64(10), le64(11), Buffer.from([1]), Buffer.from([1]), le64(1200), Buffer.from('future!')]);
  const { procs } = await read(block(BlockType.PROC_LIST_V9, procEntry(9, full)));
  const p = procs[0];
  assert.equal(p.pidnsInitStartTs, 555n); assert.equal(p.tty, 34816); assert.equal(p.loginuid, 1000);
  assert.equal(p.exeWritable, true); assert.equal(p.capInheritable, 1n); assert.equal(p.capPermitted, 2n); assert.equal(p.capEffective, 3n);
  assert.equal(p.exeUpperLayer, true); assert.equal(p.exeIno, 99n); assert.equal(p.exeInoCtime, 10n); assert.equal(p.exeInoMtime, 11n);
  assert.equal(p.exeFromMemfd, true); assert.equal(p.exeLowerLayer, true); assert.equal(p.pgid, 1200);

  // A tail cut after exe_upper_layer (42 bytes): later fields keep their defaults.
  const { procs: short } = await read(block(BlockType.PROC_LIST_V9, procEntry(9, full.subarray(0, 42))));
  assert.equal(short[0].tty, 34816);
  assert.equal(short[0].exeUpperLayer, true);
  assert.equal(short[0].exeIno, 0n);
  assert.equal(short[0].pgid, -1);
});

test('a v9 tail of at most 29 bytes is the pre-0.10 layout without pidns_init_start_ts and tty', async () => {
  const old = Buffer.concat([le32(1000), Buffer.from([0]), le64(7), le64(8), le64(9)]);
  const { procs } = await read(block(BlockType.PROC_LIST_V9, procEntry(9, old)));
  assert.equal(procs[0].pidnsInitStartTs, 0n);
  assert.equal(procs[0].tty, 0);
  assert.equal(procs[0].loginuid, 1000);
  assert.equal(procs[0].capEffective, 9n);
});

test('a malformed process entry gives a warning and the read goes on', async () => {
  const bad = procEntry(5);
  bad.writeUInt16LE(5000, 24); // comm length beyond the limit and the block
  const { procs, summary } = await read(block(BlockType.PROC_LIST_V5, Buffer.concat([procEntry(5), bad])), block(BlockType.PROC_LIST_V5, procEntry(5)));
  assert.equal(procs.length, 2);
  assert.match(summary.warnings[0], /PL_V5 block at offset \d+ is malformed/);
});

/** One fd entry (v1 or v2). */
function fdEntry(v2: boolean, fd: number, type: number, payload: Buffer): Buffer {
  const body = Buffer.concat([le64(fd), le64(4242), Buffer.from([type]), payload]);
  return v2 ? Buffer.concat([le32(body.length + 4), body]) : body;
}
const ip = (...b: number[]) => Buffer.from(b);

function fdPayloads(v2: boolean): Array<[number, Buffer]> {
  const name = str16('/var/log/x');
  return [
    [FdType.FILE, name], [FdType.DIRECTORY, str16('/etc')],
    [FdType.IPV4_SOCK, Buffer.concat([ip(10, 0, 0, 1), ip(10, 0, 0, 2), le16(40000), le16(80), Buffer.from([2])])],
    [FdType.IPV6_SOCK, Buffer.concat([Buffer.alloc(16, 1), Buffer.alloc(16, 2), le16(1), le16(443), Buffer.from([2])])],
    [FdType.IPV4_SERVSOCK, Buffer.concat([ip(0, 0, 0, 0), le16(8080), Buffer.from([2])])],
    [FdType.IPV6_SERVSOCK, Buffer.concat([Buffer.alloc(16), le16(22), Buffer.from([2])])],
    [FdType.FIFO, str16('pipe:[1]')],
    [FdType.UNIX_SOCK, Buffer.concat([le64(0xffff8800n), le64(0), str16('/run/systemd/journal/stdout\n')])],
    ...[FdType.EVENT, FdType.UNSUPPORTED, FdType.SIGNALFD, FdType.EVENTPOLL, FdType.INOTIFY, FdType.TIMERFD, FdType.NETLINK,
      FdType.BPF, FdType.USERFAULTFD, FdType.IOURING, FdType.MEMFD, FdType.PIDFD].map((t): [number, Buffer] => [t, str16(`anon:${t}`)]),
    [FdType.FILE_V2, Buffer.concat([le32(0x401), name, ...(v2 ? [le32(0x801)] : [])])],
  ];
}

test('fd-list entries of every fd type, v1 and v2, give their type-specific data', async () => {
  for (const v2 of [false, true]) {
    const payloads = fdPayloads(v2);
    const body = Buffer.concat([le64(1200), ...payloads.map(([t, p], i) => fdEntry(v2, i, t, p))]);
    const { fds, summary } = await read(block(v2 ? BlockType.FD_LIST_V2 : BlockType.FD_LIST, body));
    assert.deepEqual(summary.warnings, []);
    assert.deepEqual(fds.map((f) => f.type), payloads.map(([t]) => t));
    const byType = new Map(fds.map((f) => [f.type, f]));
    assert.equal(byType.get(FdType.FILE)!.name, '/var/log/x');
    assert.equal(byType.get(FdType.FILE)!.tid, 1200);
    assert.equal(byType.get(FdType.FILE)!.ino, 4242n);
    const v4 = byType.get(FdType.IPV4_SOCK)!;
    assert.deepEqual([...v4.sip!, ...v4.dip!, v4.sport, v4.dport, v4.l4proto], [10, 0, 0, 1, 10, 0, 0, 2, 40000, 80, 2]);
    assert.equal(byType.get(FdType.IPV6_SOCK)!.dport, 443);
    assert.equal(byType.get(FdType.IPV4_SERVSOCK)!.sport, 8080);
    assert.equal(byType.get(FdType.IPV6_SERVSOCK)!.sip!.length, 16);
    const unix = byType.get(FdType.UNIX_SOCK)!;
    assert.equal(unix.unixSource, 0xffff8800n);
    assert.equal(unix.name, '/run/systemd/journal/stdout\n');
    assert.equal(byType.get(FdType.PIDFD)!.name, 'anon:21');
    const f2 = byType.get(FdType.FILE_V2)!;
    assert.equal(f2.openFlags, 0x401);
    assert.equal(f2.dev, v2 ? 0x801 : 0);
  }
});

test('an fd type newer than the table becomes UNSUPPORTED in v2 and spoils only a v1 block', async () => {
  const future = fdEntry(true, 9, 30, Buffer.from('whatever it holds'));
  const { fds } = await read(block(BlockType.FD_LIST_V2, Buffer.concat([le64(1), future, fdEntry(true, 10, FdType.FILE, str16('/a'))])));
  assert.deepEqual(fds.map((f) => [f.fd, f.type, f.name]), [[9, FdType.UNSUPPORTED, 'unknown-type:[30]'], [10, FdType.FILE, '/a']]);
  const { fds: v1, summary } = await read(block(BlockType.FD_LIST, Buffer.concat([le64(1), fdEntry(false, 9, 30, str16('x')), fdEntry(false, 10, FdType.FILE, str16('/a'))])));
  assert.equal(v1.length, 0);
  assert.match(summary.warnings[0], /unknown type 30/);
});

function ifEntry(v2: boolean, type: number, name: string): Buffer {
  const v6 = type === 2 || type === 4;
  const n = v6 ? 16 : 4;
  const body = Buffer.concat([le16(type), le16(name.length), Buffer.alloc(n, 10), Buffer.alloc(n, 255), Buffer.alloc(n, 11),
    ...(type <= 2 ? [le64(1000n)] : []), Buffer.from(name)]);
  return v2 ? Buffer.concat([le32(body.length), body]) : body;
}

test('interface lists v1 and v2 with all four entry types', async () => {
  for (const v2 of [false, true]) {
    const { ifs } = await read(block(v2 ? BlockType.IFACE_LIST_V2 : BlockType.IFACE_LIST,
      Buffer.concat([ifEntry(v2, 1, 'eth0'), ifEntry(v2, 2, 'eth0'), ifEntry(v2, 3, 'lo'), ifEntry(v2, 4, 'lo')])));
    assert.deepEqual(ifs.map((i) => [i.name, i.family, i.addr.length, i.linkspeed]),
      [['eth0', 4, 4, 1000n], ['eth0', 6, 16, 1000n], ['lo', 4, 4, undefined], ['lo', 6, 16, undefined]]);
    assert.deepEqual([...ifs[0].netmask], [255, 255, 255, 255]);
  }
});

function ulEntry(v2: boolean, body: Buffer): Buffer {
  return v2 ? Buffer.concat([le32(body.length + 4), body]) : body;
}

test('user lists v1 and v2 give users and groups', async () => {
  for (const v2 of [false, true]) {
    const user = Buffer.concat([Buffer.from([0]), le32(1000), le32(100), str16('me'), str16('/home/me'), str16('/bin/bash')]);
    const group = Buffer.concat([Buffer.from([1]), le32(100), str16('users')]);
    const { users, groups } = await read(block(v2 ? BlockType.USER_LIST_V2 : BlockType.USER_LIST, Buffer.concat([ulEntry(v2, user), ulEntry(v2, group)])));
    assert.deepEqual(users, [{ uid: 1000, gid: 100, name: 'me', home: '/home/me', shell: '/bin/bash', container: '' }]);
    assert.deepEqual(groups, [{ gid: 100, name: 'users', container: '' }]);
  }
});

test('legacy (pre-release) ids of fd, interface and user lists are read like v1', async () => {
  const { fds, ifs, users, groups } = await read(
    block(BlockType.FD_LIST_LEGACY, Buffer.concat([le64(1), fdEntry(false, 3, FdType.FILE, str16('/x'))])),
    block(BlockType.IFACE_LIST_LEGACY, ifEntry(false, 3, 'lo')),
    block(BlockType.USER_LIST_LEGACY, Buffer.concat([Buffer.from([1]), le32(0), str16('root')])),
  );
  assert.deepEqual(fds.map((f) => f.name), ['/x']);
  assert.deepEqual(ifs.map((i) => i.name), ['lo']);
  assert.equal(users.length, 0);
  assert.deepEqual(groups, [{ gid: 0, name: 'root', container: '' }]);
});
