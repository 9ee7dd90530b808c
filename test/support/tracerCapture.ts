/**
 * A small synthetic capture with sysdig tracers: processes writing tracer strings to /dev/null
 * (enter/exit pairs, nested spans, thread/process ids, arguments, escapes, texts split over
 * writes, malformed writes, the JSON form),
 * so the span.* fields can be compared with sysdig on something real captures never contain.
 */
import { CaptureWriter } from '../../electron/engine/writer/captureWriter';
import { Actor, MS, O, THREAD_CLONE_FLAGS, US } from '../../electron/engine/sample/actor';
import { fileFd, groups, hostProcess, interfaces, users } from '../../electron/engine/sample/cluster';
import { Random } from '../../electron/engine/sample/random';
import { Timeline } from '../../electron/engine/sample/timeline';
import type { FdListEntry } from '../../electron/engine/capture/types';

const START_NS = 1710236467_250000000n;

/** Writes the tracer capture to `path`; returns the number of events. */
export async function writeTracerCapture(path: string): Promise<number> {
  const rng = new Random(0x7ace);
  const tl = new Timeline(START_NS);
  const app = hostProcess({ pid: 4100, ptid: 1, comm: 'tracer-app', exe: '/usr/bin/tracer-app', exepath: '/usr/bin/tracer-app', args: ['--spans'] });
  const worker = hostProcess({ pid: 4200, ptid: 4100, comm: 'worker', exe: '/usr/bin/worker', exepath: '/usr/bin/worker' });
  const plain = hostProcess({ pid: 4300, ptid: 1, comm: 'quiet', exe: '/usr/bin/quiet', exepath: '/usr/bin/quiet' });
  const a = new Actor(tl, rng, 4100, app, 0, 4100, [0, 1, 2]);
  const w = new Actor(tl, rng, 4200, worker, 1, 4200, [0, 1, 2, 3]);
  const q = new Actor(tl, rng, 4300, plain, 2, 4300, [0, 1, 2]);
  // The worker's /dev/null comes from the header's fd table, not from an open seen in the capture.
  const fds: FdListEntry[] = [fileFd(4200, 3, '/dev/null', O.WRONLY)];

  // A process whose first /dev/null write is not a tracer: that fd is never parsed again.
  q.at(1 * MS);
  const qfd = q.openat('/dev/null', O.WRONLY);
  q.write(qfd, 'hello\n');
  q.write(qfd, '>:1:never:a=1:');
  q.write(qfd, '>:2:never:');

  a.at(2 * MS);
  const fd = a.openat('/dev/null', O.WRONLY);
  a.write(fd, '>:12345:mytag.sub:a=1,b=2:');
  a.idle(300 * US);
  a.write(fd, '>:t:mytag.sub.inner:k=v:');
  a.idle(40 * US);
  a.write(fd, '<:t:mytag.sub.inner::');
  a.idle(1200 * US);
  a.write(fd, '<:12345:mytag.sub:res=ok,n=3:');
  a.write(fd, '>:p:req:url=/a\\:b,q=x\\,y:');
  a.idle(2 * MS);
  a.write(fd, '<:p:req::');
  a.write(fd, '>:pp:parent::');
  a.idle(5 * US);
  a.write(fd, '<:pp:parent::');
  a.write(fd, '<:999:nomatch::');
  a.write(fd, '>:g:global.a.b.c:x=1,y=2,z=3:');
  a.write(fd, '>:77:tr');
  a.write(fd, 'unc.x\\.y:a=1,');
  a.write(fd, 'b=');
  a.write(fd, '2:');
  a.write(fd, '>:-5:neg:v=\\=:');
  a.idle(3 * MS);
  a.write(fd, '<:77:trunc.x\\.y:');

  // The JSON form, in a thread of its own (a thread keeps one tracer parser).
  const j = a.clone(4101, THREAD_CLONE_FLAGS, { cpu: 3 });
  j.idle(10 * US);
  j.write(fd, '[">", 12345, ["mysql", "query", "init"], [{"argname1":"argval1"}, {"argname2":"argval2"}]]');
  j.write(fd, '[">", "t", [], []]');
  j.idle(250 * US);
  j.write(fd, '["<", "t", [], []]');
  j.write(fd, '[">", -9, ["a\\"b", "c.d"], [{"k":"v"}]]');
  j.write(fd, '[">", 3, ["x"], [{"a":"1","b":"2"}]]');
  j.write(fd, '["<",12345,["mysql","query","init"],[{"rows":"7"}]]');
  j.write(fd, '["<", "g", ["half"], [{"k":');
  j.write(fd, '"v"}]]');
  j.write(fd, '[">", "pp", ["x"], []]');

  // Another process closes a span the first one opened (ids and tags match across processes).
  w.at(4 * MS);
  w.write(3, '>:4200:job:step=1:');
  w.idle(1500 * MS);
  w.write(3, '<:4200:job:step=2:');
  w.write(3, '<:::');
  w.write(3, '<:g:global.a.b.c:done=1:');
  w.write(3, '<:-5:neg::');

  const writer = CaptureWriter.create(path);
  try {
    writer.writeHeader({
      machine: { numCpus: 4, memoryBytes: 8n << 30n, hostname: 'tracer-host', bootTsEpoch: START_NS - 86_400_000_000_000n },
      interfaces, users, groups, threads: [a.entry(), w.entry(), q.entry()], fds: new Map([[4200, fds]]),
    });
    tl.writeSorted(writer.sink);
    await writer.close();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return tl.size;
}
