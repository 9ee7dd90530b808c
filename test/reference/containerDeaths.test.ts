/**
 * "Container Deaths" against sysdig 0.29.3 on the real captures with processes exiting inside
 * containers. sysdig has no such figure, so the expectation is derived from its per-event
 * output with the rule spelled out independently here: a procexit of a process's main thread
 * in a container, whose process has pid 1 inside the container, or, where that pid is unknown
 * (<NA>) or equal to the host pid, whose parent thread was last seen outside the container and
 * whose container never shows a pid namespace of its own (else it was runc's parent).
 * The drill-down filter must name exactly the containers that died.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { CONTAINER_DEATHS_TILE } from '../../shared/tiles/definitions';

const skip = referenceSkip();
/** Captures with processes exiting inside containers (MANIFEST.md and `sysdig ... 'evt.type=procexit and container.id!=host'`). */
const WITH_CONTAINER_EXITS = [
  'bencer_capture.scap', 'inspect_502Error.scap', 'instruqt_ticket-generator-http-error-6e235a58-5872-44be-b7b1-83e62973d20a-1548934474860.scap',
  'sysflow_mpm-event_full_capture.scap', 'sysflow_mpm-worker_full_capture.scap', 'sysflow_nginx_nginx.scap',
];

/** Deaths per container, derived from sysdig's event lines. */
function deathsFromSysdig(file: string): Map<string, number> {
  const out = sysdig(['-r', file, '-p', '*%proc.pid %thread.tid %proc.ppid %proc.vpid %container.id %evt.type']);
  const containerOfThread = new Map<string, string>();
  const ownPidNamespace = new Set<string>();
  const deaths: string[] = [];
  const judgedAtEnd: string[] = [];
  for (const line of out.split('\n')) {
    const [pid, tid, ppid, vpid, cid, type] = line.split(' ');
    if (type === undefined) continue;
    containerOfThread.set(tid, cid);
    const vpidKnown = vpid !== '<NA>' && vpid !== pid && Number(vpid) > 0;
    if (cid === 'host') continue;
    if (vpidKnown) ownPidNamespace.add(cid);
    if (type !== 'procexit' || tid !== pid) continue;
    if (vpidKnown) { if (vpid === '1') deaths.push(cid); }
    else if (containerOfThread.get(ppid) !== cid) judgedAtEnd.push(cid);
  }
  for (const cid of judgedAtEnd) if (!ownPidNamespace.has(cid)) deaths.push(cid);
  const byContainer = new Map<string, number>();
  for (const cid of deaths) byContainer.set(cid, (byContainer.get(cid) ?? 0) + 1);
  return byContainer;
}

test('Container Deaths counts the main-process exits sysdig shows, and drills to those containers', { skip }, async () => {
  const files = captureFiles().filter((f) => WITH_CONTAINER_EXITS.includes(basename(f)));
  assert.equal(files.length, WITH_CONTAINER_EXITS.length, 'the reference captures are all present');
  let withDeaths = 0;
  for (const file of files) {
    const expected = deathsFromSysdig(file);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
    const tile = (await session.tiles({ samples: 40 })).find((t) => t.id === CONTAINER_DEATHS_TILE);
    console.log(`# ${basename(file)}: sysdig-derived deaths ${total} (${[...expected.keys()].join(', ') || 'none'}), ours ${tile?.total ?? 0}`);
    assert.equal(tile?.total ?? 0, total, basename(file));
    if (total > 0) {
      withDeaths++;
      assert.equal(tile?.drillView, 'containers');
      assert.equal(tile?.drillFilter, `container.id in (${[...expected.keys()].sort().join(', ')})`);
      assert.equal(tile?.series.reduce((a, b) => a + b, 0), total, 'the series adds up to the total');
    }
  }
  assert.ok(withDeaths >= 1, 'at least one capture has a container death');
});
