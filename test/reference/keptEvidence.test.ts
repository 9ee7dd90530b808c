/**
 * The command line's events, streams and tree from what the cache keeps (electron/cli/keptEvidence.ts):
 * after `syscope index` has laid and kept a capture's checkpoints and whole tree, pages far into
 * the capture resume from a kept checkpoint and the tree comes from the cache, with output
 * identical to reading from the start (--no-cache). One capture is gzip (the checkpoints then
 * refer to its decompressed copy in the cache).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturesDir, projectRoot, referenceSkip } from '../support/reference';
import { keptEvidenceFor, resumableWalk } from '../../electron/cli/keptEvidence';
import { listEvents } from '../../electron/engine/evidence/eventsList';
import { EventFieldSet } from '../../electron/engine/evidence/eventFields';
import { fieldResolver } from '../../electron/engine/fields/registry';

const skip = referenceSkip(false);
const CAPTURES = ['bencer_capture.scap', 'sysflow_mpm-worker_full_capture.scap'];
const cacheDir = mkdtempSync(join(tmpdir(), 'syscope-kept-'));

function syscope(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'electron/cli/main.ts'), ...args],
    { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, SYSCOPE_CACHE_DIR: cacheDir, TZ: 'UTC' }, maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, `syscope ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

for (const name of CAPTURES) {
  test(`events, streams and trees from the kept checkpoints and tree equal those read from the start: ${name}`, { skip }, async () => {
    const file = join(capturesDir, name);
    const built = syscope('index', file);
    const laid = /checkpoints: (\d+) .*, kept$/m.exec(built);
    assert.ok(laid && Number(laid[1]) >= 2, `index lays and keeps checkpoints: ${built}`);
    const events = Number(/events:\s+(\d+)/.exec(built)![1]);
    const far = String(Math.floor(events * 0.7));

    const both = (...args: string[]) => assert.equal(syscope(...args), syscope(...args, '--no-cache'), `syscope ${args.join(' ')}`);
    both('events', file, '--from', far, '--limit', '60');
    both('events', file, 'evt.dir=<', '--from', far, '--limit', '30', '--json');
    const listed = JSON.parse(syscope('events', file, '--from', far, '--limit', '1', '--json', '--no-cache').split('\n')[0]) as Record<string, unknown>;
    both('events', file, '--detail', String(listed['evt.num']));
    both('streams', file, '--from', far, '--limit', '20');
    both('tree', file, '--json');
    both('tree', file, '--containers', '--json');
    both('tree', file, 'fd.type=ipv4', '--json');

    // The page far in was read from a kept checkpoint, not from the start.
    process.env.SYSCOPE_CACHE_DIR = cacheDir;
    try {
      const kept = await keptEvidenceFor(file);
      assert.ok(kept && kept.checkpoints.length >= 2, 'the checkpoints are kept');
      const { walk, seek } = resumableWalk(kept!);
      const page = await listEvents(walk, { fields: new EventFieldSet(['evt.num'], fieldResolver), fromEvtNum: Number(far), limit: 10 }, seek);
      assert.equal(page.events[0]?.evtNum, listed['evt.num']);
      assert.ok(page.scanned < Number(far) / 2, `resumed near event ${far}: read ${page.scanned} events`);
    } finally {
      delete process.env.SYSCOPE_CACHE_DIR;
    }
  });
}
