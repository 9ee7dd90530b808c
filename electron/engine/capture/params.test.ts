import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParamType } from '../../../shared/scap/eventTable';
import {
  AF_INET, AF_INET6, AF_UNIX, paramBigInt, paramBytes, paramDyn, paramFdList, paramIsEmpty, paramNumber, paramRelPath, paramSockaddr,
  paramSocktuple, paramString, paramStringList, paramStringPairs, paramType, readParam, readParamAs,
} from './params';
import { cstr, le16, le32, le64, memoryEvent } from './testCapture';

const T = ParamType;
const one = (type: number, bytes: Uint8Array) => readParamAs(memoryEvent(9999, [bytes]), 0, type);
const b = (...x: number[]) => Buffer.from(x);

test('integers of each width are read with their declared signedness', () => {
  assert.equal(one(T.INT8, b(0xff)), -1);
  assert.equal(one(T.UINT8, b(0xff)), 255);
  assert.equal(one(T.INT16, le16(0xfffe)), -2);
  assert.equal(one(T.UINT16, le16(0xfffe)), 65534);
  assert.equal(one(T.INT32, le32(-5)), -5);
  assert.equal(one(T.UINT32, le32(0xfffffff0)), 0xfffffff0);
  assert.equal(one(T.FD32, le32(-1)), -1);
  assert.equal(one(T.INT64, le64(-123456789012)), -123456789012);
  assert.equal(one(T.UINT64, le64(-1)), 0xffffffffffffffffn);
  assert.equal(one(T.RELTIME, le64(1500)), 1500n);
  assert.equal(one(T.ABSTIME, le64(1_700_000_000_000_000_001n)), 1_700_000_000_000_000_001n);
  const dbl = Buffer.alloc(8); dbl.writeDoubleLE(2.5);
  assert.equal(one(T.DOUBLE, dbl), 2.5);
});

test('errno, fd and pid values are signed 64-bit numbers', () => {
  assert.equal(one(T.ERRNO, le64(-2)), -2);
  assert.equal(one(T.FD, le64(-100)), -100);
  assert.equal(one(T.PID, le64(4294967296 + 7)), 4294967303);
  assert.equal(one(T.ERRNO, le64(0x7fa694829000)), 0x7fa694829000);
});

test('flag, enum, mode, uid/gid, sigset, bool, port and small enum types read as numbers', () => {
  assert.equal(one(T.FLAGS8, b(3)), 3);
  assert.equal(one(T.FLAGS16, le16(0x8001)), 0x8001);
  assert.equal(one(T.FLAGS32, le32(0x80000001)), 0x80000001);
  assert.equal(one(T.ENUMFLAGS8, b(2)), 2);
  assert.equal(one(T.ENUMFLAGS16, le16(16)), 16);
  assert.equal(one(T.ENUMFLAGS32, le32(10)), 10);
  assert.equal(one(T.MODE, le32(0o100644)), 0o100644);
  assert.equal(one(T.UID, le32(0xffffffff)), 0xffffffff);
  assert.equal(one(T.GID, le32(100)), 100);
  assert.equal(one(T.SIGSET, le32(0x100)), 0x100);
  assert.equal(one(T.BOOL, le32(1)), 1);
  assert.equal(one(T.PORT, le16(443)), 443);
  assert.equal(one(T.L4PROTO, b(2)), 2);
  assert.equal(one(T.SOCKFAMILY, b(10)), 10);
  assert.equal(one(T.SIGTYPE, b(9)), 9);
  assert.equal(one(T.SYSCALLID, le16(75)), 75);
});

test('an empty parameter reads as null for every type, and a too-short fixed one too', () => {
  for (const t of Object.values(T)) assert.equal(one(t, Buffer.alloc(0)), null, `type ${t}`);
  assert.equal(one(T.INT64, le32(5)), null);
  const ev = memoryEvent(9999, [le32(1)]);
  assert.equal(paramIsEmpty(ev, 0), false);
  assert.equal(paramIsEmpty(ev, 1), true);
  assert.equal(paramNumber(ev, 5), null);
});

test('strings stop at the first NUL; empty and (NULL) mean not available', () => {
  assert.equal(one(T.CHARBUF, cstr('/etc/passwd')), '/etc/passwd');
  assert.equal(one(T.FSPATH, Buffer.from('no-nul')), 'no-nul');
  assert.equal(one(T.CHARBUF, Buffer.from('ab\0cd\0')), 'ab');
  assert.equal(one(T.CHARBUF, cstr('(NULL)')), null);
  assert.equal(one(T.CHARBUF, cstr('(NULL)x')), '(NULL)x');
  assert.equal(one(T.CHARBUF, cstr('')), '');
  assert.equal(one(T.CHARBUF, cstr('héllo')), 'héllo');
});

test('byte buffers are raw views of the parameter', () => {
  const ev = memoryEvent(9999, [b(1, 0, 255)]);
  assert.deepEqual([...paramBytes(ev, 0)], [1, 0, 255]);
  assert.deepEqual([...(readParamAs(ev, 0, T.BYTEBUF) as Uint8Array)], [1, 0, 255]);
  assert.equal(paramBytes(ev, 3).length, 0);
});

test('sockaddr: IPv4, IPv6, unix path (NUL-terminated) and unknown families', () => {
  assert.deepEqual(one(T.SOCKADDR, Buffer.concat([b(AF_INET, 8, 8, 4, 4), le16(53)])), { family: AF_INET, addr: new Uint8Array([8, 8, 4, 4]), port: 53 });
  const v6 = one(T.SOCKADDR, Buffer.concat([b(AF_INET6), Buffer.alloc(16, 0x20), le16(80)])) as { addr: Uint8Array; port: number };
  assert.equal(v6.addr.length, 16); assert.equal(v6.port, 80);
  assert.deepEqual(one(T.SOCKADDR, Buffer.concat([b(AF_UNIX), cstr('/run/docker.sock')])), { family: AF_UNIX, path: '/run/docker.sock' });
  assert.deepEqual(one(T.SOCKADDR, b(17, 1, 2)), { family: 17 });
  assert.deepEqual(paramSockaddr(memoryEvent(1, [b(AF_INET, 1)]), 0), { family: AF_INET }); // truncated
});

test('socktuple: IPv4, IPv6 and unix endpoints', () => {
  assert.deepEqual(one(T.SOCKTUPLE, Buffer.concat([b(AF_INET, 10, 0, 0, 1), le16(40000), b(10, 0, 0, 2), le16(80)])),
    { family: AF_INET, sip: new Uint8Array([10, 0, 0, 1]), sport: 40000, dip: new Uint8Array([10, 0, 0, 2]), dport: 80 });
  const v6 = one(T.SOCKTUPLE, Buffer.concat([b(AF_INET6), Buffer.alloc(16, 1), le16(1), Buffer.alloc(16, 2), le16(2)])) as { sip: Uint8Array; dip: Uint8Array; dport: number };
  assert.equal(v6.dip[15], 2); assert.equal(v6.dport, 2);
  assert.deepEqual(paramSocktuple(memoryEvent(1, [Buffer.concat([b(AF_UNIX), le64(0xffff9a00n), le64(0xffff9b00n), cstr('/tmp/s')])]), 0),
    { family: AF_UNIX, source: 0xffff9a00n, dest: 0xffff9b00n, path: '/tmp/s' });
});

test('fdlist: count then (fd, flags) pairs, a short list stops at the data end', () => {
  const list = Buffer.concat([le16(3), le64(3), le16(1), le64(-1), le16(4), le64(7)]);
  assert.deepEqual(paramFdList(memoryEvent(1, [list]), 0), [{ fd: 3, flags: 1 }, { fd: -1, flags: 4 }]);
  assert.deepEqual(one(T.FDLIST, le16(0)), []);
});

test('dyn: the index selects the value type from the event\'s sub-table', () => {
  const SETSOCKOPT_X = 45; // val is DYN{sockopt_dynamic_param}
  const params = (val: Buffer) => [le64(0), le64(3), b(1), b(2), val, le32(val.length - 1)];
  assert.deepEqual(paramDyn(memoryEvent(SETSOCKOPT_X, params(Buffer.concat([b(2), le32(1)]))), 4), { index: 2, type: T.UINT32, value: 1 });
  assert.deepEqual(paramDyn(memoryEvent(SETSOCKOPT_X, params(Buffer.concat([b(1), le64(-11)]))), 4), { index: 1, type: T.ERRNO, value: -11 });
  assert.deepEqual(paramDyn(memoryEvent(SETSOCKOPT_X, params(Buffer.concat([b(4), le64(5000)]))), 4), { index: 4, type: T.RELTIME, value: 5000n });
  const raw = paramDyn(memoryEvent(SETSOCKOPT_X, params(Buffer.concat([b(0), b(9, 9)]))), 4)!;
  assert.equal(raw.type, T.BYTEBUF); assert.deepEqual([...(raw.value as Uint8Array)], [9, 9]);
  const outside = paramDyn(memoryEvent(SETSOCKOPT_X, params(Buffer.concat([b(77), b(1)]))), 4)!;
  assert.equal(outside.type, T.BYTEBUF);
  assert.deepEqual(paramDyn(memoryEvent(1, [Buffer.concat([b(1), cstr('key')])]), 0, 'keyctl_dynamic_param'), { index: 1, type: T.CHARBUF, value: 'key' });
});

test('string lists drop one trailing NUL; pairs alternate key and value', () => {
  const ev = memoryEvent(1, [Buffer.from('-c\0echo hi\0'), Buffer.from('a\0b\0'), Buffer.from('k1\0v1\0k2\0v2'), Buffer.from('x\0\0')]);
  assert.deepEqual(paramStringList(ev, 0), ['-c', 'echo hi']);
  assert.deepEqual(paramStringList(ev, 1), ['a', 'b']);
  assert.deepEqual(paramStringPairs(ev, 2), [['k1', 'v1'], ['k2', 'v2']]);
  assert.deepEqual(paramStringList(ev, 3), ['x', '']);
  assert.deepEqual(paramStringList(ev, 9), []);
});

test('relative paths come with the value of their dirfd parameter', () => {
  const OPENAT_X = 307; // fd, dirfd, name@dirfd=param1, ...
  const ev = memoryEvent(OPENAT_X, [le64(5), le64(-100), cstr('rel/file'), le32(0), le32(0), le32(0), le64(0)]);
  assert.deepEqual(paramRelPath(ev, 2), { path: 'rel/file', dirfd: -100 });
  assert.equal(paramType(ev, 2), T.FSRELPATH);
});

test('readParam uses the table type: open exit reads fd, path, flags, mode, dev, ino', () => {
  const ev = memoryEvent(3, [le64(3), cstr('/etc/passwd'), le32(1), le32(0o644), le32(0x801), le64(42)]);
  assert.deepEqual(Array.from({ length: 6 }, (_, i) => readParam(ev, i)), [3, '/etc/passwd', 1, 0o644, 0x801, 42n]);
  assert.equal(paramBigInt(ev, 0), 3n);
  assert.equal(paramString(ev, 1), '/etc/passwd');
});

test('addresses read as byte arrays', () => {
  assert.deepEqual([...(one(T.IPV4ADDR, b(127, 0, 0, 1)) as Uint8Array)], [127, 0, 0, 1]);
  assert.equal((one(T.IPV6ADDR, Buffer.alloc(16, 1)) as Uint8Array).length, 16);
  assert.equal((one(T.IPADDR, b(1, 2, 3, 4)) as Uint8Array).length, 4);
});
