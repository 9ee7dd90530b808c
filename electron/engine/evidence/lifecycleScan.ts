/**
 * One pass over a capture for the process tree and the containers over time. A filter narrows
 * which processes are listed (a process is kept when one of its events matches), never what
 * is known about them: lifecycles are always built from every event. So a filtered tree is the
 * whole one narrowed to the pids the filter matches, which the capture index can tell without
 * this pass (api/indexPids.ts).
 */
import type { Predicate } from '../filter/compile';
import type { EventWalk } from './eventWalk';
import { LifecycleRecorder, type Lifecycle } from './lifecycleRecorder';

export async function scanLifecycle<Ctx>(walk: EventWalk<Ctx>, predicate?: Predicate<Ctx>): Promise<Lifecycle> {
  const recorder = new LifecycleRecorder(walk.lookup);
  const matchedPids = new Set<number>();
  await walk.walk(
    (ctx, e) => {
      recorder.onEvent(e);
      if (predicate && e.thread && predicate(ctx)) matchedPids.add(e.thread.pid);
    },
    (t) => recorder.onInitialThread(t),
  );
  const all = recorder.finish();
  return predicate ? narrowLifecycle(all, matchedPids) : all;
}

/** The processes of `pids` (with their containers and those containers' workloads) out of a whole-capture lifecycle. */
export function narrowLifecycle(all: Lifecycle, pids: ReadonlySet<number>): Lifecycle {
  const processes = all.processes.filter((p) => pids.has(p.pid));
  const ids = new Set(processes.map((p) => p.containerId));
  const containers = all.containers.filter((c) => ids.has(c.id));
  return { processes, containers, restartGroups: all.restartGroups.filter((g) => g.instances.some((id) => ids.has(id))) };
}
