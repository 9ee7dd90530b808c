import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderArgs, renderArgValue, renderInfo, renderParam, noStateLookup, paramIndexByName, shownParamCount } from './index';
import { bytes, fakeLookup, le, makeEvent, str } from './testEvents';

const OPEN_X = 3, READ_X = 7, CONNECT_E = 22, CONNECT_X = 23, POLL_X = 81, KILL_E = 128, NANOSLEEP_E = 134;
const MMAP_E = 160, MMAP_X = 161, SETUID_E = 198, SIGNALDELIVER = 232, MKDIRAT_X = 305, PTRACE_X = 169;
const GETRLIMIT_X = 141, SETSOCKOPT_X = 45, SOCKET_E = 18, OPENAT_E = 102, EXECVE_X = 293;
const lookup = fakeLookup({
  fds: { 3: { typeChar: 'f', protoChar: '', name: '/etc/passwd' }, 4: { typeChar: '4', protoChar: 't', name: '10.0.0.1:80->10.0.0.2:5555' }, 7: { typeChar: 'd', protoChar: '', name: '/var/lib' } },
  cwd: '/home/u/', dirs: { 7: '/var/lib' }, comms: { 42: 'bash' }, users: { 0: 'root' }, groups: { 0: 'root' },
});

test('an open exit shows the fd with its type and name, the path, flags with names and octal mode', () => {
  const ev = makeEvent(OPEN_X, [le(3, 8), str('/etc/passwd'), le(4097, 4), le(0o644, 4), le(0x803, 4)]);
  assert.equal(renderArgs(ev, lookup), 'fd=3(<f>/etc/passwd) name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0644 dev=803 ');
  assert.equal(renderInfo(ev, lookup), renderArgs(ev, lookup));
});

test('without thread state an fd prints as a bare number', () => {
  const ev = makeEvent(OPEN_X, [le(3, 8), str('/etc/passwd'), le(1, 4), le(0, 4), le(0, 4)]);
  assert.equal(renderArgs(ev, noStateLookup), 'fd=3 name=/etc/passwd flags=1(O_RDONLY) mode=0 dev=0 ');
});

test('a negative fd resolves to its errno name, an unknown fd to nothing', () => {
  assert.equal(renderParam(makeEvent(OPEN_X, [le(-2, 8)]), 0, lookup), '-2(ENOENT)');
  assert.equal(renderParam(makeEvent(OPEN_X, [le(99, 8)]), 0, lookup), '99');
  assert.equal(renderParam(makeEvent(OPEN_X, [le(-100000, 8)]), 0, lookup), '-100000');
});

test('AT_FDCWD dirfds print by name and relative paths resolve against the cwd or the dirfd', () => {
  const cwdRel = makeEvent(MKDIRAT_X, [le(0, 8), le(-100, 8), str('a/./b/../c/'), le(0o755, 4)]);
  assert.equal(renderArgs(cwdRel, lookup), 'res=0 dirfd=-100(AT_FDCWD) path=a/./b/../c/(/home/u/a/c) mode=1ED ');
  const dirRel = makeEvent(MKDIRAT_X, [le(0, 8), le(7, 8), str('x'), le(0, 4)]);
  assert.equal(renderParam(dirRel, 2, lookup), 'x(/var/lib/x)');
  const absolute = makeEvent(MKDIRAT_X, [le(0, 8), le(7, 8), str('/tmp/x'), le(0, 4)]);
  assert.equal(renderParam(absolute, 2, lookup), '/tmp/x');
});

test('a relative path with an <NA> marker or no thread stays unresolved', () => {
  assert.equal(renderParam(makeEvent(OPEN_X, [le(3, 8), str('<NA>')]), 1, lookup), '<NA>');
  assert.equal(renderParam(makeEvent(OPEN_X, [le(3, 8), str('rel')]), 1, noStateLookup), 'rel');
});

test('non-printable bytes are dropped from a path but become dots in its resolution', () => {
  assert.equal(renderParam(makeEvent(OPEN_X, [le(3, 8), bytes(str('a\tb', false), 0)]), 1, lookup), 'ab(/home/u/a.b)');
});

test('errno results show the name only when negative', () => {
  assert.equal(renderArgs(makeEvent(READ_X, [le(-11, 8), new Uint8Array(0)]), lookup), 'res=-11(EAGAIN) data= ');
  assert.equal(renderParam(makeEvent(READ_X, [le(5, 8)]), 0, lookup), '5');
  assert.equal(renderParam(makeEvent(READ_X, [le(-9999, 8)]), 0, lookup), '-9999');
});

test('a data buffer keeps printable ASCII, dots the rest and is cut to 80 characters', () => {
  const ev = makeEvent(READ_X, [le(3, 8), bytes(str('GET /\r\n', false), 0, 0xff)]);
  assert.equal(renderParam(ev, 1, lookup), 'GET /....');
  const long = makeEvent(READ_X, [le(100, 8), new Uint8Array(100).fill(0x41)]);
  const text = renderParam(long, 1, lookup);
  assert.equal(text.length, 80);
  assert.ok(text.endsWith('A...'));
  assert.equal(renderParam(long, 1, lookup, { maxBufferChars: 0 }).length, 100);
  const exactly80 = makeEvent(READ_X, [le(80, 8), new Uint8Array(80).fill(0x42)]);
  assert.equal(renderParam(exactly80, 1, lookup), 'B'.repeat(80));
});

test('buffers in the -A, -x, -X and -b formats', () => {
  const ev = makeEvent(READ_X, [le(3, 8), bytes(str('ab\r\ncd\n', false), 0)]);
  assert.equal(renderParam(ev, 1, lookup, { bufferFormat: 'ascii' }), '\nab\ncd\n');
  const hexEv = makeEvent(READ_X, [le(3, 8), bytes(0x47, 0x45, 0x54)]);
  assert.equal(renderParam(hexEv, 1, lookup, { bufferFormat: 'hex' }), '\n\t0x0000: 4745 54\n');
  assert.equal(renderParam(hexEv, 1, lookup, { bufferFormat: 'hexascii' }), '\n\t0x0000: 4745 54' + ' '.repeat(30) + '  GET\n');
  assert.equal(renderParam(hexEv, 1, lookup, { bufferFormat: 'base64' }), 'R0VU');
});

test('IPv4, IPv6 and unix socket addresses and tuples', () => {
  const v4 = bytes(2, 10, 0, 0, 1, le(80, 2));
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), v4]), 1, lookup), '10.0.0.1:80');
  const v6 = bytes(10, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, le(443, 2));
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), v6]), 1, lookup), '2001:db8::1:443');
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), bytes(1, str('/run/x.sock'))]), 1, lookup), '/run/x.sock');
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), new Uint8Array(0)]), 1, lookup), 'NULL');
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), bytes(2, 1, 2)]), 1, lookup), 'INVALID IPv4');
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), bytes(17, 0)]), 1, lookup), 'family 17');
  const t4 = bytes(2, 127, 0, 0, 1, le(40000, 2), 127, 0, 0, 1, le(8080, 2));
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), t4]), 1, lookup), '127.0.0.1:40000->127.0.0.1:8080');
  const mapped = (a: number[]) => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...a];
  const t6mapped = bytes(10, mapped([1, 2, 3, 4]), le(1, 2), mapped([5, 6, 7, 8]), le(2, 2));
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), t6mapped]), 1, lookup), '1.2.3.4:1->5.6.7.8:2');
  const lo6 = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
  const t6 = bytes(10, lo6, le(1, 2), mapped([5, 6, 7, 8]), le(2, 2));
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), t6]), 1, lookup), '::1:1->::ffff:5.6.7.8:2');
  const tu = bytes(1, le(0xffff88003c420800n, 8), le(0, 8), str('/var/run/nscd/socket'));
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), tu]), 1, lookup), 'ffff88003c420800->0 /var/run/nscd/socket');
});

test('fd lists show fd:type-char and hex poll flags, ? for unknown fds', () => {
  const list = bytes(le(2, 2), le(4, 8), le(1, 2), le(9, 8), le(0x204, 2));
  assert.equal(renderParam(makeEvent(POLL_X, [le(1, 8), list]), 1, lookup), '4:41 9:?204');
  assert.equal(renderParam(makeEvent(POLL_X, [le(0, 8), le(0, 2)]), 1, lookup), '');
});

test('pids resolve to the thread name, signals and signal sets to their names', () => {
  assert.equal(renderArgs(makeEvent(KILL_E, [le(42, 8), le(9, 1)]), lookup), 'pid=42(bash) sig=9(SIGKILL) ');
  assert.equal(renderArgs(makeEvent(SIGNALDELIVER, [le(0, 8), le(43, 8), le(40, 1)]), lookup), 'spid=0 dpid=43 sig=40 ');
});

test('signal sets list the names of the set bits, unnamed bits left out', () => {
  const ev = makeEvent(254, [le(0, 2), le(-1, 8), le((1 << 8) | (1 << 16) | (1 << 31), 4)]);
  assert.equal(renderParam(ev, 2, lookup), 'SIGKILL SIGCHLD');
  assert.equal(renderParam(ev, 1, lookup), 'none');
});

test('relative times print ns with a %g seconds resolution, -1 as none', () => {
  assert.equal(renderParam(makeEvent(NANOSLEEP_E, [le(1500000, 8)]), 0, lookup), '1500000(0.0015s)');
  assert.equal(renderParam(makeEvent(NANOSLEEP_E, [le(5000000000, 8)]), 0, lookup), '5000000000(5s)');
  assert.equal(renderParam(makeEvent(NANOSLEEP_E, [le(-1, 8)]), 0, lookup), 'none');
});

test('hex UINT64 prints upper case without 0x; mmap fd -1 written as u32 stays a number', () => {
  const ev = makeEvent(MMAP_E, [le(0, 8), le(8192, 8), le(3, 4), le(10, 4), le(0xffffffff, 8), le(0, 8)]);
  assert.equal(renderArgs(ev, lookup), 'addr=0 length=8192 prot=3(PROT_READ|PROT_WRITE) flags=10(MAP_PRIVATE|MAP_ANONYMOUS) fd=4294967295 offset=0 ');
  assert.equal(renderParam(makeEvent(MMAP_X, [le(0x7fad48782000n, 8)]), 0, lookup), '7FAD48782000');
  assert.equal(renderParam(makeEvent(MMAP_X, [le(-1, 8)]), 0, lookup), 'FFFFFFFFFFFFFFFF');
});

test('uids resolve to user names, unknown ones to <NA>, -1 to <NONE>', () => {
  assert.equal(renderParam(makeEvent(SETUID_E, [le(0, 4)]), 0, lookup), '0(root)');
  assert.equal(renderParam(makeEvent(SETUID_E, [le(1000, 4)]), 0, lookup), '1000(<NA>)');
  assert.equal(renderParam(makeEvent(SETUID_E, [le(0xffffffff, 4)]), 0, lookup), '-1(<NONE>)');
});

test('enum-like flags stop at the first exact match; unknown bits are left out', () => {
  assert.equal(renderParam(makeEvent(SOCKET_E, [le(1, 4)]), 0, lookup), '1(AF_LOCAL)');
  assert.equal(renderParam(makeEvent(SOCKET_E, [le(0, 4)]), 0, lookup), '0(AF_UNSPEC)');
  assert.equal(renderParam(makeEvent(SOCKET_E, [le(64, 4)]), 0, lookup), '64');
  assert.equal(renderParam(makeEvent(SOCKET_E, [le(99, 4)]), 0, lookup), '99(AF_PHONET)');
  assert.equal(renderParam(makeEvent(OPENAT_E, [le(-100, 8), str('f'), le(0x80000003, 4)]), 2, lookup), '2147483651(O_RDWR)');
});

test('dynamic parameters use the sub-type the index byte selects', () => {
  const ev = makeEvent(PTRACE_X, [le(0, 8), bytes(0, le(0x1000, 8)), bytes(1, le(17, 1))]);
  assert.equal(renderArgs(ev, lookup), 'res=0 addr=1000 data=17(SIGCHLD) ');
  const bad = makeEvent(PTRACE_X, [le(0, 8), bytes(9, le(0, 8)), new Uint8Array(0)]);
  assert.equal(renderArgs(bad, lookup), 'res=0 addr=INVALID DYNAMIC PARAMETER data=INVALID DYNAMIC PARAMETER ');
  const sockopt = makeEvent(SETSOCKOPT_X, [le(0, 8), le(3, 8), le(1, 1), le(9, 1), bytes(2, le(1, 4)), le(4, 4)]);
  assert.match(renderArgs(sockopt, lookup), /^res=0 fd=3\(<f>\/etc\/passwd\) level=1\(SOL_SOCKET\) optname=9\(\w+\) val=1 optlen=4 $/);
});

test('signed 64-bit results keep full precision', () => {
  assert.equal(renderParam(makeEvent(GETRLIMIT_X, [le(0, 8), le(-1, 8), le(0x7fffffffffffffffn, 8)]), 2, lookup), '9223372036854775807');
  assert.equal(renderParam(makeEvent(GETRLIMIT_X, [le(0, 8), le(-1, 8)]), 1, lookup), '-1');
});

test('empty fixed-size parameters print <NA>, missing ones are not shown', () => {
  const ev = makeEvent(KILL_E, [new Uint8Array(0), le(9, 1)]);
  assert.equal(renderArgs(ev, lookup), 'pid=<NA> sig=9(SIGKILL) ');
  assert.equal(renderArgs(makeEvent(KILL_E, [le(42, 8)]), lookup), 'pid=42(bash) ');
  assert.equal(shownParamCount(makeEvent(KILL_E, [le(42, 8)])), 1);
});

test('generic syscall events show no args; exec args print NULs as dots', () => {
  assert.equal(renderArgs(makeEvent(1, [le(5, 2)]), lookup), '');
  const ev = makeEvent(EXECVE_X, [le(0, 8), str('cat'), bytes(str('/dev/null'), str('-n'))]);
  assert.equal(renderArgs(ev, lookup), 'res=0 exe=cat args=/dev/null.-n. ');
});

test('%evt.arg values prefer the resolved text; names index only shown parameters', () => {
  const ev = makeEvent(OPEN_X, [le(3, 8), str('/etc/passwd'), le(4097, 4)]);
  assert.equal(renderArgValue(ev, 0, lookup), '<f>/etc/passwd');
  assert.equal(renderArgValue(ev, 2, lookup), 'O_RDONLY|O_CLOEXEC');
  assert.equal(paramIndexByName(ev, 'flags'), 2);
  assert.equal(paramIndexByName(ev, 'mode'), -1);
});

test('the current layout names parameters as the newest event table does', () => {
  const ev = makeEvent(MMAP_X, [le(-12, 8), le(1, 4), le(2, 4), le(3, 4)]);
  assert.equal(renderParam(ev, 0, lookup, { layout: 'current' }), '-12(ENOMEM)');
  assert.equal(renderParam(ev, 0, lookup), 'FFFFFFFFFFFFFFF4');
});

test('strings print up to their NUL, as written; driver placeholders pass through', () => {
  const EXECVE_13 = 13;
  assert.equal(renderParam(makeEvent(EXECVE_13, [le(0, 8), str('(NULL)')]), 1, lookup), '(NULL)');
  assert.equal(renderParam(makeEvent(EXECVE_13, [le(0, 8), str('no-terminator', false)]), 1, lookup), 'no-terminator');
  assert.equal(renderParam(makeEvent(EXECVE_13, [le(0, 8), bytes(str('a', false), 0, str('b'))]), 1, lookup), 'a');
  assert.equal(renderParam(makeEvent(EXECVE_13, [le(0, 8), str('café')]), 1, lookup), 'café');
  assert.equal(renderParam(makeEvent(EXECVE_13, [le(0, 8), new Uint8Array(0)]), 1, lookup), '');
});

test('addresses of the wrong size are reported as invalid, not misread', () => {
  assert.equal(renderParam(makeEvent(CONNECT_E, [le(4, 8), bytes(10, 0, 0)]), 1, lookup), 'INVALID IPv6');
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), bytes(2, 1, 2, 3)]), 1, lookup), 'INVALID IPv4');
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), bytes(10, 1, 2, 3)]), 1, lookup), 'INVALID IPv6');
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), bytes(1, 1, 2, 3)]), 1, lookup), 'INVALID UNIX');
  assert.equal(renderParam(makeEvent(CONNECT_X, [le(0, 8), new Uint8Array(0)]), 1, lookup), 'NULL');
});

test('fd names lose non-printable characters when shown', () => {
  const l = fakeLookup({ fds: { 5: { typeChar: 'f', protoChar: '', name: '/tmp/a\nb\u00e9' } } });
  assert.equal(renderParam(makeEvent(OPEN_X, [le(5, 8)]), 0, l), '5(<f>/tmp/ab)');
});

test('flag names newer than sysdig 0.29.3 appear only in the current layout', () => {
  const CLONE_X = 15;
  const ev = makeEvent(CLONE_X, [le(0, 8), str('sh'), str(''), le(1, 8), le(1, 8), le(0, 8), str('/'), le(1024, 8), le(0x20000000, 4)]);
  assert.equal(renderParam(ev, 8, lookup), '536870912');
  assert.equal(renderParam(ev, 8, lookup, { layout: 'current' }), '536870912(CLONE_CHILD_IN_PIDNS)');
  const open = makeEvent(OPEN_X, [le(3, 8), str('/x'), le(0x4006, 4)]);
  assert.equal(renderParam(open, 2, lookup), '16390(O_CREAT|O_WRONLY)');
  assert.equal(renderParam(open, 2, lookup, { layout: 'current' }), '16390(O_CREAT|O_WRONLY|O_F_CREATED)');
});
