/**
 * Every field sysdig 0.29.3 and Syscope both know, formatted with `-p`, against
 * `TZ=UTC sysdig -r F -p '*%evt.num|%f1|%f2|…'` on every capture sysdig opens.
 *
 * The field list is sysdig's own (`sysdig -lv`), intersected with our catalog: every field that
 * needs no argument and is not filter-only, plus a few argument forms. sysdig runs on batches of
 * fields; Syscope formats all of them in one in-process pass per capture. Each (capture, field)
 * pair must agree on at least 99.5% of events, except the pairs listed in KNOWN_DIFFERENCES with
 * their reason; a listed pair that has come to agree fails the test, so the list stays exact.
 * Fields sysdig knows and our engine cannot format are listed in NOT_FORMATTED with their reason;
 * one that starts resolving fails the test until it is compared.
 *
 * `SYSCOPE_FIELD_DETAILS=1` prints the first differing event of every pair below the bar.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { formatCapture } from '../../electron/engine/inspector/formatCapture';
import { getField } from '../../shared/fields/catalog';
import { fieldResolver, resolveField } from '../../electron/engine/fields/registry';
import { compileFilter } from '../../electron/engine/filter/compile';
import { Inspector } from '../../electron/engine/inspector/inspector';
import { readCapture } from '../../electron/engine/capture/index';

const MIN_MATCH = 99.5;
const BATCH = 25;
/** Between fields and at the end of an event: bytes no field value of these captures holds. */
const SEP = '\u0001';
const END = '\u0002';
const showDetails = process.env.SYSCOPE_FIELD_DETAILS === '1';

/**
 * Argument forms both tools accept, compared like the plain fields. Not among them: `evt.rawarg.X`
 * of most parameter types (sysdig 0.29.3 prints raw values only for 64-bit signed, pid, errno and
 * text parameters: <NA> for other integers such as size, uid or fdlimit, and it stops on fd, flags
 * and signal parameters, "wrong event type 14/30/19"; Syscope prints them all), and
 * `evt.type.is.X` (sysdig -p prints <NA> followed by the field name; only its filters use it).
 */
const ARGUMENT_FORMS = [
  'proc.aname[1]', 'proc.aname[2]', 'proc.aname[3]', 'proc.apid[1]', 'proc.apid[2]', 'proc.apid[3]',
  'evt.arg[0]', 'evt.arg[1]', 'evt.arg[2]', 'evt.arg.fd', 'evt.arg.res', 'evt.arg.name', 'evt.arg.size', 'evt.arg.flags',
  'evt.rawarg.res', 'evt.rawarg.name', 'evt.rawarg.tid', 'evt.rawarg.ptid', 'evt.rawarg.exe', 'evt.rawarg.status', 'evt.rawarg.next',
  'proc.aname[0]', 'proc.apid[0]', 'proc.aname[5]', 'evt.arg[3]', 'evt.arg.data', 'evt.arg.path', 'evt.arg.tuple',
  'thread.cgroup.cpuacct', 'thread.cgroup.blkio',
  'container.mount[0]', 'container.mount[1]', 'container.mount[/var/lib/kubelet/pods/*/etc-hosts]', 'container.mount.source[0]',
  'container.mount.source[/etc/hosts]', 'container.mount.dest[0]', 'container.mount.dest[/home/*]', 'container.mount.mode[0]',
  'container.mount.rdwr[0]', 'container.mount.propagation[1]', 'thread.cgroup.memory', 'thread.cgroup.cpu',
  'k8s.pod.label.app', 'k8s.ns.label.app', 'k8s.rc.label.app', 'k8s.rs.label.app', 'k8s.svc.label.role', 'k8s.deployment.label.app',
  'span.tag[0]', 'span.arg[0]', 'span.enterarg[-1]',
];

/**
 * Fields sysdig 0.29.3 lists that Syscope does not format, with why. A field listed here that
 * resolves fails the test (take it off the list so it is compared).
 */
const NOT_FORMATTED: Record<string, string> = {
  ...Object.fromEntries(['evt.pluginname', 'evt.plugininfo'].map((f) => [f, 'plugin events: none of these captures has any, and sysdig 0.29.3 needs the plugin loaded'])),
};

/**
 * (capture, field) pairs below the bar, with why: `field` for every capture it fails on, or
 * `field@capture` for one capture. A listed entry that no longer fails fails the test.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  ...Object.fromEntries(['fd.dev', 'fd.dev.major', 'fd.dev.minor'].map((f) => [f,
    'sockets, pipes, eventfds: sysdig 0.29.3 reads the device number of every fd from the regular-file part of a C union, so it prints leftover memory (55A2, 85/162); Syscope prints 0. File fds agree.'])),
  'group.gid': 'sysdig 0.29.3 reads the 32-bit gid as 64 bits (12884902888 = 3 << 32 | 1000); Syscope prints the gid (docs/sysdig-differences.md)',
  ...Object.fromEntries(['user.loginuid', 'user.loginname'].map((f) => [f,
    'sysdig 0.29.3 never copies the login uid from the process list: those threads and their clones show leftover memory (0, -420151296); Syscope shows the list\'s value'])),
  'proc.env@bencer_capture.scap': 'some threads: sysdig has no environment where Syscope copied the parent\'s at clone (docs/sysdig-differences.md)',
  'proc.tty@libs_sample.scap': 'sysdig 0.29.3 predates the process list\'s tty field and prints 0; Syscope prints the terminal the capture records',
  ...Object.fromEntries(['fd.name', 'fd.sip', 'fd.rip', 'fd.containername'].map((f) => [`${f}@inspect_502Error.scap`,
    'haproxy\'s UDP socket: sysdig prints an uninitialised padding byte of its socket union as the last byte of an address (145.216.3.255); Syscope reads 0'])),
};

/**
 * Fields sysdig 0.29.3 stops on (an error, no further output) on some captures, with why. They
 * are compared on the captures where sysdig gets through; a listed field sysdig no longer stops
 * on fails the test.
 */
const SYSDIG_STOPS: Record<string, string> = {
  'thread.totexectime': 'sysdig 0.29.3 stops with "invalid thread state ID0" (its per-thread private state is missing for threads from the process list)',
};

/**
 * sysdig 0.29.3's format parser does not consume these names when they have no argument: it prints
 * the value and then the name again as literal text. The test compares the value only.
 */
const ECHOES_NAME = new Set(['proc.aname', 'proc.apid']);

interface SysdigField { name: string; filterOnly: boolean }

/** sysdig's field list: names at the start of a line of `sysdig -lv`, with the filter-only mark. */
function sysdigFieldList(): SysdigField[] {
  const out: SysdigField[] = [];
  const lines = sysdig(['-lv']).split('\n');
  for (let i = 0; i < lines.length; i++) {
    // A long name has its type on the next line.
    const line = /^[a-z][a-z0-9_.]*$/.test(lines[i].trimEnd()) ? `${lines[i].trimEnd()} ${lines[i + 1]?.trim()}` : lines[i];
    const m = /^([a-z][a-z0-9_.]*)\s+\(Type: \w+\)( \(FILTER ONLY\))?/.exec(line);
    if (m) out.push({ name: m[1], filterOnly: m[2] !== undefined });
  }
  return out;
}

/** sysdig rejects a field that needs an argument when it is written without one. */
function sysdigNeedsArgument(name: string, file: string): boolean {
  const out = sysdig(['-r', file, '-n', '1', '-p', `*%${name}`], { allowFail: true });
  return out === '';
}

function resolves(field: string): boolean {
  const m = /^([a-z0-9_.]+?)(?:\[(.*)\])?$/.exec(field)!;
  const r = resolveField(m[1], m[2]);
  return r !== undefined && !('error' in r);
}

function records(text: string): string[][] {
  const recs = text.split(`${END}\n`);
  if (recs[recs.length - 1] === '') recs.pop();
  return recs.map((r) => r.split(SEP));
}

async function ourRecords(file: string, fields: string[]): Promise<string[][]> {
  // Split line by line: joining every line of a large capture first outgrew the default heap.
  const recs: string[][] = [];
  await formatCapture(file, { format: `*${fields.map((f) => `%${f}`).join(SEP)}${END}` }, (l) => {
    recs.push((l.endsWith(END) ? l.slice(0, -END.length) : l).split(SEP));
  });
  return recs;
}

function theirRecords(file: string, fields: string[]): string[][] {
  return records(sysdig(['-r', file, '-p', `*%evt.num${SEP}${fields.map((f) => `%${f}`).join(SEP)}${END}`]));
}

/** Whether sysdig stops with an error when it formats this field on this capture. */
function sysdigStops(file: string, field: string): boolean {
  try {
    sysdig(['-r', file, '-p', `*%evt.num${SEP}%${field}${END}`]);
    return false;
  } catch {
    return true;
  }
}

interface PairResult { same: number; total: number; first?: string }

const skip = referenceSkip();
const files = skip ? [] : captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)));

test('-p formats every field sysdig 0.29.3 also knows as sysdig does', { skip }, async () => {
  const probeFile = files.reduce((a, b) => (a.length <= b.length ? a : b));
  const listed = sysdigFieldList();
  assert.ok(listed.length > 200, `sysdig -lv listed only ${listed.length} fields`);
  const candidates: string[] = [];
  const needArgument: string[] = [];
  const unknownToCatalog: string[] = [];
  for (const f of listed) {
    if (f.filterOnly) continue;
    const info = getField(f.name);
    if (!info) { unknownToCatalog.push(f.name); continue; }
    if (info.usage === 'filter') continue;
    if (info.arg?.required) {
      assert.ok(sysdigNeedsArgument(f.name, probeFile), `${f.name}: the catalog says it needs an argument, sysdig accepts it without`);
      needArgument.push(f.name);
      continue;
    }
    candidates.push(f.name);
  }
  candidates.push(...ARGUMENT_FORMS);
  const compared = candidates.filter((f) => resolves(f));
  const unresolved = candidates.filter((f) => !resolves(f));
  console.log(`# sysdig lists ${listed.length} fields; ${needArgument.length} need an argument (${needArgument.join(' ')})`);
  assert.deepEqual(unknownToCatalog, [], 'fields sysdig lists that the catalog lacks');
  assert.deepEqual(unresolved.filter((f) => !(f in NOT_FORMATTED)), [], 'fields both know that Syscope cannot format (and NOT_FORMATTED does not list)');
  assert.deepEqual(Object.keys(NOT_FORMATTED).filter((f) => resolves(f)), [], 'NOT_FORMATTED lists fields that now resolve');

  const results = new Map<string, PairResult>(); // `${field}@${capture}`
  const stopped = new Set<string>();
  for (const file of files) {
    const capture = basename(file);
    const mine = await ourRecords(file, ['evt.num', ...compared]);
    for (let b = 0; b < compared.length; b += BATCH) {
      const batch = compared.slice(b, b + BATCH);
      const skipped = new Set(batch.filter((f) => f in SYSDIG_STOPS && sysdigStops(file, f)));
      for (const f of skipped) stopped.add(f);
      const theirs = theirRecords(file, batch.map((f) => (skipped.has(f) ? 'evt.num' : f)));
      assert.equal(mine.length, theirs.length, `${capture}: ${mine.length} events printed, sysdig prints ${theirs.length}`);
      for (let j = 0; j < batch.length; j++) {
        if (skipped.has(batch[j])) continue;
        const r: PairResult = { same: 0, total: theirs.length };
        const col = b + j + 1;
        for (let i = 0; i < theirs.length; i++) {
          const t = theirs[i], o = mine[i];
          assert.equal(o[0], t[0], `${capture}: event ${i + 1} is evt.num ${o[0]} here, ${t[0]} in sysdig`);
          let value = t[j + 1];
          if (ECHOES_NAME.has(batch[j]) && value?.endsWith(batch[j])) value = value.slice(0, -batch[j].length);
          if (o[col] === value) r.same++;
          else r.first ??= `evt.num ${t[0]}: sysdig ${JSON.stringify(value?.slice(0, 160))} syscope ${JSON.stringify(o[col]?.slice(0, 160))}`;
        }
        results.set(`${batch[j]}@${capture}`, r);
      }
    }
  }

  const percent = (r: PairResult) => (r.total === 0 ? 100 : (100 * r.same) / r.total);
  const failing: string[] = [];
  const excused = new Set<string>();
  let good = 0;
  for (const [key, r] of results) {
    if (percent(r) >= MIN_MATCH) { good++; continue; }
    const field = key.slice(0, key.indexOf('@'));
    const why = KNOWN_DIFFERENCES[key] !== undefined ? key : KNOWN_DIFFERENCES[field] !== undefined ? field : undefined;
    if (why) excused.add(why);
    else failing.push(`${key} ${percent(r).toFixed(2)}% (${r.same}/${r.total}); first: ${r.first}`);
    if (showDetails) console.log(`# below: ${key} ${percent(r).toFixed(2)}% ${why ? '(listed) ' : ''}${r.first}`);
  }
  const stale = Object.keys(KNOWN_DIFFERENCES).filter((k) => !excused.has(k));
  console.log(`# ${compared.length} fields × ${files.length} captures compared; ${good} (capture, field) pairs ≥ ${MIN_MATCH} %; ${Object.keys(KNOWN_DIFFERENCES).length} listed differences (${results.size - good - failing.length} pairs), ${Object.keys(NOT_FORMATTED).length} fields not formatted`);
  assert.deepEqual(failing, [], 'pairs below the bar that KNOWN_DIFFERENCES does not list');
  assert.deepEqual(Object.keys(SYSDIG_STOPS).filter((f) => !stopped.has(f)), [], 'SYSDIG_STOPS lists fields sysdig now formats on every capture');
  assert.deepEqual(stale, [], 'KNOWN_DIFFERENCES entries that now agree with sysdig');
});

/**
 * thread.cpu* have values on procinfo events only, which `-p` never shows: compare them where
 * they live, `sysdig -D` (internal events shown) against `syscope dump --all`, on every capture.
 */
test('thread.cpu, thread.cpu.user and thread.cpu.system on procinfo events match sysdig -D', { skip }, async () => {
  const format = '*%evt.num %thread.tid %thread.cpu %thread.cpu.user %thread.cpu.system';
  let lines = 0, same = 0;
  const low: string[] = [];
  for (const file of files) {
    const theirs = sysdig(['-D', '-r', file, '-p', format, 'evt.type=procinfo']).split('\n');
    theirs.pop();
    const mine: string[] = [];
    await formatCapture(file, { format, all: true, filter: 'evt.type=procinfo' }, (l) => mine.push(l));
    // Paired by evt.num: with -D sysdig also shows meta events (k8s state) that its filter lets through.
    const byNum = new Map(mine.map((l) => [l.slice(0, l.indexOf(' ')), l]));
    let s = 0;
    for (const l of theirs) if (byNum.get(l.slice(0, l.indexOf(' '))) === l) s++;
    lines += mine.length; same += s;
    if (s < mine.length * MIN_MATCH / 100) low.push(`${basename(file)} ${s}/${mine.length}`);
  }
  console.log(`# thread.cpu*: ${same}/${lines} procinfo events agree`);
  assert.ok(lines > 1000, `too few procinfo events (${lines})`);
  assert.deepEqual(low, [], `captures below ${MIN_MATCH}%`);
});

/**
 * The fields added for this comparison, in filters: each filter must select exactly the events
 * sysdig selects. Left out: evt.count.error.file/net/other and thread.vmsize, which sysdig's
 * filter reads before it has parsed the event (docs/sysdig-differences.md, "in filters").
 */
const FILTERS = [
  'evt.type.is.open=1', 'evt.type.is.3=1', 'evt.count.error=1', 'evt.count.exit=1', 'proc.nchilds>0', 'fd.cproto=80',
  'fd.sproto exists', 'fd.lproto=53', 'fdlist.nums exists', 'fdlist.names contains /', 'evt.abspath contains /etc',
  'evt.wait_latency>1000000', 'evt.is_open_exec=true', 'container.healthcheck=NONE', 'container.privileged=false',
  'container.mount.dest[/home/*] exists', 'proc.sname=bash', 'proc.loginshellid exists', 'thread.cgroups contains cpu',
  'evt.rawarg.name contains lib', 'evt.rawarg.res<0', 'thread.exectime>0', 'proc.aname[0]=bash',
];
const FILTER_CAPTURES = ['bencer_capture.scap', 'bencerex_example5_nginx.scap', 'falco_psp_run_as_user_0_container.scap', 'inspect_502Error.scap',
  'instruqt_ticket-generator-http-error-6e235a58-5872-44be-b7b1-83e62973d20a-1548934474860.scap', 'libs_single_ipv6_conn.scap',
  'sysflow_files_files.scap', 'sysflow_mpm-worker_full_capture.scap', 'sysflow_objectstore_ls.scap', 'sysflow_rename_rename.scap'];

test('filters on these fields select the events sysdig selects', { skip }, async () => {
  const problems: string[] = [];
  let pairs = 0, selected = 0;
  for (const file of files.filter((f) => FILTER_CAPTURES.includes(basename(f)))) {
    const predicates = FILTERS.map((text) => {
      const c = compileFilter(text, fieldResolver);
      assert.ok(c.ok, `${text}: ${c.ok ? '' : c.error.message}`);
      return c.predicate;
    });
    const mine: number[][] = FILTERS.map(() => []);
    const inspector = new Inspector((ctx) => { predicates.forEach((p, k) => { if (p(ctx)) mine[k].push(ctx.num); }); });
    await readCapture(file, inspector, { layout: 'file' });
    FILTERS.forEach((text, k) => {
      const theirs = sysdig(['-r', file, '-p', '%evt.num', text]).split('\n').filter((l) => l !== '').join(' ');
      pairs++;
      selected += mine[k].length;
      if (mine[k].join(' ') !== theirs) problems.push(`${basename(file)} ${text}: ${mine[k].length} events, sysdig ${theirs === '' ? 0 : theirs.split(' ').length}`);
    });
  }
  console.log(`# ${FILTERS.length} filters × ${FILTER_CAPTURES.length} captures: ${pairs - problems.length}/${pairs} select sysdig's events (${selected} selections)`);
  assert.ok(selected > 1000, `the filters selected too little to prove anything (${selected})`);
  assert.deepEqual(problems, []);
});
