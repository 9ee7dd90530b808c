/**
 * How the process tree says a process ended, against what sysdig 0.29.3 shows on the real
 * captures:
 * - the signal named is the one in procexit's wait status (status & 0x7f), also where the event
 *   before it is a signaldeliver of another signal. In sysflow_client-server both processes are
 *   interrupted (status 2, SIGINT, their read of the terminal ends in ERESTARTSYS) and the
 *   kernel then ends them with a SIGKILL of its own (spid 0): that SIGKILL is how a fatal signal
 *   takes down every thread, not the cause;
 * - every process ended by a signal counts among the crashed, killed or failed;
 * - a thread whose uid was never recorded has the user sysdig prints for it: user.uid 4294967295,
 *   user.name <NA>.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip, sysdig } from '../support/reference';
import { EvidenceService } from '../../electron/engine/evidence/evidenceService';

const skip = referenceSkip();
const file = join(capturesDir, 'sysflow_client-server_tcp-client-server.scap');

/** Per pid, sysdig's procexit status of its leader and the signal delivered just before it. */
function sysdigEndings(): Map<number, { status: number; delivered: string; spid: string }> {
  const lines = sysdig(['-r', file, '-p', '*%evt.num %evt.type %thread.tid %proc.pid %evt.args', 'evt.type in (signaldeliver, procexit) and evt.dir=>'])
    .split('\n').filter(Boolean).map((l) => l.split(' '));
  const out = new Map<number, { status: number; delivered: string; spid: string }>();
  lines.forEach(([num, type, tid, pid, ...args], i) => {
    if (type !== 'procexit' || tid !== pid) return;
    const before = lines[i - 1];
    const deliveredBefore = before && before[1] === 'signaldeliver' && before[2] === tid && Number(before[0]) === Number(num) - 1;
    out.set(Number(pid), {
      status: Number(args.find((a) => a.startsWith('status='))!.slice(7)),
      delivered: deliveredBefore ? before.find((a) => a.startsWith('sig='))!.slice(4) : '',
      spid: deliveredBefore ? before.find((a) => a.startsWith('spid='))!.slice(5) : '',
    });
  });
  return out;
}

test('a process ended by a signal is named by its exit status and counted: sysflow client-server, interrupted then ended by the kernel', { skip }, async () => {
  const theirs = sysdigEndings();
  const tree = await new EvidenceService(file).tree({ captureId: 'x' });
  const killedAfterKernelKill = [...theirs].filter(([, e]) => e.delivered === '9(SIGKILL)' && e.spid === '0' && (e.status & 0x7f) !== 9);
  assert.equal(killedAfterKernelKill.length, 2, 'the capture still shows two kernel SIGKILLs before exits with another signal');
  for (const [pid, e] of killedAfterKernelKill) {
    const p = tree.processes.find((n) => n.pid === pid);
    assert.ok(p, `pid ${pid} is in the tree`);
    assert.equal(p.exitSignal, e.status & 0x7f, `pid ${pid}: the signal of status ${e.status}`);
    assert.equal(p.exitSignal, 2);
    assert.deepEqual([p.crashed, p.crashReason, p.exitCode], [true, 'killed by SIGINT', null], `pid ${pid}`);
  }
  // Every exit with a signal in its status counts, and only those or a non-zero exit code.
  for (const p of tree.processes.filter((n) => n.exitTs !== null)) {
    const status = theirs.get(p.pid)?.status;
    if (status === undefined) continue;
    assert.equal(p.crashed, status !== 0, `pid ${p.pid} status ${status}`);
  }
});

test('a process whose uid the capture never recorded shows sysdig\'s user.uid and user.name for it', { skip }, async () => {
  const tree = await new EvidenceService(file).tree({ captureId: 'x' });
  const seen = sysdig(['-r', file, '-p', '*%proc.pid %user.uid %user.name', 'proc.pid in (13823, 13824)']).split('\n').filter(Boolean);
  const distinct = new Set(seen);
  assert.equal(distinct.size, 2, [...distinct].join('\n'));
  for (const line of distinct) {
    const [pid, uid, name] = line.split(' ');
    const p = tree.processes.find((n) => n.pid === Number(pid))!;
    assert.deepEqual([String(p.uid), p.user], [uid, name], `pid ${pid}`);
  }
});
