import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter, type FieldResolver, type FieldValue, type ResolvedField } from './compile';
import type { FieldType } from '../../../shared/fields/types';

/** An event for the fake resolver: field key (`name` or `name[arg]`) → value. */
type Ev = Record<string, FieldValue | undefined>;

const types: Record<string, { type: FieldType; multi?: ResolvedField<Ev>['multi'] }> = {
  'proc.name': { type: 'CHARBUF' }, 'proc.cmdline': { type: 'CHARBUF' }, 'fd.name': { type: 'CHARBUF' },
  'proc.pname': { type: 'CHARBUF' }, 'evt.type': { type: 'CHARBUF' },
  'fd.num': { type: 'INT64' }, 'evt.rawres': { type: 'INT64' }, 'evt.rawtime': { type: 'ABSTIME' }, 'evt.buflen': { type: 'UINT64' },
  'thread.cpu': { type: 'DOUBLE' }, 'evt.failed': { type: 'BOOL' }, 'fd.sport': { type: 'PORT' }, 'fd.cip': { type: 'IPADDR' },
  'fd.snet': { type: 'IPNET' }, 'evt.buffer': { type: 'BYTEBUF' }, 'proc.aname': { type: 'CHARBUF', multi: 'any' },
  'fd.port': { type: 'PORT', multi: 'either' }, 'fd.ip': { type: 'IPADDR', multi: 'either' }, 'fd.types': { type: 'CHARBUF', multi: 'list' },
  'evt.rawarg': { type: 'INT64' }, 'proc.duration': { type: 'RELTIME' },
};

let reads = 0;
const resolve: FieldResolver<Ev> = (name, arg) => {
  if (name === 'evt.arg' && arg === 'size') return { error: "the engine cannot read 'size' yet" };
  const t = types[name];
  if (!t) return undefined;
  const key = arg === undefined || name === 'proc.aname' && arg === undefined ? name : `${name}[${arg}]`;
  return { type: t.type, multi: arg === undefined ? t.multi : undefined, get: (ev) => { reads++; return ev[key]; } };
};

function matches(filter: string, ev: Ev): boolean {
  const c = compileFilter(filter, resolve);
  if (!c.ok) assert.fail(`'${filter}' did not compile: ${c.error.message}`);
  return c.predicate(ev);
}

function compileError(filter: string): string {
  const c = compileFilter(filter, resolve);
  if (c.ok) assert.fail(`'${filter}' should not compile`);
  return c.error.message;
}

test('a missing value makes every comparison false, != included; exists and not tell', () => {
  const none: Ev = {};
  for (const f of ['proc.name = bash', 'proc.name != bash', 'fd.num < 3', 'fd.num != 3', 'proc.name contains a', 'proc.name in (a)', 'proc.name glob *']) {
    assert.equal(matches(f, none), false, f);
    assert.equal(matches(`not ${f}`, none), true, `not ${f}`);
  }
  assert.equal(matches('proc.name exists', none), false);
  assert.equal(matches('proc.name exists', { 'proc.name': '' }), true);
  assert.equal(matches('not proc.name exists', none), true);
});

test('numbers compare numerically, with bigint values and constants beyond 2^53', () => {
  const ev: Ev = { 'fd.num': 10, 'evt.rawres': -2, 'evt.rawtime': 1_500_000_000_123_456_789n, 'thread.cpu': 12.5 };
  assert.equal(matches('fd.num > 9', ev), true);
  assert.equal(matches('fd.num >= 10 and fd.num <= 10 and fd.num = 10', ev), true);
  assert.equal(matches('fd.num < 10', ev), false);
  assert.equal(matches('fd.num != 10', ev), false);
  assert.equal(matches('evt.rawres < 0', ev), true);
  assert.equal(matches('evt.rawres = -2', ev), true);
  assert.equal(matches('evt.rawtime = 1500000000123456789', ev), true);
  assert.equal(matches('evt.rawtime > 1500000000123456788', ev), true);
  assert.equal(matches('evt.rawtime < 1500000000123456789', ev), false);
  assert.equal(matches('thread.cpu > 12.4 and thread.cpu < 12.6', ev), true);
  assert.equal(matches('fd.num in (1, 10, 100)', ev), true);
  assert.equal(matches('fd.num in (1, 100)', ev), false);
  assert.equal(matches('proc.duration > 1s', { 'proc.duration': 2_000_000_000 }), true);
  assert.equal(matches('proc.duration > 3s', { 'proc.duration': 2_000_000_000 }), false);
});

test('bad constants are compile errors pointing at the value', () => {
  assert.match(compileError('fd.num > abc'), /'abc' is not a number/);
  assert.match(compileError('fd.num > 0x10'), /values are decimal/);
  assert.match(compileError('evt.failed = yes'), /'yes' is not a boolean; use true or false/);
  assert.match(compileError('fd.cip = 300.1.1.1'), /'300.1.1.1' is not an IP address/);
  assert.match(compileError('fd.snet = 10.0.0.0/33'), /invalid network prefix length/);
  assert.match(compileError('fd.sport = nosuchservice'), /not a port number or a known service name/);
  assert.match(compileError('fd.sport = 70000'), /not a port number/);
  assert.match(compileError('evt.buffer bcontains 5g'), /not a hex byte string/);
  assert.match(compileError('evt.buflen > 18446744073709551616'), /too large/);
  assert.match(compileError('proc.name regex "a("'), /not a valid regular expression/);
  const c = compileFilter('fd.num > abc', resolve);
  assert.equal(!c.ok && c.error.offset, 9);
});

test('strings: equality, order, substrings, case-insensitive contains (ASCII only)', () => {
  const ev: Ev = { 'proc.name': 'Bash', 'proc.cmdline': 'CAFÉ Latte' };
  assert.equal(matches('proc.name = Bash', ev), true);
  assert.equal(matches('proc.name = bash', ev), false);
  assert.equal(matches('proc.name != bash', ev), true);
  assert.equal(matches('proc.name < C and proc.name > A', ev), true);
  assert.equal(matches('proc.name contains as', ev), true);
  assert.equal(matches('proc.name icontains AS', ev), true);
  assert.equal(matches('proc.cmdline icontains "latte"', ev), true);
  assert.equal(matches('proc.cmdline icontains "café"', ev), false);
  assert.equal(matches('proc.name startswith Ba and proc.name endswith sh', ev), true);
  assert.equal(matches('proc.name in (zsh, Bash)', ev), true);
  assert.equal(matches('proc.name intersects (zsh)', ev), false);
});

test('glob: * and ? cross slashes, classes, negation, escapes; iglob ignores case', () => {
  const ev: Ev = { 'fd.name': '/usr/lib/x86_64/libc.so.6' };
  assert.equal(matches('fd.name glob /usr/*', ev), true);
  assert.equal(matches('fd.name glob /usr/lib/*.so.?', ev), true);
  assert.equal(matches('fd.name glob /usr/lib/*.so', ev), false);
  assert.equal(matches('fd.name glob "/usr/lib/x86_6[0-9]/*"', ev), true);
  assert.equal(matches('fd.name glob "/usr/lib/x86_6[!4]/*"', ev), false);
  assert.equal(matches('fd.name glob /USR/*', ev), false);
  assert.equal(matches('fd.name iglob /USR/*', ev), true);
  assert.equal(matches(String.raw`fd.name glob a\*`, { 'fd.name': 'a*' }), true);
  assert.equal(matches(String.raw`fd.name glob "a\\*"`, { 'fd.name': 'a*' }), true);
  assert.equal(matches(String.raw`fd.name glob a\*`, { 'fd.name': 'ab' }), false);
  assert.equal(matches('fd.name glob "a.(b)+"', { 'fd.name': 'a.(b)+' }), true);
});

test('regex must match the whole value', () => {
  assert.equal(matches('proc.name regex "ba.h"', { 'proc.name': 'bash' }), true);
  assert.equal(matches('proc.name regex "as"', { 'proc.name': 'bash' }), false);
  assert.equal(matches('proc.name regex "b|bash"', { 'proc.name': 'bash' }), true);
});

test('pmatch matches whole path components', () => {
  const f = 'fd.name pmatch (/usr/bin, /etc)';
  assert.equal(matches(f, { 'fd.name': '/usr/bin/ls' }), true);
  assert.equal(matches(f, { 'fd.name': '/usr/bin' }), true);
  assert.equal(matches(f, { 'fd.name': '//usr//bin/x' }), true);
  assert.equal(matches(f, { 'fd.name': '/usr/binx' }), false);
  assert.equal(matches(f, { 'fd.name': '/etc/passwd' }), true);
  assert.equal(matches(f, { 'fd.name': '/usr' }), false);
});

test('booleans, IP addresses and networks, ports with service names', () => {
  assert.equal(matches('evt.failed = true', { 'evt.failed': true }), true);
  assert.equal(matches('evt.failed = false', { 'evt.failed': true }), false);
  assert.equal(matches('evt.failed != false', { 'evt.failed': 1 }), true);
  const v4: Ev = { 'fd.cip': Uint8Array.of(10, 1, 2, 3), 'fd.snet': Uint8Array.of(192, 168, 0, 7) };
  assert.equal(matches('fd.cip = 10.1.2.3', v4), true);
  assert.equal(matches('fd.cip != 10.1.2.3', v4), false);
  assert.equal(matches('fd.cip = 10.0.0.0/8', v4), true);
  assert.equal(matches('fd.cip in (1.1.1.1, 10.1.2.3)', v4), true);
  assert.equal(matches('fd.snet = 192.168.0.0/16 and fd.snet != 192.169.0.0/16', v4), true);
  assert.equal(matches('fd.cip = ::ffff:10.1.2.3', v4), false, 'an IPv4 value never equals an IPv6 constant');
  const v6 = parseV6();
  assert.equal(matches('fd.cip = 2001:4860:4860::8888', { 'fd.cip': v6 }), true);
  assert.equal(matches('fd.cip = 2001:4860::/32', { 'fd.cip': v6 }), true);
  assert.equal(matches('fd.cip = "10.1.2.3"', { 'fd.cip': '10.1.2.3' }), true, 'text IPs are accepted');
  assert.equal(matches('fd.sport = http', { 'fd.sport': 80 }), true);
  assert.equal(matches('fd.sport in (ssh, https)', { 'fd.sport': 443 }), true);
  assert.equal(matches('fd.sport < 1024', { 'fd.sport': 8080 }), false);
});

function parseV6(): Uint8Array {
  const b = new Uint8Array(16);
  b.set([0x20, 0x01, 0x48, 0x60, 0x48, 0x60]);
  b[14] = 0x88; b[15] = 0x88;
  return b;
}

test('byte buffers: contains, bcontains with hex, startswith, equality', () => {
  const ev: Ev = { 'evt.buffer': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x47, 0x45, 0x54, 0x20, 0x2f]) };
  assert.equal(matches('evt.buffer contains "GET /"', ev), true);
  assert.equal(matches('evt.buffer contains "POST"', ev), false);
  assert.equal(matches('evt.buffer bcontains 0304', ev), true);
  assert.equal(matches('evt.buffer bstartswith 504b', ev), true);
  assert.equal(matches('evt.buffer bstartswith 4b', ev), false);
  assert.equal(matches('evt.buffer startswith PK', ev), true);
  assert.equal(matches('evt.buffer endswith "T /"', ev), true);
  assert.equal(matches('evt.buffer = "PK"', ev), false);
  assert.equal(matches('evt.buffer contains "GET"', { 'evt.buffer': 'x GET y' }), true, 'text buffers are accepted');
});

test('icontains on a byte buffer folds ASCII case (a Syscope extension the log tiles\' drills use)', () => {
  const ev: Ev = { 'evt.buffer': new TextEncoder().encode('2024 wArNiNg: disk\n') };
  assert.equal(matches('evt.buffer icontains warn', ev), true);
  assert.equal(matches('evt.buffer icontains WARNING', ev), true);
  assert.equal(matches('evt.buffer icontains error', ev), false);
  assert.equal(matches('evt.buffer icontains WARN', { 'evt.buffer': 'a Warn b' }), true, 'text buffers are accepted');
});

test('ancestor-style fields match if any value satisfies the check, != included', () => {
  const ev: Ev = { 'proc.aname': ['bash', 'sshd', 'systemd'], 'proc.aname[1]': 'bash' };
  assert.equal(matches('proc.aname = sshd', ev), true);
  assert.equal(matches('proc.aname != bash', ev), true);
  assert.equal(matches('proc.aname = zsh', ev), false);
  assert.equal(matches('proc.aname[1] = bash', ev), true);
  assert.equal(matches('proc.aname exists', { 'proc.aname': [] }), false);
});

test('either-end fields: = and < hold for one end, != only when no end equals', () => {
  const ev: Ev = { 'fd.port': [49488, 3306], 'fd.ip': [Uint8Array.of(10, 0, 0, 1), Uint8Array.of(10, 0, 0, 2)] };
  assert.equal(matches('fd.port = 3306', ev), true);
  assert.equal(matches('fd.port != 3306', ev), false);
  assert.equal(matches('fd.port != 80', ev), true);
  assert.equal(matches('fd.port < 4000', ev), true);
  assert.equal(matches('fd.ip = 10.0.0.2', ev), true);
  assert.equal(matches('fd.ip != 10.0.0.2', ev), false);
  assert.equal(matches('fd.port in (80, 3306)', ev), true);
});

test('the unspecified address is one address in both families: 0.0.0.0 and :: match each other, nothing else crosses', () => {
  const v6Unbound: Ev = { 'fd.ip': [new Uint8Array(16), new Uint8Array(16)], 'fd.cip': new Uint8Array(16) };
  const v4Unbound: Ev = { 'fd.ip': [new Uint8Array(4), new Uint8Array(4)], 'fd.cip': new Uint8Array(4) };
  assert.equal(matches('fd.ip = 0.0.0.0', v6Unbound), true);
  assert.equal(matches('fd.ip = ::', v4Unbound), true);
  assert.equal(matches('fd.ip = 127.0.0.1 or fd.ip = 0.0.0.0', v6Unbound), true);
  assert.equal(matches('fd.ip != 0.0.0.0', v6Unbound), false);
  assert.equal(matches('fd.ip in (10.0.0.1, 0.0.0.0)', v6Unbound), true);
  assert.equal(matches('fd.cip = 0.0.0.0/8', v6Unbound), true);
  assert.equal(matches('fd.cip = 10.0.0.0/8', v6Unbound), false);
  assert.equal(matches('fd.ip = ::1', v4Unbound), false);
  const v6Loopback: Ev = { 'fd.cip': Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1) };
  assert.equal(matches('fd.cip = 0.0.0.0', v6Loopback), false);
  assert.equal(matches('fd.cip = 0.0.0.0/0', v6Loopback), false);
});

test('list fields: in needs every value in the set, intersects one', () => {
  const ev: Ev = { 'fd.types': ['file', 'ipv4'] };
  assert.equal(matches('fd.types in (file, ipv4, pipe)', ev), true);
  assert.equal(matches('fd.types in (file)', ev), false);
  assert.equal(matches('fd.types intersects (file)', ev), true);
  assert.equal(matches('fd.types intersects (unix)', ev), false);
});

test('modifiers: anyof, allof, oneof', () => {
  const ev: Ev = { 'proc.name': 'bash' };
  assert.equal(matches('proc.name startswith anyof (zs, ba)', ev), true);
  assert.equal(matches('proc.name startswith anyof (zs, fi)', ev), false);
  assert.equal(matches('proc.name contains allof (ba, sh)', ev), true);
  assert.equal(matches('proc.name contains allof (ba, zsh)', ev), false);
  assert.equal(matches('proc.name contains oneof (ba, zz)', ev), true);
  assert.equal(matches('proc.name contains oneof (ba, sh)', ev), false);
  assert.equal(matches('proc.name != allof (zsh, fish)', ev), true);
});

test('val() compares two fields of the same kind', () => {
  assert.equal(matches('proc.name = val(proc.pname)', { 'proc.name': 'sh', 'proc.pname': 'sh' }), true);
  assert.equal(matches('proc.name != val(proc.pname)', { 'proc.name': 'sh', 'proc.pname': 'sh' }), false);
  assert.equal(matches('fd.num < val(evt.rawres)', { 'fd.num': 3, 'evt.rawres': 4n }), true);
  assert.equal(matches('proc.name = val(proc.pname)', { 'proc.name': 'sh' }), false);
  assert.match(compileError('proc.name = val(fd.num)'), /cannot compare 'proc.name' \(text\) with 'fd.num' \(numeric\)/);
});

test('and/or short-circuit left to right', () => {
  reads = 0;
  assert.equal(matches('fd.num = 1 and proc.name = x', { 'fd.num': 2 }), false);
  assert.equal(reads, 1);
  reads = 0;
  assert.equal(matches('fd.num = 2 or proc.name = x', { 'fd.num': 2 }), true);
  assert.equal(reads, 1);
  assert.equal(matches('fd.num = 1 or fd.num = 2 and proc.name = x', { 'fd.num': 1 }), true);
  assert.equal(matches('(fd.num = 1 or fd.num = 2) and proc.name = x', { 'fd.num': 1 }), false);
});

test('resolver problems surface as errors at the field', () => {
  assert.equal(compileError('evt.arg.size = 1'), "the engine cannot read 'size' yet");
  assert.equal(compileError('user.name = root'), "field 'user.name' is not supported yet");
  const c = compileFilter('fd.num=1 and user.name = root', resolve);
  assert.equal(!c.ok && c.error.offset, 13);
});

test('unknown event types and parameter names are errors, with the likely name', () => {
  assert.equal(compileError('evt.type = opne'), "unknown event type 'opne'; did you mean 'open'?");
  assert.match(compileError('evt.type in (open, nosuchevent)'), /unknown event type 'nosuchevent'/);
  assert.equal(compileError('evt.arg.nonexistent = 3'), "no event has a parameter called 'nonexistent'");
  assert.match(compileError('evt.rawarg.fdd = 3'), /no event has a parameter called 'fdd'; did you mean 'fd'\?/);
  assert.equal(matches('evt.type = clone', { 'evt.type': 'clone' }), true);
  assert.equal(matches('evt.type != switch', { 'evt.type': 'clone' }), true);
});

test('evt.rawarg takes the type the resolver gives it', () => {
  assert.equal(matches('evt.rawarg.res < 0', { 'evt.rawarg[res]': -2 }), true);
  assert.match(compileError('evt.rawarg.res < abc'), /'abc' is not a number/);
});

test('nothing throws past the API, whatever the input', () => {
  const alphabet = ['proc.name', 'fd.num', ' ', '=', '!=', '(', ')', '"', "'", '\\', 'and', 'or', 'not', 'in', 'x', '1', ',', '[', ']', 'exists', 'glob', '*', 'val('];
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  for (let i = 0; i < 3000; i++) {
    let s = '';
    for (let j = rand(12); j >= 0; j--) s += alphabet[rand(alphabet.length)];
    const c = compileFilter(s, resolve);
    if (c.ok) c.predicate({ 'proc.name': 'x', 'fd.num': 1 });
    else assert.ok(c.error.message.length > 0 && !c.error.message.includes('\n'), s);
  }
});

test('transformers: tolower, toupper, basename, b64, len', () => {
  const ev: Ev = { 'proc.name': 'BaSh', 'fd.name': '/etc/ssl/certs/ca.pem', 'proc.cmdline': 'aGVsbG8=', 'fd.types': ['file', 'ipv4'] };
  assert.equal(matches('tolower(proc.name) = bash', ev), true);
  assert.equal(matches('toupper(proc.name) = BASH', ev), true);
  assert.equal(matches('basename(fd.name) = ca.pem', ev), true);
  assert.equal(matches('basename(fd.name) = certs', ev), false);
  assert.equal(matches('b64(proc.cmdline) = hello', ev), true);
  assert.equal(matches('b64(fd.name) exists', ev), false, 'not base64: no value');
  assert.equal(matches('len(proc.name) = 4 and len(fd.name) > 10', ev), true);
  assert.equal(matches('len(fd.types) = 2', ev), true);
  assert.equal(matches('tolower(proc.name) = tolower(proc.pname)', { 'proc.name': 'SH', 'proc.pname': 'sh' }), true);
  assert.equal(matches('tolower(evt.type) = open', { 'evt.type': 'open' }), true);
  assert.equal(matches('tolower(proc.name) = bash', {}), false);
  assert.match(compileError('len(proc.name) > abc'), /'abc' is not a number/);
});

test('an or of = checks on one field reads the field once per event, not once per term', () => {
  const terms = Array.from({ length: 200 }, (_, i) => `fd.num = ${i * 7}`).join(' or ');
  const c = compileFilter(terms, resolve);
  assert.ok(c.ok);
  reads = 0;
  assert.equal(c.predicate({ 'fd.num': 5 }), false);
  assert.equal(c.predicate({ 'fd.num': 7 * 150 }), true);
  assert.equal(reads, 2, 'one read per event');
  const named = compileFilter(`proc.name = a or fd.num = 3 or proc.name = b or proc.name = c or fd.num = 4`, resolve);
  assert.ok(named.ok);
  reads = 0;
  named.predicate({ 'proc.name': 'x', 'fd.num': 9 });
  assert.equal(reads, 2, 'one read per field');
});

test('an or of = checks on one field answers as its terms asked one by one', () => {
  // Each filter's answer is compared with the or of its terms compiled alone, on events that
  // match one term, none, have no value, several values, bigints beyond 2^53, and text numbers.
  const cases: Array<[string, string[], Ev[]]> = [
    ['proc.name', ['bash', 'sh', '"a b"', 'BASH'], [{ 'proc.name': 'bash' }, { 'proc.name': 'Bash' }, { 'proc.name': 'a b' }, {}, { 'proc.name': '' }]],
    ['fd.num', ['3', '-1', '0', '10'], [{ 'fd.num': 3 }, { 'fd.num': -0 }, { 'fd.num': 3n }, { 'fd.num': '10' }, { 'fd.num': 'x' }, { 'fd.num': 4 }, {}]],
    ['evt.rawtime', ['1500000000123456789', '1500000000123456790'], [{ 'evt.rawtime': 1500000000123456789n }, { 'evt.rawtime': 1500000000123456788n }, { 'evt.rawtime': 1500000000123456789 }]],
    ['thread.cpu', ['1.5', '2', '1e3'], [{ 'thread.cpu': 1.5 }, { 'thread.cpu': 2n }, { 'thread.cpu': 1000 }, { 'thread.cpu': 1.25 }]],
    ['fd.port', ['80', '443'], [{ 'fd.port': [1234, 80] }, { 'fd.port': [80, 443] }, { 'fd.port': [1, 2] }, { 'fd.port': [] }]],
    ['proc.aname', ['init', 'sshd'], [{ 'proc.aname': ['bash', 'sshd'] }, { 'proc.aname': ['bash'] }]],
    ['tolower(proc.name)', ['bash', 'sh'], [{ 'proc.name': 'BaSh' }, { 'proc.name': 'zsh' }]],
    ['evt.failed', ['true', 'false'], [{ 'evt.failed': true }, { 'evt.failed': false }, {}]],
    ['fd.cip', ['10.0.0.1', '192.168.0.0/16'], [{ 'fd.cip': Uint8Array.of(10, 0, 0, 1) }, { 'fd.cip': Uint8Array.of(192, 168, 3, 4) }, { 'fd.cip': Uint8Array.of(10, 0, 0, 2) }]],
  ];
  for (const [field, values, events] of cases) {
    const all = values.map((v) => `${field} = ${v}`).join(' or ');
    for (const ev of events) {
      const oneByOne = values.some((v) => matches(`${field} = ${v}`, ev));
      assert.equal(matches(all, ev), oneByOne, `${all} on ${JSON.stringify(ev, (_, x) => (typeof x === 'bigint' ? `${x}n` : x))}`);
      assert.equal(matches(`not (${all})`, ev), !oneByOne, `not (${all})`);
      assert.equal(matches(`proc.pname = zz or ${all} or fd.name = zz`, ev), oneByOne, `${all} among others`);
    }
  }
});

test('in and a long pmatch list answer as their elements asked one by one', () => {
  const prefixes = ['/usr/bin', '/etc', '/var/log/nginx', '/home/a', '/home/b', '/tmp/x', '/opt', '/srv/www', 'relative/dir'];
  const paths = ['/usr/bin/ls', '/usr/binx', '/usr//bin/ls', '/etc', '/etcx/y', '//var/log/nginx/', '/var/log', 'relative/dir/f', '/relative/dir', '', '/', '/home/ab'];
  for (const p of paths) {
    const oneByOne = prefixes.some((x) => matches(`fd.name pmatch (${x})`, { 'fd.name': p }));
    assert.equal(matches(`fd.name pmatch (${prefixes.join(', ')})`, { 'fd.name': p }), oneByOne, p);
  }
  assert.equal(matches(`fd.name pmatch (/, ${prefixes.join(', ')})`, { 'fd.name': 'anything' }), true, "'/' is a prefix of every path");
  for (const n of [1500000000123456789n, 1500000000123456788n]) {
    const ev: Ev = { 'evt.rawtime': n };
    assert.equal(matches('evt.rawtime in (1500000000123456789, 7)', ev), matches('evt.rawtime = 1500000000123456789', ev), `${n}`);
  }
});
