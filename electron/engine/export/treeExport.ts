/**
 * The process tree as one JSON document: each process with its facts and its children nested
 * under it, roots first (processes whose parent the capture never saw), plus the containers'
 * lifetimes.
 */
import type { Lifecycle } from '../evidence/lifecycleRecorder';
import { treeRoots, type ProcessNode } from '../evidence/processTree';

export type ProcessTreeNode = Omit<ProcessNode, 'children'> & { children: ProcessTreeNode[] };

export function nestProcessTree(nodes: readonly ProcessNode[]): ProcessTreeNode[] {
  const byPid = new Map<number, ProcessNode[]>();
  for (const n of nodes) { const l = byPid.get(n.pid) ?? []; l.push(n); byPid.set(n.pid, l); }
  const placed = new Set<ProcessNode>();
  // Iterative, so a deep chain of forks cannot overflow the stack.
  const build = (root: ProcessNode): ProcessTreeNode => {
    const top: ProcessTreeNode = { ...root, children: [] };
    placed.add(root);
    const stack: Array<[ProcessNode, ProcessTreeNode]> = [[root, top]];
    while (stack.length) {
      const [n, out] = stack.pop()!;
      for (const pid of n.children) {
        for (const k of byPid.get(pid) ?? []) {
          if (k.ppid !== n.pid || k === n || placed.has(k)) continue;
          placed.add(k);
          const child: ProcessTreeNode = { ...k, children: [] };
          out.children.push(child);
          stack.push([k, child]);
        }
      }
    }
    return top;
  };
  const roots: ProcessTreeNode[] = [];
  for (const r of treeRoots(nodes as ProcessNode[])) if (!placed.has(r)) roots.push(build(r));
  // Anything not reached from a root (a parent cycle after pid reuse) is still listed.
  for (const n of nodes) if (!placed.has(n)) roots.push(build(n));
  return roots;
}

export function processTreeJson(life: Lifecycle): string {
  const crashed = life.processes.filter((p) => p.crashed).length;
  return JSON.stringify({ processes: life.processes.length, crashed, roots: nestProcessTree(life.processes), containers: life.containers }, null, 2) + '\n';
}
