import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LifecycleRecorder } from './lifecycleRecorder';
import type { EvidenceLookup, EvidenceThread } from './evidenceEvent';
import { evidence, i64, rawEvent, thread, u32 } from './testEvents';

const CLONE_X = 223, EXECVE_X = 293, PROCEXIT = 186, OPEN_X = 3, CONNECT_X = 23;

function cloneEvent(res: number, flags: number, tid: number, ts: bigint) {
  const params: Uint8Array[] = Array.from({ length: 21 }, () => new Uint8Array());
  params[0] = i64(res);
  params[15] = u32(flags);
  return rawEvent(CLONE_X, params, ts, tid);
}

function lookupWith(threads: Map<number, EvidenceThread>): EvidenceLookup {
  return {
    container: (id) => (id === 'c1' ? { name: 'web', image: 'nginx' } : undefined),
    userName: (uid) => (uid === 0 ? 'root' : ''),
    thread: (tid) => threads.get(tid),
  };
}

test('a fork seen from both sides, an exec and a crash make one marked child under its parent', () => {
  const threads = new Map<number, EvidenceThread>();
  const r = new LifecycleRecorder(lookupWith(threads));
  const bash = thread(100, 100, 'bash');
  r.onInitialThread(bash);
  const child = { ...thread(200, 200, 'bash'), ptid: 100 };
  threads.set(200, child);
  r.onEvent(evidence(1, cloneEvent(200, 0, 100, 10n), bash));
  r.onEvent(evidence(2, cloneEvent(0, 0, 200, 11n), child));
  const app = { ...child, comm: 'app', args: ['--fast'] };
  r.onEvent(evidence(3, rawEvent(EXECVE_X, [i64(0)], 12n, 200), app));
  r.onEvent(evidence(4, rawEvent(OPEN_X, [i64(3)], 13n, 200), app));
  r.onEvent(evidence(5, rawEvent(OPEN_X, [i64(-2)], 14n, 200), app));
  r.onEvent(evidence(6, rawEvent(CONNECT_X, [i64(-115)], 15n, 200), app));
  r.onEvent(evidence(7, rawEvent(PROCEXIT, [i64(0x80 | 11), i64(0), new Uint8Array([11]), new Uint8Array([1]), i64(0)], 16n, 200), app));
  const { processes } = r.finish();
  assert.equal(processes.length, 2);
  const p = processes[1];
  assert.deepEqual([p.pid, p.ppid, p.cmdline, p.startTs, p.startEvtNum, p.files, p.connections], [200, 100, 'app --fast', '10', 1, 1, 1]);
  assert.deepEqual([p.crashed, p.exitSignal, p.coreDumped, p.exitEvtNum, p.user], [true, 11, true, 7, 'root']);
  assert.deepEqual(processes[0].children, [200]);
});

test("a caller inside a pid namespace is ignored; the child's own event creates the process", () => {
  const threads = new Map<number, EvidenceThread>();
  const r = new LifecycleRecorder(lookupWith(threads));
  const py = { ...thread(13700, 13700, 'python', 'c1'), vtid: 1, vpid: 1 };
  // res 5885 is the child's tid inside the container; host tid 5885 is someone else.
  threads.set(5885, thread(5885, 5885, 'unrelated'));
  r.onEvent(evidence(1, cloneEvent(5885, 0, 13700, 10n), py));
  const child = { ...thread(844, 844, 'python', 'c1'), ptid: 13700, vtid: 5885, vpid: 5885 };
  r.onEvent(evidence(2, cloneEvent(0, 0, 844, 11n), child));
  const { processes, containers } = r.finish();
  assert.deepEqual(processes.map((p) => p.pid), [844]);
  assert.equal(containers.length, 1);
  assert.deepEqual([containers[0].id, containers[0].name, containers[0].events, containers[0].firstEvtNum], ['c1', 'web', 2, 1]);
});

test('a new thread from either side joins its process and an old procexit carries only the status', () => {
  const threads = new Map<number, EvidenceThread>();
  const r = new LifecycleRecorder(lookupWith(threads));
  const srv = thread(10, 10, 'srv');
  r.onEvent(evidence(1, cloneEvent(0, 0, 10, 1n), srv));
  const worker = thread(11, 10, 'srv');
  threads.set(11, worker);
  r.onEvent(evidence(2, cloneEvent(11, 0x2000, 10, 2n), srv));
  r.onEvent(evidence(3, rawEvent(PROCEXIT, [i64(2)], 3n, 11), worker));
  r.onEvent(evidence(4, rawEvent(PROCEXIT, [i64(2)], 4n, 10), srv));
  const [p] = r.finish().processes;
  assert.deepEqual([p.threads, p.exitSignal, p.exitCode, p.crashed, p.exitEvtNum], [2, 2, null, true, 4]);
});

test("a child's parent is the one its clone event names, even when the state already re-parented it", () => {
  const r = new LifecycleRecorder(lookupWith(new Map()));
  const params: Uint8Array[] = Array.from({ length: 21 }, () => new Uint8Array());
  params[0] = i64(0);
  params[5] = i64(10309);
  params[15] = u32(0);
  const child = { ...thread(10310, 10310, 'runc:[1:CHILD]'), ptid: 10301 };
  r.onEvent(evidence(531, rawEvent(CLONE_X, params, 5n, 10310), child));
  assert.deepEqual(r.finish().processes.map((p) => [p.pid, p.parentTid]), [[10310, 10309]]);
});

test('a container the capture described is listed even when none of its processes ran', () => {
  const r = new LifecycleRecorder({ ...lookupWith(new Map()), containerIds: () => ['c1'] });
  const { containers } = r.finish();
  assert.deepEqual(containers.map((c) => [c.id, c.name, c.hasMetadata, c.events]), [['c1', 'web', true, 0]]);
});
