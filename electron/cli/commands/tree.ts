/**
 * `syscope tree <capture> [FILTER] [--json] [--containers]`: every process seen in the capture
 * with its parent, command line, user, container, life span and how it ended (crashes
 * marked), as an indented tree; or, with --containers, each container's lifetime and the end
 * of its main processes. A filter keeps the processes that have a matching event. The whole
 * tree kept in the cache (laid by the app or `syscope index`) is read instead of a pass, and a
 * filter then narrows it by the pids the cached index names; --no-cache always makes the pass.
 */
import type { Command } from '../main';
import { parseCommandLine } from '../../engine/evidence/commandLine';
import { openTreeEvidence, treeFilterFields } from '../../engine/evidence/openEvidence';
import { scanLifecycle } from '../../engine/evidence/lifecycleScan';
import { keptEvidenceFor, keptEvidenceService } from '../keptEvidence';
import { requireCaptureFile } from '../inputFile';
import { requireCaptureHoldsEvents } from '../emptyCapture';
import { requireValidFilter } from '../filterCheck';
import { readerWarnings, reportDamage } from '../captureDamage';
import { endingsSummary, treeRoots, signalName, type ProcessNode } from '../../engine/evidence/processTree';
import { countOf } from '../../../shared/format/plural';
import type { ContainerLifetime, RestartGroup } from '../../engine/evidence/containerLifetimes';
import { jsonLine } from '../../engine/evidence/eventFields';
import { formatDuration } from '../../../shared/format/duration';
import { formatTime } from '../../../shared/format/time';

const usage = 'usage: syscope tree <capture> [FILTER] [--json] [--containers] [--no-cache]';

export const command: Command = {
  summary: 'process tree (parents, command lines, exits, crashes) and containers over time',
  usage: `${usage}\n  --json: JSON lines, one object per process (with --containers, one per container and restart group)`,
  options: { valued: [], flags: ['--json', '--containers', '--no-cache'] },
  async run(args) {
    const cl = parseCommandLine(args, [], ['json', 'containers', 'no-cache']);
    requireCaptureFile(cl.capture);
    await requireCaptureHoldsEvents(cl.capture);
    requireValidFilter(cl.filter, treeFilterFields());
    const { walk, predicate } = openTreeEvidence(cl.capture, cl.filter);
    const kept = cl.options.has('no-cache') ? undefined : await keptEvidenceFor(cl.capture);
    const life = kept ? await (await keptEvidenceService(kept)).tree({ captureId: cl.capture, filter: cl.filter }) : await scanLifecycle(walk, predicate);
    const json = cl.options.has('json');
    if (cl.options.has('containers')) {
      if (json) {
        for (const c of life.containers) console.log(jsonLine({ record: 'container', ...c }));
        for (const g of life.restartGroups) console.log(jsonLine({ record: 'restarts', ...g }));
      } else {
        printContainers(life.containers);
        printRestarts(life.restartGroups);
      }
    } else if (json) for (const p of life.processes) console.log(jsonLine(p));
    else printTree(life.processes);
    // The tree covers the whole capture: its end, readable or not, is part of the answer.
    return reportDamage('tree', cl.capture, await readerWarnings(cl.capture, cl.options.has('no-cache'), kept ? undefined : walk.readWarnings));
  },
};

function when(ts: string | null): string {
  return ts === null ? '?' : formatTime(BigInt(ts));
}

function ending(p: ProcessNode): string {
  if (p.exitTs === null) return 'running';
  if (p.exitSignal !== null) return `killed by ${signalName(p.exitSignal)}${p.coreDumped ? ' (core dumped)' : ''}`;
  return `exited ${p.exitCode}`;
}

function describe(p: ProcessNode): string {
  const parts = [`${p.pid} ${p.cmdline}`];
  if (p.user) parts.push(`user=${p.user}`); else parts.push(`uid=${p.uid}`);
  if (p.containerId) parts.push(`container=${p.containerId}`);
  parts.push(`${when(p.startTs)}..${p.exitTs === null ? '' : when(p.exitTs)}`, ending(p));
  parts.push(`files=${p.files} conns=${p.connections} children=${p.children.length}`);
  return (p.crashed ? '!! ' : '') + parts.join('  ');
}

function printTree(nodes: ProcessNode[]): void {
  const byPid = new Map<number, ProcessNode[]>();
  for (const n of nodes) { const l = byPid.get(n.pid) ?? []; l.push(n); byPid.set(n.pid, l); }
  const printed = new Set<ProcessNode>();
  const print = (n: ProcessNode, prefix: string, last: boolean, root: boolean) => {
    if (printed.has(n)) return;
    printed.add(n);
    console.log(root ? describe(n) : `${prefix}${last ? '└─ ' : '├─ '}${describe(n)}`);
    const kids = n.children.flatMap((pid) => (byPid.get(pid) ?? []).filter((c) => c.ppid === n.pid && c !== n));
    const childPrefix = root ? '' : prefix + (last ? '   ' : '│  ');
    kids.forEach((k, i) => print(k, childPrefix, i === kids.length - 1, false));
  };
  for (const r of treeRoots(nodes)) print(r, '', true, true);
  // Anything not reached from a root (a parent cycle after pid reuse) still gets listed.
  for (const n of nodes) print(n, '', true, true);
  const crashed = nodes.filter((n) => n.crashed).length;
  const how = endingsSummary(nodes);
  console.log(`${countOf(nodes.length, 'process', 'processes')}, ${crashed} crashed, killed or failed${how ? ` (${how})` : ''}`);
}

function printContainers(list: ContainerLifetime[]): void {
  if (list.length === 0) { console.log('no containers in this capture'); return; }
  for (const c of list) {
    const name = c.hasMetadata ? `${c.name} (${c.image})` : '(no container metadata in the capture)';
    console.log(`${c.id} ${name}`);
    const seen = c.events === 0 ? 'no events during the capture' : `seen ${when(c.firstTs)} .. ${when(c.lastTs)} (events #${c.firstEvtNum}..#${c.lastEvtNum}, ${countOf(c.events, 'event')})`;
    console.log(`  ${seen}, ${countOf(c.processes.length, 'process', 'processes')}`);
    console.log(`  main processes: ${c.mainProcesses.length}, deaths ${c.deaths}, restarts ${c.restarts}${c.died ? ', DIED' : ''}`);
    for (const m of c.mainProcesses) {
      const end = m.exitTs === null ? 'still running' : m.exitSignal !== null ? `killed by ${signalName(m.exitSignal)} at ${when(m.exitTs)} (#${m.exitEvtNum})` : `exited ${m.exitCode} at ${when(m.exitTs)} (#${m.exitEvtNum})`;
      console.log(`    ${m.crashed ? '!! ' : ''}${m.pid} ${m.cmdline}: started ${when(m.startTs)}, ${end}`);
    }
  }
}


function printRestarts(groups: RestartGroup[]): void {
  const eventful = groups.filter((g) => g.deaths > 0 || g.restarts > 0 || g.instances.length > 1);
  if (eventful.length === 0) return;
  console.log('restarts:');
  for (const g of eventful) {
    const what = g.kind === 'kubernetes' ? `container ${g.container} of pod ${g.pod} (namespace ${g.namespace})` : `container ${g.container}`;
    console.log(`  ${what}: ${g.instances.length} instance(s), ${g.deaths} death(s), ${g.restarts} restart(s)`);
    if (g.endings.length) console.log(`    ended: ${g.endings.join(', ')}`);
    // Written as the app's Processes tab writes it (shared/format/duration.ts).
    if (g.backoffNs.length) console.log(`    back-off before each restart: ${g.backoffNs.map((ns) => formatDuration(Number(ns))).join(' → ')}`);
  }
}
