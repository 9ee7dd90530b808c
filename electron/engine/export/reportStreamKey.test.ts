// A stream bookmark's report follows the operation's own stream (QA 16 F1): a key typed by hand
// in Findings named another stream (or none), and the report showed the operation followed by
// that other stream, with reproduce commands that followed it or failed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFindings, type Findings } from '../../../shared/findings/schema';
import { process as processEntry } from '../state/testing/eventBuilder';
import { CaptureWriter } from '../writer/captureWriter';
import { FdType } from '../writer/blocks';
import { buildFindingsReport, type ReportSource } from './findingsReport';

const dir = mkdtempSync(join(tmpdir(), 'syscope-streamkey-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const capture = join(dir, 'two-streams.scap');
const tid = 77;
const start = 1_710_236_467_000_000_000n;

/** One process writing to two files: #1/#2 "dns question" to fd 3, #3/#4 "error line" to fd 4, #5/#6 "dns again" to fd 3. */
async function writeTwoStreams(): Promise<void> {
  const thread = processEntry({ tid, pid: tid, sid: tid, vpgid: tid, pgid: tid, comm: 'nginx', exe: 'nginx', exepath: '/usr/sbin/nginx', vmsizeKb: 1000, vmrssKb: 100 });
  const w = CaptureWriter.create(capture);
  w.writeHeader({
    machine: { numCpus: 1, memoryBytes: 1n << 32n, hostname: 'h' },
    users: [{ uid: 0, gid: 0, name: 'root', home: '/root', shell: '/bin/sh', container: '' }],
    groups: [{ gid: 0, name: 'root', container: '' }],
    threads: [thread],
    fds: new Map([[tid, [
      { tid, fd: 3, ino: 7n, type: FdType.FILE_V2, name: '/tmp/dns.log', openFlags: 0x0e, mountId: 0, dev: 0x803 },
      { tid, fd: 4, ino: 8n, type: FdType.FILE_V2, name: '/tmp/error.log', openFlags: 0x0e, mountId: 0, dev: 0x803 },
    ]]]),
  });
  let ts = start;
  for (const [fd, text] of [[3, 'dns question\n'], [4, 'error line\n'], [3, 'dns again\n']] as const) {
    const bytes = Buffer.byteLength(text);
    w.event.begin(ts, tid, 8).fd(fd).u32(bytes).end(2);
    w.event.begin(ts + 5_000n, tid, 9).errno(bytes).text(text).end(2);
    ts += 1_000_000n;
  }
  await w.close();
}
const ready = writeTwoStreams();

const source: ReportSource = {
  info: () => ({ captureId: 'x', path: capture, fileName: 'two-streams.scap', sizeBytes: 0, events: 6, firstTs: String(start), lastTs: String(start + 2_005_000n), hostname: 'h', numCpus: 1, warnings: [] }),
  tiles: async () => [],
  view: async () => ({ columns: [], rows: [], totalRows: 0, offset: 0 }),
};

async function reportOn(bookmarks: unknown[]) {
  await ready;
  const parsed = checkFindings({ format: 'syscope-findings', version: 1, bookmarks });
  assert.ok(parsed.ok);
  return buildFindingsReport({ capturePath: capture, findings: (parsed as { findings: Findings }).findings, source });
}

test("a stream bookmark naming another stream is shown with its own stream, and says so", async () => {
  const own = (await reportOn([{ kind: 'stream', evtNum: 2 }])).model.evidence[0];
  const ownKey = own.facts.find(([k]) => k === 'Stream')![1];
  const other = (await reportOn([{ kind: 'stream', evtNum: 4 }])).model.evidence[0].facts.find(([k]) => k === 'Stream')![1];
  assert.notEqual(ownKey, other);

  const r = await reportOn([{ kind: 'stream', evtNum: 2, streamKey: other }]);
  const ev = r.model.evidence[0];
  assert.equal(ev.facts.find(([k]) => k === 'Stream')![1], ownKey);
  assert.equal(ev.excerpt?.label, `This operation's payload, then the whole stream ${ownKey}`);
  assert.match(ev.excerpt!.text, /dns again/, "the operation's own stream is followed");
  assert.doesNotMatch(ev.excerpt!.text, /error line/, 'the other stream is not mixed in');
  assert.ok(ev.commands.some((c) => c.includes(`--follow ${ownKey}`)) && !ev.commands.some((c) => c.includes(other)), 'the commands follow its own stream');
  assert.equal(ev.problem, `The bookmark names stream ${other}, but operation #2 belongs to stream ${ownKey}: the report follows ${ownKey}.`);
  assert.equal(own.problem, undefined);
  assert.match(own.excerpt!.text, /dns question[\s\S]*dns again/, 'a bookmark without a key follows its own stream too');
});

test('a key that names no stream gives no reproduce command that fails', async () => {
  const r = await reportOn([{ kind: 'stream', evtNum: 4, streamKey: 'nope' }, { kind: 'stream', evtNum: 1, streamKey: 'nope' }]);
  for (const ev of r.model.evidence) assert.ok(!ev.commands.some((c) => c.includes('nope')), ev.commands.join('\n'));
  assert.match(r.model.evidence[0].problem ?? '', /names stream nope, but operation #4 belongs to stream \S+/);
  assert.match(r.model.evidence[1].problem ?? '', /not a read or write with data/);
});
