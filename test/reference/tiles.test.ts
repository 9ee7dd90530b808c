/**
 * Overview tiles against sysdig 0.29.3's wsysdig_summary chisel (what Sysdig Inspect shows),
 * on every capture sysdig can read: each tile total the chisel reports must be ours too, also
 * under a user filter. Deliberate differences are checked against plain sysdig filters instead:
 * - our "HTTP Responses" is the chisel's "HTTP Requests" (it counted responses);
 * - our "Sysdig Agent or K8s API Bytes" is the chisel's "Sysdig Agent Bytes", same ports (6443 is
 *   also the Kubernetes API server's);
 * - "File Open Errors" also counts openat/openat2 (the chisel only open);
 * - "App Log Error Messages" also counts lines saying "emerg" (nginx's level name; the chisel
 *   looks for "emergency" though Sysdig Inspect's own drill filter says "emerg"): ours may only be
 *   larger, and tileFilters.test.ts checks it against its own filter run by sysdig;
 * - "Running Processes" counts every process alive in the window, where the chisel samples the
 *   thread table 400 times and misses short-lived processes: ours may only be larger, or off by
 *   the processes whose table entry the two state engines keep differently (reported);
 * - sendfile counts as a write (the chisel reads evt.is_io_write, which sendfile lacks): the byte
 *   tiles must be the chisel's plus the bytes sendfile moved, counted with a sysdig filter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';

const skip = referenceSkip();
const renamed: Record<string, string> = { 'HTTP Requests': 'HTTP Responses', 'Sysdig Agent Bytes': 'Sysdig Agent or K8s API Bytes' };
const checkedOtherwise = new Set(['File Open Errors', 'Running Processes', 'App Log Error Messages']);
/** A user filter the chisel accepts (it also filters the thread table: process fields only). */
const USER_FILTER = 'proc.name=bash or proc.name=sh or proc.name=curl or proc.name=nginx or proc.name=httpd or proc.name=dockerd';

function chisel(file: string, filter?: string): Map<string, number> {
  const out = sysdig(['-r', file, '-c', 'wsysdig_summary', '40', ...(filter ? [filter] : [])]);
  const j = JSON.parse(out) as { slices: Array<{ data?: { metrics: Array<{ name: string; data: { tot: number } }> } }> };
  const data = j.slices[j.slices.length - 1].data;
  return new Map((data?.metrics ?? []).map((m) => [m.name, m.data.tot]));
}

const countLines = (file: string, filter: string) => sysdig(['-r', file, filter]).split('\n').filter(Boolean).length;

// The exit's fd comes from its enter event in older captures, and sysdig 0.29.3 does not parse
// the events its filter rejects: the filter must let the enter through, and the successful
// exits are picked out here.
/** Bytes sendfile moved to files and to sockets (under the user's filter, if any). */
function sendfileBytes(file: string, filter: string | undefined): { file: number; net: number } {
  const sum = (fdTypes: string) => sysdig(['-r', file, '-p', '*%evt.type %evt.dir %evt.rawres', `fd.type in (${fdTypes})${filter ? ` and (${filter})` : ''}`])
    .split('\n').map((l) => l.split(' ')).filter(([type, dir, res]) => type === 'sendfile' && dir === '<' && Number(res) >= 0)
    .reduce((n, [, , res]) => n + Number(res), 0);
  return { file: sum('file'), net: sum('ipv4, ipv6') };
}

/** The chisel's total for a tile with sendfile's bytes added where the overview counts them. */
function withSendfile(name: string, tot: number, moved: { file: number; net: number }): { low: number; high: number } {
  if (name === 'File Bytes In+Out' || name === 'File Bytes Out') return { low: tot + moved.file, high: tot + moved.file };
  if (name === 'Net Bytes In+Out' || name === 'Net Bytes Out') return { low: tot + moved.net, high: tot + moved.net };
  // A network application's bytes: what sendfile sent on that application's ports, at most all of it.
  if (name.endsWith(' Bytes')) return { low: tot, high: tot + moved.net };
  return { low: tot, high: tot };
}

test('overview tiles match the wsysdig_summary chisel on the real captures', { skip }, async () => {
  let compared = 0; let equal = 0;
  const report: string[] = [];
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    for (const filter of [undefined, USER_FILTER]) {
      const theirs = chisel(file, filter);
      const moved = sendfileBytes(file, filter);
      const ours = new Map((await session.tiles({ samples: 40, filter })).map((t) => [t.title, t]));
      for (const [name, tot] of theirs) {
        if (checkedOtherwise.has(name)) continue;
        compared++;
        const mine = ours.get(renamed[name] ?? name)?.total ?? 0;
        const { low, high } = withSendfile(name, tot, moved);
        if (mine >= low && mine <= high) equal++;
        else report.push(`${basename(file)}${filter ? ` [${filter}]` : ''} ${name}: ours ${mine}, chisel ${tot}${high > tot ? ` (+ sendfile ${high - tot})` : ''}`);
      }
      if (filter) continue;
      const openErrors = countLines(file, '(evt.type=open or evt.type=openat or evt.type=openat2) and evt.dir=< and evt.rawres<0');
      assert.equal(ours.get('File Open Errors')?.total ?? 0, openErrors, `${basename(file)} File Open Errors`);
      const appErrors = ours.get('App Log Error Messages')?.total ?? 0;
      const chiselAppErrors = theirs.get('App Log Error Messages') ?? 0;
      assert.ok(appErrors >= chiselAppErrors, `${basename(file)} App Log Error Messages: ours ${appErrors}, chisel ${chiselAppErrors}`);
      if (appErrors > chiselAppErrors) report.push(`${basename(file)} App Log Error Messages: ours ${appErrors}, chisel ${chiselAppErrors} (lines saying emerg)`);
      const procs = ours.get('Running Processes')?.total ?? 0;
      const chiselProcs = theirs.get('Running Processes') ?? 0;
      if (procs < chiselProcs) report.push(`${basename(file)} Running Processes: ours ${procs}, chisel ${chiselProcs}`);
      assert.ok(procs >= chiselProcs - 2, `${basename(file)} Running Processes: ours ${procs}, chisel ${chiselProcs}`);
    }
  }
  console.log(`# tile totals equal to the chisel's: ${equal}/${compared}`);
  for (const r of report) console.log(`#   ${r}`);
  assert.ok(equal >= compared * 0.97, `only ${equal}/${compared} tile totals equal`);
});

/** Tiles of things alive (counted from the thread table by the chisel) under a filter on a field that changes over a thread's life. */
const ALIVE_TILES = new Set(['Running Processes', 'Running Containers', 'Listening Ports']);

test('the overview accepts a filter on a field only view tables used to read (thread.vmsize.b), and counts what the chisel counts', { skip }, async () => {
  // sinsp has thread.vmsize.b; the engine's resolver leaves it to view tables, so the overview
  // once rejected a filter every view accepted. The chisel samples alive things from its thread
  // table at the end, where a process's memory is known; we judge each event when it happens.
  // sysdig also skips its state engine on the events its filter rejects (tileFilters.test.ts),
  // so a few byte and syscall totals differ by a few events: 95% must be equal.
  const filter = 'thread.vmsize.b>0';
  let compared = 0; let equal = 0;
  const report: string[] = [];
  for (const file of captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)))) {
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    const theirs = chisel(file, filter);
    const moved = sendfileBytes(file, filter);
    const ours = new Map((await session.tiles({ samples: 40, filter })).map((t) => [t.title, t]));
    for (const [name, tot] of theirs) {
      if (checkedOtherwise.has(name) || ALIVE_TILES.has(name)) continue;
      compared++;
      const mine = ours.get(renamed[name] ?? name)?.total ?? 0;
      const { low, high } = withSendfile(name, tot, moved);
      if (mine >= low && mine <= high) equal++;
      else report.push(`${basename(file)} ${name}: ours ${mine}, chisel ${tot}${high > tot ? ` (+ sendfile ${high - tot})` : ''}`);
    }
  }
  console.log(`# tile totals under ${filter} equal to the chisel's: ${equal}/${compared}`);
  for (const r of report) console.log(`#   ${r}`);
  assert.ok(compared > 100, `only ${compared} tiles compared`);
  assert.ok(equal >= compared * 0.95, `only ${equal}/${compared} tile totals equal`);
});
