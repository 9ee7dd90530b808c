import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureWriter } from './captureWriter';
import { FdType } from './blocks';
import { readCapture } from '../capture';
import type { CaptureEvent, FdListEntry, ProcListEntry, UserEntry } from '../capture/types';

const dir = mkdtempSync(join(tmpdir(), 'syscope-captureWriter-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const thread: ProcListEntry = {
  tid: 4242, pid: 4242, ptid: 1, sid: 4242, vpgid: 4242, pgid: 4242, comm: 'nginx', exe: 'nginx', exepath: '/usr/sbin/nginx',
  args: ['-g', 'daemon off;'], cwd: '/srv/', fdlimit: 1048576, flags: 0, uid: 101, gid: 101, vmsizeKb: 11200, vmrssKb: 3900,
  vmswapKb: 0, pfmajor: 2, pfminor: 900, env: ['PATH=/usr/bin', 'LANG=C'], vtid: 1, vpid: 1,
  cgroups: ['cpu=/kubepods/pod1/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'], root: '/', pidnsInitStartTs: 0n,
  tty: 0, loginuid: 0xffffffff, capInheritable: 0n, capPermitted: 0n, capEffective: 0n, exeWritable: false, exeUpperLayer: false,
  exeLowerLayer: false, exeFromMemfd: false, exeIno: 0n, exeInoCtime: 0n, exeInoMtime: 0n,
};
const fds: FdListEntry[] = [
  { tid: 4242, fd: 3, ino: 77n, type: FdType.FILE_V2, name: '/var/log/nginx/error.log', openFlags: 0x0e, mountId: 0, dev: 0x803 },
  { tid: 4242, fd: 4, ino: 78n, type: FdType.IPV4_SOCK, name: '', openFlags: 0, mountId: 0, dev: 0, sip: new Uint8Array([10, 0, 0, 5]), dip: new Uint8Array([10, 0, 0, 12]), sport: 52344, dport: 22, l4proto: 2 },
  { tid: 4242, fd: 5, ino: 79n, type: FdType.IPV4_SERVSOCK, name: '', openFlags: 0, mountId: 0, dev: 0, sip: new Uint8Array([0, 0, 0, 0]), sport: 80, l4proto: 2 },
  { tid: 4242, fd: 6, ino: 80n, type: FdType.UNIX_SOCK, name: '/run/app.sock', openFlags: 0, mountId: 0, dev: 0, unixSource: 0xffff8881a0c3e000n, unixDest: 0n },
  { tid: 4242, fd: 7, ino: 0n, type: FdType.EVENTPOLL, name: '', openFlags: 0, mountId: 0, dev: 0 },
];
const users: UserEntry[] = [{ uid: 0, gid: 0, name: 'root', home: '/root', shell: '/bin/bash', container: '' }];

async function writeExample(path: string, gzip: boolean): Promise<void> {
  const w = CaptureWriter.create(path, { gzip });
  w.writeHeader({
    machine: { numCpus: 8, memoryBytes: 1n << 34n, hostname: 'node-7', bootTsEpoch: 1_700_000_000_000_000_000n },
    interfaces: [{ name: 'eth0', family: 4, addr: new Uint8Array([10, 0, 0, 12]), netmask: new Uint8Array([255, 255, 255, 0]), bcast: new Uint8Array([10, 0, 0, 255]), linkspeed: 1000n }],
    users, groups: [{ gid: 0, name: 'root', container: '' }], threads: [thread], fds: new Map([[4242, fds]]),
  });
  const t0 = 1_710_236_467_000_000_000n;
  w.event.begin(t0, 4242, 8).fd(3).u32(5).end(2); // write E
  w.event.begin(t0 + 900n, 4242, 9).errno(5).text('oops\n').end(2); // write X
  w.event.begin(t0 + 1000n, 4242, 22).fd(4).sockaddr4([10, 96, 0, 10], 53).end(2); // connect E
  w.event.begin(t0 + 2000n, -1, 324).str('{"container":{"id":"0123456789ab"}}').end(0); // container JSON, u32 lengths
  await w.close();
}

test('header blocks and events come back from the reader as they were written, plain and gzip', async () => {
  for (const gzip of [false, true]) {
    const path = join(dir, `example-${gzip}.scap`);
    await writeExample(path, gzip);
    assert.equal(readFileSync(path)[0] === 0x1f, gzip);
    const seen = { threads: [] as ProcListEntry[], fds: [] as FdListEntry[], users: [] as UserEntry[], events: [] as Array<{ type: number; tid: number; ts: bigint; params: string[] }>, hostname: '', ifaces: 0 };
    const summary = await readCapture(path, {
      onMachineInfo: (mi) => { seen.hostname = mi.hostname; },
      onInterface: () => { seen.ifaces++; },
      onUser: (u) => seen.users.push(u),
      onProcess: (p) => seen.threads.push(p),
      onFd: (f) => seen.fds.push(f),
      onEvent: (ev: CaptureEvent) => seen.events.push({
        type: ev.type, tid: ev.tid, ts: ev.ts,
        params: Array.from({ length: ev.nparams }, (_, i) => Buffer.from(ev.data.subarray(ev.paramOffset[i], ev.paramOffset[i] + ev.paramLength[i])).toString('hex')),
      }),
    }, { layout: 'file' });
    assert.deepEqual(summary.warnings, []);
    assert.equal(seen.hostname, 'node-7');
    assert.equal(seen.ifaces, 1);
    assert.deepEqual(seen.users.map((u) => [u.uid, u.name, u.home, u.shell]), [[0, 'root', '/root', '/bin/bash']]);
    const t = seen.threads[0];
    assert.deepEqual([t.tid, t.pid, t.ptid, t.comm, t.exe, t.exepath, t.args, t.cwd, t.env, t.cgroups, t.vtid, t.vpid, t.uid, t.gid, t.loginuid],
      [4242, 4242, 1, 'nginx', 'nginx', '/usr/sbin/nginx', ['-g', 'daemon off;'], '/srv/', ['PATH=/usr/bin', 'LANG=C'], thread.cgroups, 1, 1, 101, 101, 0xffffffff]);
    assert.deepEqual(seen.fds.map((f) => [f.fd, f.type, f.name]), fds.map((f) => [f.fd, f.type, f.name]));
    assert.deepEqual([...seen.fds[1].sip!, seen.fds[1].sport, ...seen.fds[1].dip!, seen.fds[1].dport], [10, 0, 0, 5, 52344, 10, 0, 0, 12, 22]);
    assert.equal(seen.fds[3].unixSource, 0xffff8881a0c3e000n);
    assert.deepEqual(seen.events.map((e) => e.type), [8, 9, 22, 324]);
    assert.equal(seen.events[3].tid, -1);
    assert.deepEqual(seen.events[1].params, ['0500000000000000', Buffer.from('oops\n').toString('hex')]);
    assert.deepEqual(seen.events[2].params[1], '020a60000a3500'); // AF_INET, 10.96.0.10, port 53 little-endian
    assert.equal(Buffer.from(seen.events[3].params[0], 'hex').toString(), '{"container":{"id":"0123456789ab"}}\0');
  }
});

test('a capture that cannot be written fails with one line and leaves no partial file behind', async () => {
  const w = CaptureWriter.create(join(dir, 'no-such-dir', 'x.scap'));
  w.writeHeader({ machine: { numCpus: 1, memoryBytes: 0n, hostname: 'h' } });
  await assert.rejects(w.close(), (e: Error) => /^cannot write .*x\.scap: directory does not exist$/.test(e.message));
  const w2 = CaptureWriter.create(join(dir, 'aborted.scap'));
  w2.writeHeader({ machine: { numCpus: 1, memoryBytes: 0n, hostname: 'h' } });
  await w2.abort();
  assert.equal(existsSync(join(dir, 'aborted.scap')), false);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('partial')), []);
});
