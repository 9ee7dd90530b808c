/**
 * The filter engine against sysdig 0.29.3: for each capture sysdig opens, every filter of a suite
 * must select exactly the events (by evt.num) that `TZ=UTC sysdig -r F -p '*%evt.num' FILTER` prints.
 *
 * Batching: sysdig runs once per (capture, filter) (tens of ms each); Syscope reads each capture
 * once and evaluates every compiled filter on each event. The full suite runs on a handful of
 * varied captures, a smaller suite on all of them.
 *
 * Where the engines disagree on purpose, the case is listed in DIFFERENCES with the reason, and
 * the test checks that the difference is real (so the table cannot go stale silently). The same
 * table is described in docs/sysdig-differences.md ("Filters").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { captureFiles, capturesDir, referenceSkip, sysdigCannotOpen } from '../support/reference';
import { compileFilter, type Predicate } from '../../electron/engine/filter/compile';
import { parseFilter } from '../../shared/filter/parse';
import type { FilterNode } from '../../shared/filter/ast';
import { formatLine, parseOutputFormat } from '../../electron/engine/fields/outputFormat';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { Inspector } from '../../electron/engine/inspector/inspector';
import { readCapture } from '../../electron/engine/capture/readCapture';
import type { EventContext } from '../../electron/engine/inspector/eventContext';

/** Every operator sysdig 0.29.3 has, and every field class, on varied data. */
const FULL_SUITE: readonly string[] = [
  "evt.type=open",
  "evt.type!=switch",
  "evt.type in (open, openat, close)",
  "fd.type in (file, directory)",
  'evt.dir="<"',
  'evt.dir=">" and evt.type=read',
  "evt.num>100 and evt.num<=200",
  "evt.num>=1000",
  "evt.num<50",
  "evt.cpu=0",
  "evt.cpu!=1",
  "evt.rawres<0",
  "evt.rawres>=0 and evt.type=read",
  "evt.res=SUCCESS",
  "evt.res!=SUCCESS",
  "evt.res=ENOENT",
  "evt.res < S",
  "evt.failed=true",
  'evt.failed=false and evt.dir="<"',
  "evt.is_io=true",
  "evt.is_io_read=true",
  "evt.is_io_write=true",
  "evt.is_wait=true",
  "evt.is_open_read=true",
  "evt.is_open_write=true",
  "evt.category=file",
  "evt.category in (net, ipc)",
  "evt.buflen>100",
  "evt.buflen exists",
  "evt.buffer contains HTTP",
  "evt.buffer startswith GET",
  "evt.arg.data contains HTTP",
  "evt.arg.name contains /etc",
  "evt.arg.fd exists",
  "evt.arg[0] exists",
  "evt.rawarg.res<0",
  "evt.rawarg.fd>2",
  'evt.info contains "fd="',
  'evt.args contains "res=0"',
  'evt.arg.fd > 10',
  'evt.arg.res < 5',
  'evt.arg[0] >= 5',
  'evt.info > z',
  "evt.reltime>1000000000",
  "evt.reltime<1000000",
  "evt.latency>1000000",
  "evt.count=1",
  "syscall.type=open",
  "syscall.type exists",
  "proc.name=bash",
  "proc.name!=bash",
  "proc.name contains ys",
  "proc.name icontains SH",
  "proc.name startswith s",
  "proc.name endswith d",
  'proc.name glob "*sh"',
  'proc.name glob "?ash"',
  'proc.name glob "[a-m]*"',
  "proc.name in (bash, sh, sshd, nginx, mysqld, httpd, curl)",
  "proc.name exists",
  "not proc.name exists",
  "proc.name < m",
  "proc.pid>1000",
  "proc.pid<=1",
  "proc.ppid=1",
  "proc.vpid=1",
  "proc.pname=bash",
  "proc.pname exists",
  "proc.aname=bash",
  "proc.aname!=bash",
  "proc.aname[1]=bash",
  "proc.aname[2] exists",
  "proc.apid=1",
  "proc.apid[1]=1",
  'proc.cmdline contains "-"',
  "proc.exe contains bin",
  "proc.exepath startswith /usr",
  'proc.args contains "-c"',
  'proc.args!=""',
  "proc.cwd=/",
  "proc.cwd startswith /root",
  "proc.sname=bash",
  "proc.loginshellid exists",
  "proc.duration>1000000000",
  "proc.nthreads>1",
  "proc.vmsize>100000",
  "proc.tty!=0",
  "proc.is_container_healthcheck=true",
  "thread.ismain=true",
  "thread.ismain=false",
  "thread.vtid<100",
  "thread.cgroup.cpuacct contains docker",
  "fd.num=0",
  "fd.num>2",
  "fd.num<0",
  "fd.type=file",
  "fd.type in (ipv4, ipv6)",
  "fd.type=unix",
  "fd.typechar=f",
  "fd.name contains /etc",
  "fd.name startswith /usr/lib",
  "fd.name endswith .so",
  'fd.name glob "/proc/*/stat"',
  'fd.name glob "/usr/lib/*"',
  "fd.name pmatch (/etc, /usr/lib)",
  "fd.name pmatch (/proc)",
  "fd.name exists",
  "not fd.name exists",
  'fd.name!=""',
  "fd.directory=/etc",
  "fd.directory pmatch (/usr)",
  "fd.filename=passwd",
  "fd.filename endswith .conf",
  "fd.cip=127.0.0.1",
  "fd.sip!=127.0.0.1",
  "fd.ip=127.0.0.1",
  "fd.cport>30000",
  "fd.sport=80",
  "fd.sport in (80, 443, 3306, 8080)",
  "fd.sport<1024",
  "fd.sport=http",
  "fd.lport exists",
  "fd.rport=80",
  "fd.port=80",
  "fd.port!=80",
  "fd.net=127.0.0.0/8",
  "fd.ip=127.0.0.1 or fd.ip=0.0.0.0",
  "fd.ip=::",
  "fd.net=0.0.0.0/0",
  "fd.cnet=172.16.0.0/12",
  "fd.snet!=10.0.0.0/8",
  "fd.lip=127.0.0.1",
  "fd.rip exists",
  "fd.l4proto=tcp",
  "fd.l4proto=udp",
  "fd.sockfamily=ip",
  "fd.is_server=true",
  "fd.connected=true",
  'fd.containername contains ":"',
  "fd.containerdirectory exists",
  "fd.uid exists",
  "fd.dev>0",
  "container.id=host",
  "container.id!=host",
  "container.name exists",
  "container.name!=host",
  "container.image contains nginx",
  "container.type=docker",
  "container.privileged=true",
  "user.name=root",
  "user.uid=0",
  "user.uid!=0",
  "user.homedir=/root",
  "user.shell endswith sh",
  "group.gid=0",
  "group.name=root",
  "(proc.name=bash or proc.name=sh) and evt.type=execve",
  "not (evt.type=switch or evt.type=procinfo)",
  "not evt.type in (read, write) and fd.type=file",
  "evt.type=open and not fd.name startswith /proc",
  "proc.name exists and not proc.name in (bash, sh)",
  "((evt.type=read or evt.type=write) and (fd.num>=3 and fd.num<10)) or evt.type=close",
  'evt.type=connect and evt.dir="<" and fd.sport exists',
  '(evt.type=accept or evt.type=connect) and evt.dir="<" and fd.sport=22',
  "evt.type=clone and evt.rawres=0",
  "evt.type=connect and (fd.type=ipv4 or fd.type=ipv6) and evt.rawres<0 and evt.res!=EINPROGRESS",
  '(fd.type=ipv4 or fd.type=ipv6) and evt.buffer contains "HTTP/"',
  "evt.rawres>0 and evt.is_io_write=true and fd.name contains .log",
  "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''"
];

/** A quick cross-section, run on every capture. */
const SMALL_SUITE: readonly string[] = [
  'evt.type=open',
  'evt.type in (read, write, close)',
  'evt.type=<unknown>',
  'evt.dir="<" and evt.rawres<0',
  'evt.res!=SUCCESS',
  'proc.name exists',
  'not proc.name exists',
  'proc.name glob "*sh"',
  'proc.aname=bash',
  'fd.type in (ipv4, ipv6)',
  'fd.name pmatch (/etc, /usr, /proc)',
  'fd.name contains lib',
  'fd.sport<1024',
  'fd.port!=80',
  'container.id!=host',
  'user.uid=0',
  'thread.ismain=false',
  '(evt.is_io_read=true or evt.is_io_write=true) and evt.buflen>10',
];

/** The captures for the full suite: containers, HTTP, MySQL, IPv6, loopback TCP, files, shells, sudo. */
const FULL_CAPTURES = [
  'bencerex_example4-1.scap', 'inspect_502Error.scap', 'libs_curl_google.scap',
  'sysflow_client-server_tcp-client-server.scap', 'sysflow_files_files.scap', 'sysflow_namespaces_setns.scap',
  'instruqt_svh5_activity.scap', 'falco_psp_run_as_user_0_container.scap',
];

interface Difference {
  filter: string;
  capture: string;
  /** What sysdig 0.29.3 does with it. */
  sysdig: 'rejects' | 'selects other events';
  /** Set when we reject a filter sysdig accepts. */
  syscope?: 'rejects';
  /** What we do, and why that is the better answer. */
  reason: string;
}

/** Deliberate disagreements with sysdig 0.29.3 (also in docs/sysdig-differences.md, "Filters"). */
export const DIFFERENCES: readonly Difference[] = [
  { filter: 'proc.name=bash or proc.name=sh and evt.type=execve', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects',
    reason: "sysdig 0.29.3 refuses to mix 'and' and 'or' without parentheses; like newest libs we parse it with not > and > or" },
  { filter: 'proc.name==bash', capture: 'sysflow_namespaces_setns.scap', sysdig: 'selects other events',
    reason: "sysdig 0.29.3 reads '==' as '=' with the value '=bash' (nothing matches); newest libs and we read it as '='" },
  { filter: 'fd.type intersects (file, directory)', capture: 'bencerex_example4-1.scap', sysdig: 'rejects',
    reason: "sysdig 0.29.3's lexer takes 'intersects' for 'in' and fails; for a single-valued field we treat it as 'in'" },
  { filter: 'proc.name iglob "B*"', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'iglob is newer than sysdig 0.29.3' },
  { filter: 'proc.name regex "ba.h"', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'regex is newer than sysdig 0.29.3' },
  { filter: 'evt.buffer bcontains 48545450', capture: 'inspect_502Error.scap', sysdig: 'rejects', reason: 'bcontains (hex bytes) is newer than sysdig 0.29.3' },
  { filter: 'evt.buffer icontains error', capture: 'sysflow_nginx_nginx.scap', sysdig: 'rejects',
    reason: "sysdig 0.29.3 refuses icontains on buffers; we fold ASCII case there too, so the log tiles' drill-downs find a keyword in any case, as the tiles count it" },
  { filter: 'evt.buffer bstartswith 48545450', capture: 'inspect_502Error.scap', sysdig: 'rejects', reason: 'bstartswith (hex bytes) is newer than sysdig 0.29.3' },
  { filter: 'proc.name startswith anyof (ba, su)', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'list modifiers (oneof/anyof/allof) are newer than sysdig 0.29.3' },
  { filter: 'proc.name = val(proc.pname)', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'val() field comparisons are newer than sysdig 0.29.3' },
  { filter: 'tolower(proc.name) = sudo', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'transformers (tolower, toupper, b64, basename, len) are newer than sysdig 0.29.3' },
  { filter: 'fd.port exists', capture: 'bencerex_example4-1.scap', sysdig: 'rejects', reason: "sysdig 0.29.3 allows only '=' and '!=' on fd.port/fd.ip/fd.net; we also answer exists (either end has a value)" },
  { filter: 'evt.failed < true', capture: 'bencerex_example4-1.scap', sysdig: 'selects other events', syscope: 'rejects',
    reason: "sysdig 0.29.3 orders booleans as 0/1; like newest libs we allow only '=', '!=', in, intersects and exists on booleans" },
  { filter: 'proc.duration > 1s', capture: 'sysflow_namespaces_setns.scap', sysdig: 'rejects', reason: 'we also accept durations with a unit (ns, us, ms, s, m, h) for duration fields' },
  { filter: 'evt.num < -1', capture: 'falco_syscall.scap', sysdig: 'selects other events',
    reason: 'sysdig wraps a negative constant for an unsigned field (-1 becomes 2^64-1, so every event matches); we compare the numbers as written (none match)' },
  { filter: 'fd.ip=::1', capture: 'sysflow_client-server_tcp-client-server.scap', sysdig: 'selects other events',
    reason: "sysdig 0.29.3 compares the first 4 bytes of an IPv6 value with an IPv4 socket's address, so '::1' matches IPv4 sockets with no address yet (0.0.0.0); we compare addresses within one family, save that 0.0.0.0 and :: are the same unspecified address" },
  { filter: 'fd.net=0.0.0.0/8', capture: 'libs_curl_google.scap', sysdig: 'selects other events',
    reason: "sysdig 0.29.3 puts an IPv6 socket with no address (::) in the IPv4 network 0.0.0.0/0 but not in 0.0.0.0/8; we take :: as 0.0.0.0, which both contain" },
  { filter: 'fd.name="/var/run/docker.sock"', capture: 'falco_psp_run_as_user_0_container.scap', sysdig: 'selects other events',
    reason: "the initial fd list records unix socket paths with a trailing newline (libscap copied /proc/net/unix lines); sysdig's filter compares with it while its output drops it; we filter on the name we print" },
  { filter: 'evt.buflen > 10', capture: 'bencerex_example4-1.scap', sysdig: 'selects other events',
    reason: 'sysdig does not run the state engine on events its filter rejects, so a read exit whose enter event was filtered out loses evt.buflen (and evt.latency, fd updates, ...); we update state with every event and filter afterwards, so a field has the same value filtered or not' },
];

const skip = referenceSkip();

type Nums = { error: string } | number[];

async function sysdigNums(capture: string, filter: string): Promise<Nums> {
  const r = await runSysdigAsync(['-r', capture, '-p', '*%evt.num', filter]);
  if (r.status !== 0) return { error: `${r.stdout}${r.stderr}`.split('\n').find((l) => l.trim() !== '') ?? `exit status ${r.status}` };
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.some((l) => !/^\d+$/.test(l))) return { error: lines.find((l) => !/^\d+$/.test(l)) ?? '' };
  return lines.map(Number);
}

// The reference helper's sysdig() hides the exit status, which tells a rejected filter from an empty result.
function runSysdig(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('sysdig', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 30 });
}

function runSysdigAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sysdig', args, { env: { ...process.env, TZ: 'UTC' } });
    const out: Buffer[] = [], err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** Runs `fn` on every item, at most `width` at a time (sysdig runs are short; process start-up dominates). */
async function inPool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
}

/**
 * The printable fields whose values decide a filter. Filter-only fields are represented by the
 * fields they combine (fd.port by fd.cport and fd.sport, …); ancestor fields without an index by
 * the first ancestor levels (sysdig cannot print them without one).
 */
const PROXIES: Record<string, string[]> = {
  'fd.ip': ['fd.cip', 'fd.sip'], 'fd.net': ['fd.cip', 'fd.sip'], 'fd.cnet': ['fd.cip'], 'fd.snet': ['fd.sip'],
  'fd.lnet': ['fd.lip'], 'fd.rnet': ['fd.rip'], 'fd.port': ['fd.cport', 'fd.sport'], 'fd.proto': ['fd.cport', 'fd.sport'],
  'proc.aname': [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `proc.aname[${n}]`),
  'proc.apid': [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `proc.apid[${n}]`),
};

/**
 * Whether the filter reads a filter-only field (fd.ip, fd.port, …). Their printed stand-ins do
 * not show every value they match (a socket with no address yet prints <NA> for fd.cip and
 * fd.sip, yet fd.ip=0.0.0.0 holds for it in sysdig), so printed values can neither excuse nor
 * explain a disagreement on them: it fails as the engine's.
 */
function readsFilterOnlyField(filter: string): boolean {
  const parsed = parseFilter(filter);
  if (!parsed.ok) return false;
  const walk = (n: FilterNode): boolean => {
    if (n.kind === 'and' || n.kind === 'or') return n.children.some(walk);
    if (n.kind === 'not') return walk(n.child);
    return n.field.arg === undefined && n.field.name in PROXIES && !n.field.name.startsWith('proc.a');
  };
  return walk(parsed.value);
}

function printedFieldsOf(filter: string): string[] {
  const parsed = parseFilter(filter);
  if (!parsed.ok) return [];
  const out = new Set<string>();
  const walk = (n: FilterNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
    else if (n.kind === 'not') walk(n.child);
    else {
      const f = n.field;
      const written = f.arg !== undefined && f.written === f.name ? `${f.name}[${f.arg}]` : f.written;
      for (const p of (f.arg === undefined ? PROXIES[f.name] : undefined) ?? [written]) out.add(p);
    }
  };
  walk(parsed.value);
  return [...out];
}

const SEP = '|#|';

/** Per event (evt.num), the printed values of `fields`, as sysdig prints them. */
function sysdigValues(capture: string, fields: string[]): Map<number, string> {
  const r = runSysdig(['-r', capture, '-p', `*%evt.num${fields.map((f) => `${SEP}%${f}`).join('')}`]);
  const out = new Map<number, string>();
  for (const line of r.stdout.split('\n')) {
    const cut = line.indexOf(SEP);
    if (cut > 0) out.set(Number(line.slice(0, cut)), line.slice(cut + SEP.length));
  }
  return out;
}

/** The values sysdig has for `fields` on events `nums` while running `filter` (the events are let through with it). */
function sysdigValuesWhileFiltering(capture: string, filter: string, fields: string[], nums: number[]): Map<number, string> {
  const r = runSysdig(['-r', capture, '-p', `*%evt.num${fields.map((f) => `${SEP}%${f}`).join('')}`, `(${filter}) or evt.num in (${nums.join(', ')})`]);
  const out = new Map<number, string>();
  for (const line of r.stdout.split('\n')) {
    const cut = line.indexOf(SEP);
    if (cut > 0) out.set(Number(line.slice(0, cut)), line.slice(cut + SEP.length));
  }
  return out;
}

interface Pass { nums: Map<string, Nums>; values: Map<number, string> }

/** One pass over the capture: every filter evaluated on every event sysdig would show, and the printed fields. */
async function syscopePass(capture: string, filters: readonly string[], fields: string[]): Promise<Pass> {
  const nums = new Map<string, Nums>();
  const live: Array<{ predicate: Predicate<EventContext>; nums: number[] }> = [];
  for (const f of filters) {
    const c = compileFilter(f, fieldResolver);
    if (!c.ok) { nums.set(f, { error: c.error.message }); continue; }
    const selected: number[] = [];
    nums.set(f, selected);
    live.push({ predicate: c.predicate, nums: selected });
  }
  const printable = fields.filter((f) => { try { parseOutputFormat(`%${f}`); return true; } catch { return false; } });
  const format = parseOutputFormat(`*${fields.map((f) => (printable.includes(f) ? `%${f}` : '?')).join(SEP)}`);
  const values = new Map<number, string>();
  const inspector = new Inspector((ctx) => {
    for (let i = 0; i < live.length; i++) if (live[i].predicate(ctx)) live[i].nums.push(ctx.num);
    values.set(ctx.num, formatLine(format, ctx) ?? '');
  });
  // Events as recorded (layout 'file'), as `syscope dump` reads them to match sysdig 0.29.3.
  await readCapture(capture, {
    onSection: (x) => inspector.onSection(x),
    onMachineInfo: (x) => inspector.onMachineInfo(x),
    onProcess: (x) => inspector.onProcess(x),
    onFd: (x) => inspector.onFd(x),
    onInterface: (x) => inspector.onInterface(x),
    onUser: (x) => inspector.onUser(x),
    onGroup: (x) => inspector.onGroup(x),
    onEvent: (x) => inspector.onEvent(x),
  }, { layout: 'file' });
  return { nums, values };
}

async function syscopeNums(capture: string, filters: readonly string[]): Promise<Map<string, Nums>> {
  return (await syscopePass(capture, filters, [])).nums;
}

interface Verdict {
  /** Filters whose selection differs on an event where every field it reads prints the same as in sysdig: filter-engine bugs. */
  engine: string[];
  /** Filters whose selection differs only on events where a field it reads has another value than in sysdig: field/state gaps. */
  fieldValues: string[];
  /** Filters that differ because sysdig, while filtering, skips state updates of rejected events (see DIFFERENCES). */
  filteredState: string[];
  /** Filters that differ on events where sysdig, printing only the filter's fields, prints our values: its filter contradicts its own output. */
  filterVsOutput: string[];
  agree: number;
}

function listNums(ns: number[]): string {
  return `[${ns.slice(0, 8).join(' ')}${ns.length > 8 ? ' …' : ''}]`;
}

async function compareSuite(capture: string, suite: readonly string[]): Promise<Verdict> {
  const fieldsByFilter = new Map(suite.map((f) => [f, printedFieldsOf(f)]));
  const allFields = [...new Set([...fieldsByFilter.values()].flat())];
  const theirSelections = inPool(suite, 3, (f) => sysdigNums(capture, f));
  const ours = await syscopePass(capture, suite, allFields);
  const theirValues = sysdigValues(capture, allFields);
  const selections = await theirSelections;
  const index = new Map(allFields.map((f, i) => [f, i]));
  const verdict: Verdict = { engine: [], fieldValues: [], filteredState: [], filterVsOutput: [], agree: 0 };
  for (const [k, f] of suite.entries()) {
    const theirs = selections[k];
    const mine = ours.nums.get(f)!;
    if (!Array.isArray(mine) || !Array.isArray(theirs)) {
      const why = !Array.isArray(mine) ? `we reject it: ${mine.error}` : `sysdig rejects it: ${(theirs as { error: string }).error}`;
      (!Array.isArray(mine) && /not supported yet/.test(mine.error) ? verdict.fieldValues : verdict.engine).push(`${f}: ${why}`);
      continue;
    }
    const a = new Set(mine), b = new Set(theirs);
    const differing = [...mine.filter((n) => !b.has(n)), ...theirs.filter((n) => !a.has(n))].sort((x, y) => x - y);
    if (differing.length === 0) { verdict.agree++; continue; }
    const cols = fieldsByFilter.get(f)!.map((x) => index.get(x)!);
    let unexplained = differing.filter((n) => {
      const o = ours.values.get(n)?.split(SEP), t = theirValues.get(n)?.split(SEP);
      return o !== undefined && t !== undefined && cols.every((c) => o[c] === t[c]);
    });
    const line = `${f}: ${mine.length} vs sysdig ${theirs.length}; differing events ${listNums(differing)}`;
    if (readsFilterOnlyField(f)) { verdict.engine.push(`${line} (reads a filter-only field: printed values cannot explain it)`); continue; }
    if (unexplained.length === 0) {
      // Printed among the suite's other fields, sysdig 0.29.3 can print other values than alone
      // (its getters share state). Printed alone, do they equal ours? Then the disagreement is
      // sysdig's filter deciding on another value than the one it prints for the same event.
      const fields = fieldsByFilter.get(f)!;
      const alone = sysdigValues(capture, fields);
      const sample = differing.slice(0, 40);
      const asOurs = sample.every((n) => {
        const o = ours.values.get(n)?.split(SEP), t = alone.get(n)?.split(SEP);
        return o !== undefined && t !== undefined && fields.every((fl, i) => o[index.get(fl)!] === t[i]);
      });
      if (asOurs) verdict.filterVsOutput.push(`${line} (printed alone, sysdig shows our ${fields.join(', ')} on ${listNums(sample)}; its filter decides otherwise)`);
      else verdict.fieldValues.push(`${line} (field values differ there: ${fields.join(', ')})`);
      continue;
    }
    // sysdig does not feed events that fail its filter to the state engine, so while filtering it may
    // see other values than when printing everything. Ask it for the values it had on those events.
    const sample = unexplained.slice(0, 40);
    const filtered = sysdigValuesWhileFiltering(capture, f, fieldsByFilter.get(f)!, sample);
    unexplained = sample.filter((n) => {
      const o = ours.values.get(n)?.split(SEP), t = filtered.get(n)?.split(SEP);
      return o !== undefined && t !== undefined && cols.every((c, i) => o[c] === t[i]);
    });
    if (unexplained.length) verdict.engine.push(`${line}; with identical field values on ${listNums(unexplained)}`);
    else verdict.filteredState.push(`${line} (sysdig skipped state updates of events its filter rejected)`);
  }
  return verdict;
}

/**
 * Disagreements on events where the printed field values are identical but sysdig's filter sees
 * another value than its -p output shows (sysdig 0.29.3 filters some exit events before its
 * parsers ran; docs/sysdig-differences.md). Syscope filters on the value it prints.
 */
const KNOWN_FILTER_VALUE_GAPS: ReadonlyArray<{ capture: string; filter: string; why: string }> = [
  { capture: 'bencer_capture.scap', filter: 'fd.name contains lib',
    why: 'on a failed openat exit sysdig 0.29.3 filters on the path of the open (fd.name exists is true) while -p prints <NA>' },
];

/**
 * Fields whose printed value differs from sysdig's on purpose or through a sysdig 0.29.3 bug
 * (docs/sysdig-differences.md), so filters on them select other events there.
 */
const DOCUMENTED_VALUE_DIFFERENCES: ReadonlyArray<{ field: string; why: string }> = [
  { field: 'fd.dev', why: 'sysdig 0.29.3 reads the device of non-file fds from the file part of a C union: leftover memory, where Syscope gives 0' },
  { field: 'group.gid', why: 'sysdig 0.29.3 reads the 32-bit gid as 64 bits (3 << 32 | 1000); Syscope gives the gid' },
];

const openable = skip ? [] : captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)));

/**
 * The filter engine is judged on what it decides: a disagreement with sysdig on an event where
 * every field the filter reads prints the same value is an engine bug and fails. A disagreement
 * that comes with different field values belongs to the field getters and state engine
 * (electron/engine/fields, electron/engine/state); it is listed in a TODO test until fixed there.
 */
function report(name: string, suiteSize: number, verdicts: Array<[string, Verdict]>, documentedMustShow = false): void {
  const known = (l: string) => KNOWN_FILTER_VALUE_GAPS.some((k) => l.startsWith(`${k.capture}: ${k.filter}: `));
  const allEngine = verdicts.flatMap(([c, v]) => v.engine.map((l) => `${c}: ${l}`));
  const engine = allEngine.filter((l) => !known(l));
  const documentedField = (l: string) => DOCUMENTED_VALUE_DIFFERENCES.find((d) => l.endsWith(`(field values differ there: ${d.field})`));
  const allGaps = verdicts.flatMap(([c, v]) => v.fieldValues.map((l) => `${c}: ${l}`));
  const documented = allGaps.filter((l) => documentedField(l));
  const gaps = allGaps.filter((l) => !documentedField(l));
  const filtered = verdicts.flatMap(([c, v]) => v.filteredState.map((l) => `${c}: ${l}`));
  // Listed cases where sysdig's filter reads another value than its -p prints are the same kind.
  const contradicted = [...verdicts.flatMap(([c, v]) => v.filterVsOutput.map((l) => `${c}: ${l}`)), ...allEngine.filter(known)];
  const agree = verdicts.reduce((n, [, v]) => n + v.agree, 0);
  console.log(`# ${name}: ${agree}/${suiteSize * verdicts.length} (capture, filter) pairs select exactly sysdig's events; ${filtered.length} differ because sysdig skips state of filtered-out events; ${contradicted.length} because sysdig's filter contradicts its own output; ${documented.length} through documented field differences; ${gaps.length} through other field values; ${engine.length} through the filter engine`);
  for (const l of filtered) console.log(`#   sysdig filtered state: ${l}`);
  for (const l of contradicted) console.log(`#   sysdig filter vs its output: ${l}`);
  for (const l of documented) console.log(`#   documented (${documentedField(l)!.why}): ${l}`);
  if (documentedMustShow) {
    test(`${name}: every documented field difference still shows`, () => {
      for (const d of DOCUMENTED_VALUE_DIFFERENCES) assert.ok(documented.some((l) => documentedField(l) === d), `no filter on ${d.field} differs any more: take it off DOCUMENTED_VALUE_DIFFERENCES`);
    });
  }
  test(`${name}: the filter engine decides like sysdig wherever the field values agree`, () => {
    assert.deepEqual(engine, [], `${engine.length} filter-engine disagreements:\n${engine.join('\n')}`);
  });
  test(`${name}: field values behind the remaining disagreements`, { todo: gaps.length ? `${gaps.length} (capture, filter) pairs differ because a field has another value than in sysdig (fields/state engine)` : false }, () => {
    assert.deepEqual(gaps, [], gaps.join('\n'));
  });
}

if (!skip) {
  const full: Array<[string, Verdict]> = [];
  for (const name of FULL_CAPTURES) full.push([name, await compareSuite(join(capturesDir, name), FULL_SUITE)]);
  report(`full suite (${FULL_SUITE.length} filters × ${FULL_CAPTURES.length} captures)`, FULL_SUITE.length, full, true);
  const small: Array<[string, Verdict]> = [];
  for (const capture of openable) small.push([basename(capture), await compareSuite(capture, SMALL_SUITE)]);
  report(`small suite (${SMALL_SUITE.length} filters × ${openable.length} captures)`, SMALL_SUITE.length, small);
} else {
  test('filters against sysdig', { skip }, () => {});
}

test('every documented difference from sysdig 0.29.3 is real, and our answer is a valid selection', { skip }, async () => {
  for (const d of DIFFERENCES) {
    const capture = join(capturesDir, d.capture);
    const theirs = await sysdigNums(capture, d.filter);
    const ours = (await syscopeNums(capture, [d.filter])).get(d.filter)!;
    if (d.syscope === 'rejects') {
      assert.ok(!Array.isArray(ours), `${d.filter}: we were expected to reject it`);
      assert.ok(Array.isArray(theirs), `${d.filter}: sysdig was expected to accept it`);
      continue;
    }
    assert.ok(Array.isArray(ours), `${d.filter}: we should accept it, got: ${!Array.isArray(ours) && ours.error}`);
    if (d.sysdig === 'rejects') assert.ok(!Array.isArray(theirs), `${d.filter}: sysdig was expected to reject it`);
    else {
      assert.ok(Array.isArray(theirs), `${d.filter}: sysdig was expected to accept it`);
      assert.notDeepEqual(ours, theirs, `${d.filter}: no longer differs from sysdig; remove it from DIFFERENCES`);
    }
  }
});
