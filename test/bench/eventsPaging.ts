/**
 * The "paging" benchmark (issue 5): how long the evidence pages take on a large capture, asked
 * through the EngineHost (so answered by the index worker, as in the app), beside sysdig
 * producing the same lines.
 *
 *   events first page, broad filter      | sysdig -r F BROAD      (until 100 lines)
 *   events first page, narrow filter     | sysdig -r F NARROW     (until 100 lines)
 *   events first page, sparse filter     | sysdig -r F SPARSE     (until 100 lines)
 *   streams first page, broad / narrow   | sysdig -r F -c echo_fds FILTER (until 100 operations)
 *   jump to the middle / to the end      | sysdig -r F evt.num>=N (until 100 lines)
 *
 * Each case is asked ≥ 20 times, interleaved round-robin so that no answer comes from the
 * previous request's read-ahead; jumps land at a different event each time (spread over ±2%
 * of the capture, so over many checkpoint spacings). Median and p95 in ms once the
 * checkpoints are laid; also, on a first open with and without the checkpoint layer
 * (worker/checkpointLayer.ts) and on a reopen from the cache (which keeps the checkpoints),
 * when the index is ready, the first middle page asked right after it, and when the checkpoints
 * are there; and the checkpoints' count and estimated memory.
 * sysdig runs SYSCOPE_PAGING_SYSDIG_RUNS times per case (default 3; median).
 *
 * Run alone: `node --import tsx test/bench/eventsPaging.ts CAPTURE [rounds]`, or as part of
 * `npm run bench` (name: paging).
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineHost } from '../../electron/engine/api/engineHost';

const BROAD = 'evt.type in (read,write,recvfrom,sendto)';
const NARROW = 'fd.name=/etc/hosts';
/** A few matches per 23,000 events: the page's matches lie far apart. */
const SPARSE = 'evt.type=kill';
const PAGE = 100;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/** Time until sysdig has printed `n` lines (or operations) that `counts` accepts, then stops it. */
function sysdigUntil(args: string[], n: number, counts: (line: string) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const t = performance.now();
    const p = spawn('sysdig', args, { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'ignore'] });
    let seen = 0;
    let rest = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const ms = performance.now() - t;
      p.kill('SIGKILL');
      resolve(ms);
    };
    p.stdout.setEncoding('latin1');
    p.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) if (counts(l) && ++seen >= n) return finish();
    });
    p.on('close', finish);
    p.on('error', () => { done = true; resolve(NaN); });
  });
}

async function sysdigMedian(args: string[], counts: (line: string) => boolean): Promise<number> {
  const runs = Number(process.env.SYSCOPE_PAGING_SYSDIG_RUNS ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await sysdigUntil(args, PAGE, counts));
  return quantile(times, 0.5);
}

/** A small deterministic generator, so runs land at the same events. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

interface OpenOnce { events: number; firstTs: string; lastTs: string; readyMs: number; middle: number; middleMs: number; laidMs: number; laidBy: string; pageHash: string; maxRssMiB: number }

/** One open in a fresh process (openOnce.ts): runs compared with each other start alike. */
function openOnce(file: string, cacheDir: string, layer: boolean): OpenOnce {
  const script = fileURLToPath(new URL('./openOnce.ts', import.meta.url));
  // Through /usr/bin/time: a process started straight from this one inherits its peak RSS (Linux
  // keeps ru_maxrss across fork and exec), and this one holds a 16 M-event index by now.
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--import', 'tsx', script, file, cacheDir, layer ? 'layer' : 'no-layer'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openOnce failed: ${r.stderr.split('\n')[0]}`);
  const once = JSON.parse(r.stdout.trim().split('\n').pop()!) as OpenOnce;
  return { ...once, maxRssMiB: Number(r.stderr.trim().split('\n').pop()) / 1024 };
}

const median = (xs: number[]) => quantile(xs, 0.5);

export async function benchEventsPaging(file: string, rounds = 20): Promise<string[]> {
  const lines: string[] = [];
  const note = (line: string) => { console.log(line); lines.push(line); };
  const cacheDir = mkdtempSync(join(tmpdir(), 'syscope-paging-cache-'));
  const host = new EngineHost({ cacheDir });
  try {
    // The first open of a capture, with the checkpoint layer beside the index build and without
    // it, twice each in the order with, without, without, with, each in a fresh process; the
    // first leaves the index and the checkpoints in `cacheDir` for the reopen below.
    const runs: Array<OpenOnce & { layer: boolean }> = [];
    for (const layer of [true, false, false, true]) {
      const dir = runs.length === 0 ? cacheDir : mkdtempSync(join(tmpdir(), 'syscope-paging-cache-'));
      runs.push({ ...openOnce(file, dir, layer), layer });
      if (dir !== cacheDir) rmSync(dir, { recursive: true, force: true });
    }
    if (new Set(runs.map((r) => r.pageHash)).size !== 1) throw new Error('the middle page differs with and without the checkpoint layer');
    const info = runs[0];
    note(`paging: ${info.events} events`);
    for (const layer of [true, false]) {
      const mine = runs.filter((r) => r.layer === layer);
      const list = (f: (r: OpenOnce) => number, unit: (x: number) => string) => mine.map((r) => unit(f(r))).join(', ');
      note(`paging: first open ${layer ? 'with the checkpoint layer' : 'without the layer (checkpoints laid after the index)'}: ` +
        `index ready in ${(median(mine.map((r) => r.readyMs)) / 1000).toFixed(1)} s (${list((r) => r.readyMs, (x) => (x / 1000).toFixed(1))}); ` +
        `page of ${PAGE} at #${info.middle} straight after ${list((r) => r.middleMs, (x) => x.toFixed(0))} ms; ` +
        `checkpoints laid ${list((r) => r.laidMs, (x) => (x / 1000).toFixed(1))} s after the index was ready (by: ${mine[0].laidBy}); peak ${list((r) => r.maxRssMiB, (x) => x.toFixed(0))} MiB`);
    }
    let t = performance.now();
    const opened = await host.openCapture({ path: file });
    const { captureId } = opened;
    await host.captureInfo({ captureId });
    const readyAt = performance.now();
    note(`paging: reopened from the cache in ${(readyAt - t).toFixed(0)} ms`);

    // Right after the index is ready, before the checkpoints: correct, only slower.
    const middle = info.middle;
    t = performance.now();
    const early = await host.events({ captureId, fromEvtNum: middle, limit: PAGE });
    note(`paging: page of ${PAGE} at #${middle} straight after the reopen (checkpoints kept in the cache by the first open): ${(performance.now() - t).toFixed(0)} ms`);

    let stats = await host.checkpointStats({ captureId });
    while (!stats.ready) {
      await new Promise((r) => setTimeout(r, 100));
      stats = await host.checkpointStats({ captureId });
    }
    note(`paging: checkpoints ready ${((performance.now() - readyAt) / 1000).toFixed(1)} s after the reopen (laid by: ${stats.laidBy}): ${stats.count}, every ${stats.spacing} events, ${(stats.bytes / 1048576).toFixed(1)} MB (${(stats.bytes / Math.max(1, stats.count) / 1024).toFixed(1)} kB each)`);
    const again = await host.events({ captureId, fromEvtNum: middle, limit: PAGE });
    if (JSON.stringify(again) !== JSON.stringify(early)) throw new Error('the middle page differs before and after the checkpoints');

    // The last event shown (the capture's last timestamp may belong to a hidden event).
    const nearEnd = BigInt(info.firstTs) + ((BigInt(info.lastTs) - BigInt(info.firstTs)) * 999n) / 1000n;
    let tail = await host.events({ captureId, fromTs: String(nearEnd), limit: 10_000, fields: ['evt.num'] });
    while (tail.next !== null) tail = await host.events({ captureId, fromEvtNum: tail.next, limit: 10_000, fields: ['evt.num'] });
    const last = tail.events.at(-1)?.evtNum ?? info.events;

    const rand = random(5);
    const near = (at: number) => Math.max(1, Math.min(last, Math.floor(at + (rand() - 0.5) * 0.04 * last)));
    const cases: Array<{ name: string; ask: () => Promise<number> }> = [
      { name: 'events first page, broad filter', ask: async () => (await host.events({ captureId, filter: BROAD, limit: PAGE })).events.length },
      { name: 'events first page, narrow filter', ask: async () => (await host.events({ captureId, filter: NARROW, limit: PAGE })).events.length },
      { name: 'events first page, sparse filter', ask: async () => (await host.events({ captureId, filter: SPARSE, limit: PAGE })).events.length },
      { name: 'streams first page, broad filter', ask: async () => (await host.streams({ captureId, filter: BROAD, limit: PAGE })).operations.length },
      { name: 'streams first page, narrow filter', ask: async () => (await host.streams({ captureId, filter: NARROW, limit: PAGE })).operations.length },
      { name: 'jump to the middle', ask: async () => (await host.events({ captureId, fromEvtNum: near(middle), limit: PAGE })).events.length },
      { name: 'jump to the end', ask: async () => (await host.events({ captureId, fromEvtNum: Math.min(last - PAGE, near(last)), limit: PAGE })).events.length },
      { name: 'streams page in the middle', ask: async () => (await host.streams({ captureId, fromEvtNum: near(middle), limit: PAGE })).operations.length },
    ];
    const times = cases.map(() => [] as number[]);
    const sizes = cases.map(() => 0);
    for (let r = 0; r < rounds; r++) {
      for (const [i, c] of cases.entries()) {
        const s = performance.now();
        sizes[i] = await c.ask();
        times[i].push(performance.now() - s);
      }
    }

    const isLine = (l: string) => /^\d+ \d/.test(l);
    const isOperation = (l: string) => l.includes('------ '); // after a colour escape
    const theirs: Array<() => Promise<number>> = [
      () => sysdigMedian(['-r', file, BROAD], isLine),
      () => sysdigMedian(['-r', file, NARROW], isLine),
      () => sysdigMedian(['-r', file, SPARSE], isLine),
      () => sysdigMedian(['-r', file, '-c', 'echo_fds', BROAD], isOperation),
      () => sysdigMedian(['-r', file, '-c', 'echo_fds', NARROW], isOperation),
      () => sysdigMedian(['-r', file, `evt.num>=${middle}`], isLine),
      () => sysdigMedian(['-r', file, `evt.num>=${last - PAGE}`], isLine),
      () => sysdigMedian(['-r', file, '-c', 'echo_fds', `evt.num>=${middle}`], isOperation),
    ];
    for (const [i, c] of cases.entries()) {
      const median = quantile(times[i], 0.5);
      const p95 = quantile(times[i], 0.95);
      const them = await theirs[i]();
      if (process.env.SYSCOPE_PAGING_VERBOSE) console.log(`  ${c.name}: ${times[i].map((x) => x.toFixed(0)).join(' ')}`);
      note(`paging ${c.name}: syscope median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times[i]).toFixed(1)} ms over ${rounds} (${sizes[i]} rows)` +
        ` | sysdig ${Number.isFinite(them) ? `${them.toFixed(0)} ms` : 'failed'} | ratio ${(them / median).toFixed(0)}x`);
    }
    // The process tree (issue: "time to build the process tree"): one pass over the capture in
    // the worker, beside sysdig reading the events the tree is made of.
    const treeTimes: number[] = [];
    let processes = 0;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      processes = (await host.tree({ captureId })).processes.length;
      treeTimes.push(performance.now() - s);
    }
    const lifecycle = await sysdigMedian(['-r', file, '-q', 'evt.type in (clone, fork, vfork, execve, procexit)'], () => false);
    // A filtered tree (the drill-down's filter in the app): the whole tree cut by the pids the
    // index names for the filter, beside sysdig finding that filter's events.
    const treeFilters = [BROAD, NARROW, SPARSE, 'proc.name=haproxy', 'container.id!=host', 'fd.type=ipv4 and evt.type=connect'];
    const cutTimes: number[] = [];
    for (const filter of treeFilters) {
      const s = performance.now();
      await host.tree({ captureId, filter });
      cutTimes.push(performance.now() - s);
    }
    const sysdigFiltered = await sysdigMedian(['-r', file, '-q', NARROW], () => false);
    note(`paging process tree under ${treeFilters.length} filters: syscope median ${quantile(cutTimes, 0.5).toFixed(0)} ms, p95 ${quantile(cutTimes, 0.95).toFixed(0)} ms` +
      ` | sysdig -q with the narrow filter ${Number.isFinite(sysdigFiltered) ? `${sysdigFiltered.toFixed(0)} ms` : 'failed'}`);
    // Asked after the checkpoints are laid: the pass that laid them has built the tree (its own pass: the `tree` case of run.ts).
    note(`paging process tree: syscope ${treeTimes[0].toFixed(0)} ms the first time after the checkpoints are laid, ${quantile(treeTimes.slice(1), 0.5).toFixed(0)} ms after (${processes} processes)` +
      ` | sysdig -q reading the clone/execve/procexit events ${Number.isFinite(lifecycle) ? `${lifecycle.toFixed(0)} ms` : 'failed'}`);
  } finally {
    await host.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1]?.endsWith('eventsPaging.ts')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx test/bench/eventsPaging.ts CAPTURE [rounds]');
    process.exit(2);
  }
  benchEventsPaging(file, Number(process.argv[3] ?? 20)).catch((e) => { console.error(`bench paging: ${e instanceof Error ? e.message : e}`); process.exit(1); });
}
