/**
 * The process tree of the selection: who started whom, with crashed processes marked and the
 * reason ("killed by SIGSEGV", "exited with status 1"); above it, containers that restarted,
 * with their deaths and back-off delays — the CrashLoopBackOff at a glance.
 */
import { Fragment, useEffect, useMemo, useState } from 'react';
import type { TreeReply } from '../../shared/streams/evidenceApi';
import type { ProcessNode } from '../../shared/streams/evidenceTypes';
import { useCapture, useClient } from '../state/context';
import { messageOf } from '../api/client';
import { countOf, formatDuration, formatTimestamp } from '../util/format';
import { effectiveFilter } from '../state/captureStore';

export function ProcessTreePanel() {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const filter = useCapture((s) => effectiveFilter(s.filter, s.trail[s.trail.length - 1]));
  const [tree, setTree] = useState<TreeReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyCrashed, setOnlyCrashed] = useState(false);

  useEffect(() => {
    let live = true;
    setTree(null);
    setError(null);
    client.call('tree', { captureId, filter }).then((t) => { if (live) setTree(t); }, (err) => { if (live) setError(messageOf(err)); });
    return () => { live = false; };
  }, [client, captureId, filter]);

  const byPid = useMemo(() => new Map((tree?.processes ?? []).map((p) => [p.pid, p])), [tree]);
  if (error) return <p role="alert" className="error-line panel-message">{error}</p>;
  if (!tree) return <p className="panel-message dim">Building the process tree…</p>;
  const roots = tree.processes.filter((p) => !byPid.has(p.ppid) || p.ppid === p.pid);
  const crashed = tree.processes.filter((p) => p.crashed).length;
  const groups = (tree.restartGroups ?? []).filter((g) => g.restarts > 0 || g.deaths > 0);
  return (
    <div className="evidence-panel tree-panel">
      {groups.length > 0 && (
        <section aria-label="Restarting containers" className="restart-groups">
          <h2>Restarting containers</h2>
          <table className="restart-table">
            <thead><tr><th>Container</th><th>Instances</th><th>Deaths</th><th>Restarts</th><th>Back-off</th></tr></thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key} className={g.restarts > 0 ? 'crashed' : ''}>
                  <td>{g.key}</td><td className="count">{g.instances.length}</td><td className="count">{g.deaths}</td><td className="count">{g.restarts}</td>
                  {/* A delay wraps whole, never between its number and its unit. */}
                  <td>{g.backoffNs.length ? g.backoffNs.map((ns, i) => <Fragment key={i}>{i > 0 ? ' ' : ''}<span className="delay">{i > 0 ? '→ ' : ''}{formatDuration(Number(ns))}</span></Fragment>) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="tree-bar">
        <span>{countOf(tree.processes.length, 'process', 'processes')} · <span className={crashed ? 'crash-count' : ''}>{crashed} crashed, killed or failed</span></span>
        <label><input type="checkbox" checked={onlyCrashed} onChange={(e) => setOnlyCrashed(e.target.checked)} /> Only those and their ancestors</label>
      </div>
      <ul role="tree" aria-label="Process tree" className="process-tree">
        {roots.map((p) => <TreeNode key={p.pid} node={p} byPid={byPid} onlyCrashed={onlyCrashed} depth={0} />)}
      </ul>
    </div>
  );
}

function hasCrash(node: ProcessNode, byPid: Map<number, ProcessNode>, seen = new Set<number>()): boolean {
  if (node.crashed) return true;
  if (seen.has(node.pid)) return false;
  seen.add(node.pid);
  return node.children.some((c) => { const child = byPid.get(c); return child ? hasCrash(child, byPid, seen) : false; });
}

function TreeNode({ node, byPid, onlyCrashed, depth }: { node: ProcessNode; byPid: Map<number, ProcessNode>; onlyCrashed: boolean; depth: number }) {
  const [open, setOpen] = useState(depth < 6);
  if (onlyCrashed && !hasCrash(node, byPid)) return null;
  const children = depth > 60 ? [] : node.children.map((c) => byPid.get(c)).filter((c): c is ProcessNode => c !== undefined && c.pid !== node.pid);
  return (
    <li role="treeitem" aria-expanded={children.length ? open : undefined} aria-label={`${node.name} ${node.pid}${node.crashed ? ', crashed' : ''}`}
      className={node.crashed ? 'crashed' : ''}>
      <div className="tree-row">
        {children.length ? <button type="button" className="twisty" aria-label={open ? 'Collapse' : 'Expand'} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button> : <span className="twisty" />}
        <span className="pname">{node.name}</span>
        <span className="dim">{node.pid}</span>
        <span className="cmdline" title={node.cmdline}>{node.cmdline}</span>
        {node.containerId && node.containerId !== 'host' && <span className="badge">{node.containerId.slice(0, 12)}</span>}
        {node.crashed && <span className="badge crash">{node.crashReason || 'crashed'}</span>}
        {!node.crashed && node.exitTs && <span className="dim">exited {node.exitCode !== null ? `(${node.exitCode})` : ''} {formatTimestamp(node.exitTs).slice(11, 23)}</span>}
      </div>
      {open && children.length > 0 && (
        <ul role="group">{children.map((c) => <TreeNode key={c.pid} node={c} byPid={byPid} onlyCrashed={onlyCrashed} depth={depth + 1} />)}</ul>
      )}
    </li>
  );
}
