/**
 * `npm run bench [name...]`: speed and memory of Syscope beside sysdig 0.29.3, measured in the
 * same run on the same file, reported as ratios. Never part of `npm test`.
 *
 * The large capture is a real one repeated to about 1 GB with shifted timestamps
 * (SYSCOPE_BENCH_BYTES overrides the size). Each case runs both commands under
 * /usr/bin/time to get wall time and peak RSS; the best of SYSCOPE_BENCH_RUNS (default 2) counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargeCapture } from './largeCapture';
import { benchQueries } from './queries';
import { benchEventsPaging } from './eventsPaging';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const captures = process.env.SYSCOPE_CAPTURES ?? resolve(root, '..', 'shared', 'captures');
const source = join(captures, process.env.SYSCOPE_BENCH_SOURCE ?? 'inspect_502Error.scap');
const targetBytes = Number(process.env.SYSCOPE_BENCH_BYTES ?? 1_000_000_000);
const runs = Number(process.env.SYSCOPE_BENCH_RUNS ?? 2);
const cli = join(root, 'dist', 'cli.mjs');

interface Measure { seconds: number; peakMiB: number; stdout: string; ok: boolean; stderr: string }

function measure(cmd: string[]): Measure {
  let best: Measure | undefined;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], {
      encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 28,
    });
    const last = r.stderr.trim().split('\n').at(-1) ?? '';
    const [sec, kb] = last.split(' ').map(Number);
    const m = { seconds: sec, peakMiB: kb / 1024, stdout: r.stdout, ok: r.status === 0, stderr: r.stderr };
    if (!best || m.seconds < best.seconds) best = m;
  }
  return best!;
}

/** `before` runs once, unmeasured, before the case (e.g. putting the index in the cache). */
interface Case { name: string; ours: string[]; theirs: string[]; before?: string[] }

function cases(file: string): Case[] {
  const node = process.execPath;
  const filters = {
    simple: 'evt.type=read',
    typical: 'proc.name=haproxy and evt.dir=< and fd.type=ipv4',
    complex: '(evt.type in (read,write,sendto,recvfrom) and fd.sport>=80 and not proc.name contains py) or (evt.failed=true and fd.name glob "/etc/*")',
  };
  const list: Case[] = [
    { name: 'read', ours: [node, cli, 'info', file], theirs: ['sysdig', '-r', file, '-q'] },
  ];
  for (const [k, f] of Object.entries(filters)) {
    list.push({ name: `filter-${k}`, ours: [node, cli, 'count', file, f, '--no-cache'], theirs: ['sysdig', '-r', file, '-q', f] });
  }
  // The same filter once `syscope index` has put the index in the cache: the count is read from it.
  list.push({ name: 'filter-from-index', before: [node, cli, 'index', file], ours: [node, cli, 'count', file, filters.complex], theirs: ['sysdig', '-r', file, '-q', filters.complex] });
  list.push({ name: 'index', ours: [node, cli, 'index', file, '--no-cache'], theirs: ['sysdig', '-r', file, '-q'] });
  // The process tree's own pass (the app builds it with the checkpoints' background pass instead).
  list.push({ name: 'tree', ours: [node, cli, 'tree', file, '--json', '--no-cache'], theirs: ['sysdig', '-r', file, '-q', 'evt.type in (clone, fork, vfork, execve, procexit)'] });
  list.push({ name: 'index-vs-csysdig', ours: [node, cli, 'index', file, '--no-cache'], theirs: ['csysdig', '-r', file, '-v', 'procs', '-j', '-pc'] });
  return list;
}

function hasCommand(name: string): boolean {
  const r = spawnSync(process.execPath, [cli, name, '--help'], { encoding: 'utf8' });
  return !/unknown command/.test(r.stderr);
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const dir = join(tmpdir(), 'syscope-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `large-${targetBytes}.scap`);
  console.log(`making ${file} from ${source} ...`);
  const made = await makeLargeCapture(source, file, targetBytes);
  const mb = made.bytes / 1e6;
  console.log(`large capture: ${mb.toFixed(0)} MB`);
  // sysdig -S prints one "> type  count" line per event type and no total: add them up.
  const stats = spawnSync('sysdig', ['-r', file, '-q', '-S'], { encoding: 'utf8', maxBuffer: 1 << 24 }).stdout ?? '';
  const events = [...stats.matchAll(/^[<>]\s+\S+\s+(\d+)\s*$/gm)].reduce((n, m) => n + Number(m[1]), 0) || NaN;
  const rows: string[] = [];
  for (const c of cases(file)) {
    if (wanted.length && !wanted.some((w) => c.name.startsWith(w))) continue;
    const sub = c.ours[2];
    if (!hasCommand(sub)) { console.log(`${c.name}: skipped (syscope has no '${sub}' command yet)`); continue; }
    if (c.before) spawnSync(c.before[0], c.before.slice(1), { stdio: 'ignore' });
    const ours = measure(c.ours);
    const theirs = measure(c.theirs);
    if (!ours.ok) { console.log(`${c.name}: syscope failed: ${ours.stderr.split('\n')[0]}`); continue; }
    const line = `${c.name}: syscope ${ours.seconds.toFixed(2)} s, ${ours.peakMiB.toFixed(0)} MiB peak` +
      ` | sysdig ${theirs.seconds.toFixed(2)} s, ${theirs.peakMiB.toFixed(0)} MiB peak` +
      ` | speed ratio (sysdig time / syscope time) ${(theirs.seconds / ours.seconds).toFixed(2)}` +
      ` | syscope ${(mb / ours.seconds).toFixed(0)} MB/s` +
      (Number.isFinite(events) ? `, ${(events / ours.seconds / 1e6).toFixed(2)} M evt/s (sysdig ${(events / theirs.seconds / 1e6).toFixed(2)} M evt/s)` : '') +
      (c.name.startsWith('index') && Number.isFinite(events) ? `, peak ${((ours.peakMiB * 1048576) / events).toFixed(0)} bytes/event` : '');
    console.log(line);
    rows.push(line);
  }
  // After indexing: questions answered from the index, in ms, beside csysdig/sysdig (queries.ts).
  if (!wanted.length || wanted.includes('queries')) rows.push(...await benchQueries(file));
  // Evidence pages through the worker (median/p95 of ≥ 20 requests each), beside sysdig (eventsPaging.ts).
  if (!wanted.length || wanted.includes('paging')) rows.push(...await benchEventsPaging(file));
  console.log(`\n${rows.length} benchmark(s) measured on ${mb.toFixed(0)} MB, ${events} events (sysdig -S count)`);
}

main().catch((e) => { console.error(`bench: ${e instanceof Error ? e.message : e}`); process.exit(1); });
