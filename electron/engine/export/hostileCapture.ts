/**
 * A small capture whose text is hostile to reports and spreadsheets, written with the capture
 * writer (engineer G's): a process, a file name and written payloads carrying `<script>`
 * tags, HTML attributes and CSV formulas. Tests export it and check that nothing runs.
 */
import { CaptureWriter } from '../writer/captureWriter';
import { FdType } from '../writer/blocks';
import type { ProcListEntry } from '../capture/types';

export const hostileText = {
  comm: '=cmd|calc',
  exe: '=2+5<script>alert(1)</script>',
  fileName: '/tmp/=SUM(1+1)<img src=x onerror=alert(2)>.log',
  payloads: [
    '<script>alert("report")</script>\n',
    '=HYPERLINK("http://evil.example/x","click")\n',
    '@SUM(A1:A9)+-1 `rm -rf ~` $(id)\n',
  ],
} as const;

const tid = 4242;
const writeEnter = 8;
const writeExit = 9;
export const hostileStartTs = 1_710_236_467_000_000_000n;

/** Writes the capture; its events are the write enter/exit pairs, #1..#6, one per payload. */
export async function writeHostileCapture(path: string): Promise<void> {
  const thread: ProcListEntry = {
    tid, pid: tid, ptid: 1, sid: tid, vpgid: tid, pgid: tid, comm: hostileText.comm, exe: hostileText.exe, exepath: '/usr/bin/evil',
    args: ['--payload', '"><svg onload=alert(3)>'], cwd: '/tmp/', fdlimit: 1024, flags: 0, uid: 0, gid: 0, vmsizeKb: 1000, vmrssKb: 100,
    vmswapKb: 0, pfmajor: 0, pfminor: 0, env: [], vtid: tid, vpid: tid, cgroups: [], root: '/', pidnsInitStartTs: 0n,
    tty: 0, loginuid: 0xffffffff, capInheritable: 0n, capPermitted: 0n, capEffective: 0n, exeWritable: false, exeUpperLayer: false,
    exeLowerLayer: false, exeFromMemfd: false, exeIno: 0n, exeInoCtime: 0n, exeInoMtime: 0n,
  };
  const w = CaptureWriter.create(path);
  w.writeHeader({
    machine: { numCpus: 2, memoryBytes: 1n << 32n, hostname: '<b>host</b>' },
    users: [{ uid: 0, gid: 0, name: 'root', home: '/root', shell: '/bin/sh', container: '' }],
    groups: [{ gid: 0, name: 'root', container: '' }],
    threads: [thread],
    fds: new Map([[tid, [{ tid, fd: 3, ino: 7n, type: FdType.FILE_V2, name: hostileText.fileName, openFlags: 0x0e, mountId: 0, dev: 0x803 }]]]),
  });
  let ts = hostileStartTs;
  for (const p of hostileText.payloads) {
    const bytes = Buffer.byteLength(p);
    w.event.begin(ts, tid, writeEnter).fd(3).u32(bytes).end(2);
    w.event.begin(ts + 5_000n, tid, writeExit).errno(bytes).text(p).end(2);
    ts += 1_000_000n;
  }
  await w.close();
}
