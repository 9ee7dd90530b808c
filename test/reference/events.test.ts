/**
 * The events list against sysdig 0.29.3: for every capture it opens, the structured fields of
 * the listed events must agree with `TZ=UTC sysdig -r F -j -p '*%f1 %f2 ...'` for every field
 * the catalog shares with sysdig and this engine resolves: each on at least 99.5% of events,
 * except the documented KNOWN_DIFFERENCES. Values are compared as text (sysdig -j prints
 * numbers, times as raw nanoseconds, booleans and strings; so does the events list).
 *
 * Further tests: the text lines against `sysdig -r F` on every capture, the process tree
 * against sysdig's procexit and clone events, and the evidence service on a real capture.
 *
 * The first EVENTS_PER_CAPTURE events of each capture are compared (all of them for smaller
 * captures). Events are paired by evt.num; a capture whose numbering drifts from sysdig's is
 * reported, and its events are paired by (time, thread, type) instead so the other fields are
 * still checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { FIELDS } from '../../shared/fields/catalog';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { openEvidence } from '../../electron/engine/evidence/openEvidence';
import { listEvents } from '../../electron/engine/evidence/eventsList';
import { defaultLine, EventFieldSet, LINE_FIELDS, type JsonValue } from '../../electron/engine/evidence/eventFields';
import { scanLifecycle } from '../../electron/engine/evidence/lifecycleScan';
import type { ProcessNode } from '../../electron/engine/evidence/processTree';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';

const EVENTS_PER_CAPTURE = 3000;
/**
 * Each judged field must agree with sysdig on this share of events (the issue's target). How
 * many events agree on all judged fields at once is reported too (each field's few misses fall
 * on different events, so that figure is lower).
 */
const BAR = 0.995;

/** The view counters (evt.count*), checked through the views against csysdig (views.test.ts). */
const absentClasses = /^(evt\.count)\b/;
/**
 * Fields sysdig 0.29.3 stops on: proc.fdusage in `-j` ("wrong event type 33": a double),
 * thread.totexectime on some captures ("invalid thread state ID"); everyField.test.ts covers both.
 */
const notInSysdigJson = new Set(['proc.fdusage', 'thread.totexectime']);

function sharedFields(): string[] {
  return FIELDS.filter((f) => f.since === 'both' && f.usage !== 'filter' && !f.arg?.required && !f.tableOnly && !f.list
    && !absentClasses.test(f.name) && !notInSysdigJson.has(f.name) && (() => { const r = fieldResolver(f.name, undefined); return r !== undefined && !('error' in r); })())
    .map((f) => f.name);
}

function text(v: JsonValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(String).join(',');
  return String(v);
}

/** sysdig -j lines, with integers too large for a double kept exact. */
function sysdigEvents(file: string, fields: string[]): Array<Record<string, string | null>> {
  const out = sysdig(['-r', file, '-j', '-p', '*' + fields.map((f) => `%${f}`).join(' '), `evt.num<=${EVENTS_PER_CAPTURE}`]);
  return out.split('\n').filter((l) => l.startsWith('{')).map((line) => {
    const obj = JSON.parse(line.replace(/:(-?\d{16,})([,}])/g, ':"$1"$2')) as Record<string, JsonValue>;
    const rec: Record<string, string | null> = {};
    for (const f of fields) rec[f] = text(obj[f]);
    return rec;
  });
}

async function ourEvents(file: string, fields: string[]): Promise<Array<Record<string, string | null>>> {
  const { walk, resolve } = openEvidence(file, '');
  const set = new EventFieldSet(fields, resolve, false, { jsonTimes: true });
  const page = await listEvents(walk, { fields: set, limit: EVENTS_PER_CAPTURE + 200, partnerLookahead: 0 });
  return page.events.map((e) => {
    const rec: Record<string, string | null> = {};
    for (const f of fields) rec[f] = text(e.fields[f]);
    return rec;
  });
}

const pairKey = (r: Record<string, string | null>) => `${r['evt.rawtime']}|${r['thread.tid']}|${r['evt.type']}|${r['evt.dir']}`;

/**
 * Fields where this engine and sysdig 0.29.3 disagree today (measured on 32,917 events of 29
 * captures), with why. They are left out of the all-fields event agreement; the test names
 * those that have come to agree, so the table shrinks as the state engine and resolver catch
 * up. None is a difference of the events list itself (paging, pairing, JSON values).
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'proc.aname': "sysdig -j drops proc.aname without an index (prints nothing for it)",
  'proc.apid': "sysdig -j prints proc.apid without an index under an empty key",
  'evt.deltatime': "sysdig 0.29.3 prints 0 for every event of a file",
  'evt.deltatime.ns': "sysdig 0.29.3 prints 0 for every event of a file",
  'group.gid': "sysdig 0.29.3 prints a 64-bit value that is not a gid (12884902888)",
  'fd.dev': "for sockets, pipes and other non-file fds sysdig 0.29.3 prints leftover memory (55A2, 564D…); we give 0",
  'fd.dev.major': "for sockets, pipes and other non-file fds sysdig 0.29.3 prints leftover memory (55A2, 564D…); we give 0",
  'fd.dev.minor': "for sockets, pipes and other non-file fds sysdig 0.29.3 prints leftover memory (55A2, 564D…); we give 0",
  'proc.is_exe_writable': "sysdig 0.29.3 leaves the flag uninitialised for some threads: what it prints depends on the other fields of the format (alone, false on every event of inspect_502Error.scap)",
  'user.loginuid': "sysdig 0.29.3 never copies loginuid from the process list: those threads and their clones show leftover memory (0, -420151296); we show the list's value",
  'user.loginname': "sysdig 0.29.3 never copies loginuid from the process list: those threads and their clones show leftover memory (0, -420151296); we show the list's value",
};

interface Tally { events: number; agreeing: number; perField: Map<string, number> }

async function compareAll(fields: string[]): Promise<{ tally: Tally; lines: string[] }> {
  const tally: Tally = { events: 0, agreeing: 0, perField: new Map(fields.map((f) => [f, 0])) };
  const lines: string[] = [];
  const judged = fields.filter((f) => !(f in KNOWN_DIFFERENCES));
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const theirs = sysdigEvents(file, fields);
    const mine = await ourEvents(file, fields);
    const byNum = new Map(mine.map((r) => [r['evt.num'], r]));
    const byKey = new Map(mine.map((r) => [pairKey(r), r]));
    let ok = 0;
    let numbered = 0;
    for (const t of theirs) {
      let o = byNum.get(t['evt.num']);
      if (o && pairKey(o) === pairKey(t)) numbered++;
      else o = byKey.get(pairKey(t));
      for (const f of fields) if (o && o[f] === t[f]) tally.perField.set(f, tally.perField.get(f)! + 1);
      if (o && judged.every((f) => o![f] === t[f])) ok++;
    }
    tally.events += theirs.length;
    tally.agreeing += ok;
    lines.push(`${basename(file)}: ${ok}/${theirs.length} events agree on all ${judged.length} fields${numbered < theirs.length ? ` (${theirs.length - numbered} paired by time/thread/type: evt.num drifts)` : ''}`);
  }
  return { tally, lines };
}

test('events: structured fields agree with sysdig -j on every capture', { skip: referenceSkip() }, async () => {
  const fields = sharedFields();
  assert.ok(fields.length > 50, `only ${fields.length} shared fields resolve`);
  for (const must of ['evt.num', 'evt.rawtime', 'thread.tid', 'evt.type', 'evt.dir']) assert.ok(fields.includes(must), `${must} must resolve`);
  const { tally, lines } = await compareAll(fields);
  console.log(lines.join('\n'));
  const rate = (f: string) => tally.perField.get(f)! / tally.events;
  const below = fields.filter((f) => rate(f) < BAR).sort((a, b) => rate(a) - rate(b));
  console.log(`events vs sysdig -j: ${tally.agreeing}/${tally.events} events (${(100 * tally.agreeing / tally.events).toFixed(2)}%) agree on all ${fields.length - Object.keys(KNOWN_DIFFERENCES).length} judged fields`);
  console.log(`fields below ${BAR * 100}%: ${below.map((f) => `${f} ${(100 * rate(f)).toFixed(1)}%${f in KNOWN_DIFFERENCES ? ' (known)' : ''}`).join(', ') || 'none'}`);
  assert.ok(tally.events > 0);
  // A known difference that has gone away is reported, not failed: the state engine improves
  // independently, and its progress should not break this test.
  const fixed = Object.keys(KNOWN_DIFFERENCES).filter((f) => fields.includes(f) && rate(f) >= BAR);
  // The table must stay exact: a field that now agrees is taken off it, not kept as an excuse.
  assert.deepEqual(fixed, [], 'fields listed in KNOWN_DIFFERENCES that now agree with sysdig');
  assert.deepEqual(below.filter((f) => !(f in KNOWN_DIFFERENCES)), [], 'fields that disagree with sysdig on more than 0.5% of events');

});

/**
 * The process tree against sysdig's view of the lifecycle events: every process sysdig sees
 * end (procexit of a thread-group leader) must end in the tree at that time with the same exit
 * code or signal, and every process sysdig sees born (the child's own clone/fork/vfork exit)
 * must be in the tree under the parent sysdig names (proc.ppid), listed among its children.
 */
test('tree: exits, parents and children agree with sysdig on procexit and clone events', { skip: referenceSkip() }, async () => {
  let exits = 0, exitsOk = 0, births = 0, birthsOk = 0, cloneParent = 0;
  const lines: string[] = [];
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const procexits = sysdig(['-r', file, '-p', '*%thread.tid %proc.pid %evt.rawtime %evt.rawarg.status', 'evt.type=procexit'])
      .split('\n').map((l) => l.split(' ')).filter((p) => p.length === 4 && p[0] === p[1]);
    const clones = sysdig(['-r', file, '-p', '*%thread.tid %proc.pid %proc.ppid %evt.rawarg.res %evt.rawarg.ptid', 'evt.type in (clone,fork,vfork) and evt.dir=<'])
      .split('\n').map((l) => l.split(' ')).filter((p) => p.length === 5 && p[0] === p[1] && p[3] === '0');
    if (procexits.length === 0 && clones.length === 0) continue;
    const { walk } = openEvidence(file, '');
    const { processes } = await scanLifecycle(walk);
    const byPid = new Map<number, ProcessNode[]>();
    for (const p of processes) byPid.set(p.pid, [...(byPid.get(p.pid) ?? []), p]);
    let eOk = 0, bOk = 0;
    for (const [, pid, ts, statusText] of procexits) {
      const status = Number(statusText);
      const sig = status & 0x7f;
      const ok = (byPid.get(Number(pid)) ?? []).some((p) => p.exitTs === ts
        && (sig !== 0 ? p.exitSignal === sig : p.exitSignal === null && p.exitCode === ((status >> 8) & 0xff)));
      if (ok) eOk++;
    }
    for (const [, pid, ppid, , eventPtid] of clones) {
      // sysdig's proc.ppid is the creating thread; the tree links the process owning it. With
      // CLONE_PARENT (runc) the kernel's ptid in the child's event is the grandparent while
      // sysdig 0.29.3 keeps the caller: the tree follows the event, and that counts as agreement.
      const ok = (byPid.get(Number(pid)) ?? []).some((p) => (p.parentTid === Number(ppid) || p.parentTid === Number(eventPtid))
        && (byPid.get(p.ppid) ?? []).every((parent) => parent.children.includes(p.pid)));
      if (ok) bOk++;
      if (ok && ppid !== eventPtid) cloneParent++;
    }
    exits += procexits.length; exitsOk += eOk; births += clones.length; birthsOk += bOk;
    lines.push(`${basename(file)}: exits ${eOk}/${procexits.length}, births ${bOk}/${clones.length}`);
  }
  console.log(lines.join('\n'));
  console.log(`tree vs sysdig: ${exitsOk}/${exits} process exits and ${birthsOk}/${births} births (parent and children) agree (${cloneParent} by the event's own ptid where sysdig keeps the CLONE_PARENT caller)`);
  assert.ok(exits > 0 && births > 0);
  assert.ok(exitsOk / exits >= BAR, `only ${exitsOk}/${exits} exits agree`);
  assert.ok(birthsOk / births >= BAR, `only ${birthsOk}/${births} births agree`);
});

test('evidence service: pages, one event in full, streams, tree and uncapped search answer for a real capture', { skip: referenceSkip(false) }, async () => {
  const file = captureFiles().find((f) => basename(f) === 'bencerex_example0_nginx.scap');
  if (!file) return;
  const svc = new EvidenceService(file);
  const first = await svc.events({ captureId: 'x', limit: 10 });
  assert.equal(first.events.length, 10);
  const second = await svc.events({ captureId: 'x', limit: 10, fromEvtNum: first.next! });
  assert.ok(second.events[0].evtNum > first.events[9].evtNum);
  // Pages served from one read-ahead pass are the same as a fresh pass would give.
  const third = await svc.events({ captureId: 'x', limit: 10, fromEvtNum: second.next! });
  const fresh = await new EvidenceService(file).events({ captureId: 'x', limit: 30 });
  assert.deepEqual([...first.events, ...second.events, ...third.events], fresh.events);
  assert.equal(third.next, fresh.next);
  const filtered = await svc.events({ captureId: 'x', limit: 5, filter: 'evt.type=accept' });
  assert.ok(filtered.events.length > 0 && filtered.events.every((e) => e.values[6] === 'accept'));
  const detail = await svc.eventDetail({ captureId: 'x', evtNum: first.events[3].evtNum });
  assert.equal(detail.fields['evt.num'], first.events[3].evtNum);
  assert.ok(Object.keys(detail.fields).length > 30, 'every field that applies');
  const accept = (await svc.events({ captureId: 'x', limit: 1, filter: 'evt.type=accept and evt.dir="<"' })).events[0];
  const acceptDetail = await svc.eventDetail({ captureId: 'x', evtNum: accept.evtNum });
  assert.equal(acceptDetail.fields['evt.arg.tuple'], '172.18.0.1:51910->172.18.0.2:80');
  assert.equal(acceptDetail.partner, accept.evtNum - 1);
  await assert.rejects(svc.eventDetail({ captureId: 'x', evtNum: 10_000_000 }), /no event #10000000/);
  await assert.rejects(svc.events({ captureId: 'x', limit: 1, filter: 'proc.name ==' }), (e: Error) => !e.message.includes('\n'));
  const streams = await svc.streams({ captureId: 'x', limit: 100 });
  const get = streams.operations.find((o) => o.direction === 'read')!;
  assert.match(Buffer.from(get.dataBase64, 'base64').toString('latin1'), /^GET \/ HTTP\/1.1\r\n/);
  const found = await svc.search({ captureId: 'x', target: 'streams', text: 'HTTP/1.1' });
  assert.deepEqual([...new Set(found.matches.map((m) => m.row))].sort(), streams.operations.filter((o) => /HTTP\/1\.1/.test(Buffer.from(o.dataBase64, 'base64').toString('latin1'))).map((o) => o.evtNum).sort());
  const inEvents = await svc.search({ captureId: 'x', target: 'events', text: 'accept' });
  assert.ok(inEvents.matches.length >= 2);
  const tree = await svc.tree({ captureId: 'x' });
  assert.ok(tree.processes.some((p) => p.name === 'nginx'));
  assert.equal(tree.containers[0]?.name, 'example0_nginx_1');
});

test('events: the text lines are sysdig’s default output, line for line, on every capture', { skip: referenceSkip() }, async () => {
  let total = 0, same = 0;
  const lines: string[] = [];
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const theirs = sysdig(['-r', file]).split('\n').filter((l) => l !== '');
    const { walk, resolve } = openEvidence(file, '');
    const set = new EventFieldSet(LINE_FIELDS, resolve);
    const mine: string[] = [];
    // Compared as printed text: a value with a newline (container JSON) spans two lines in both.
    await walk.walk((ctx) => { for (const l of defaultLine(set.readText(ctx)).split('\n')) if (l !== '') mine.push(l); });
    const n = Math.max(theirs.length, mine.length);
    let ok = 0;
    let first = '';
    for (let i = 0; i < n; i++) {
      if (theirs[i] === mine[i]) ok++;
      else if (!first) first = `\n    sysdig:  ${theirs[i]}\n    syscope: ${mine[i]}`;
    }
    total += n; same += ok;
    lines.push(`${basename(file)}: ${ok}/${n}${first}`);
  }
  console.log(lines.join('\n'));
  console.log(`events text vs sysdig -r: ${same}/${total} lines identical (${(100 * same / total).toFixed(2)}%)`);
  assert.ok(same / total >= BAR, `only ${same}/${total} lines identical`);
});

test('events: enter/exit partners give the latency sysdig shows for the exit (evt.latency)', { skip: referenceSkip() }, async () => {
  let paired = 0, agree = 0, sysdigTimed = 0, covered = 0;
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const theirs = new Map<number, string>();
    for (const line of sysdig(['-r', file, '-p', '*%evt.num %evt.latency', `evt.num<=${EVENTS_PER_CAPTURE} and evt.dir="<"`]).split('\n')) {
      const [num, lat] = line.split(' ');
      if (lat !== undefined) theirs.set(Number(num), lat);
    }
    const { walk, resolve } = openEvidence(file, '');
    const page = await listEvents(walk, { fields: new EventFieldSet(['evt.num'], resolve), limit: EVENTS_PER_CAPTURE + 200, partnerLookahead: 0 });
    const ours = new Map(page.events.filter((e) => e.partner !== null && e.partner < e.evtNum).map((e) => [e.evtNum, e.latencyNs!]));
    for (const [num, lat] of ours) {
      if (!theirs.has(num)) continue;
      paired++;
      if (theirs.get(num) === lat) agree++;
    }
    for (const [num, lat] of theirs) if (lat !== '0') { sysdigTimed++; if (ours.has(num)) covered++; }
  }
  console.log(`partners: ${agree}/${paired} paired exits have sysdig's latency; ${covered}/${sysdigTimed} exits sysdig times have a partner`);
  assert.ok(paired > 0);
  assert.ok(agree / paired >= BAR, `only ${agree}/${paired} latencies agree`);
  assert.ok(covered / sysdigTimed >= 0.95, `only ${covered}/${sysdigTimed} timed exits have a partner`);
});
