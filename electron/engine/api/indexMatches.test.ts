import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { CaptureSession } from './captureSession';
import { engineResolver } from './engineResolver';
import { indexMatches } from './indexMatches';
import { scanCapture } from '../index/scanCapture';
import { compileFilter } from '../filter/compile';
import { fieldResolver } from '../fields/registry';
import { EvidenceService } from '../evidence/evidenceService';

let dir = '';
let path = '';
let session: CaptureSession;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'syscope-matches-'));
  path = join(dir, 'sample.scap');
  await writeCrashLoopSample(path);
  session = await CaptureSession.open(path, { resolver: engineResolver(), cache: null });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** File offsets of the events matching `filter`, found by reading the capture. */
async function scannedOffsets(filter: string): Promise<number[]> {
  const c = compileFilter(filter, fieldResolver);
  assert.ok(c.ok);
  const out: number[] = [];
  await scanCapture(path, (ctx) => { if (c.predicate(ctx)) out.push(ctx.ev.fileOffset); });
  return out;
}

test('the index tells where a filter\'s matches are, as reading the capture finds them', async () => {
  const matches = indexMatches(session.index);
  for (const filter of ['proc.name=sshd', 'fd.type=ipv4 and evt.dir=<', 'proc.name=nobody-at-all']) {
    const where = await matches(filter);
    assert.ok(where, filter);
    const offsets = await scannedOffsets(filter);
    assert.equal(where.firstAtOrAfter(0), offsets[0] ?? null, filter);
    if (offsets.length > 2) {
      assert.equal(where.firstAtOrAfter(offsets[0] + 1), offsets[1], filter);
      assert.equal(where.firstAtOrAfter(offsets[offsets.length - 1] + 1), null, filter);
    }
  }
  assert.equal(await matches('evt.arg.fd=3'), undefined, 'a field the index does not hold');
});

test('filtered pages that skip to the first match equal the pages read without the index', async () => {
  const withIndex = new EvidenceService(path, { checkpointEvery: 101, matches: indexMatches(session.index) });
  await withIndex.prepareCheckpoints();
  const plain = new EvidenceService(path);
  for (const r of [{ filter: 'proc.name=sshd' }, { filter: 'proc.name=sshd', fromEvtNum: 6000 }, { filter: 'fd.type=ipv4 and evt.dir=<', fromEvtNum: 9000 }, { filter: 'proc.name=nobody-at-all' }]) {
    const req = { captureId: 'c', limit: 30, ...r };
    assert.deepEqual(await withIndex.events(req), await plain.events(req), JSON.stringify(r));
    assert.deepEqual(await withIndex.streams(req), await plain.streams(req), JSON.stringify(r));
  }
});

test('a sparse filter\'s page jumps over the stretches without a match and equals the page read through', async () => {
  const jumping = new EvidenceService(path, { checkpointEvery: 101, jumpAtLeast: 300, matches: indexMatches(session.index) });
  await jumping.prepareCheckpoints();
  const plain = new EvidenceService(path, { checkpointEvery: 101 });
  await plain.prepareCheckpoints();
  const scanned = { jumping: 0, plain: 0 };
  for (const r of [{ filter: 'evt.type=execve' }, { filter: 'evt.type=execve or evt.type=procexit', fromEvtNum: 2000 }, { filter: 'evt.type in (bind, listen)' }]) {
    // Small pages: each asks for matches spread over the capture.
    const req = { captureId: 'c', limit: 7, ...r };
    const read = await plain.events(req);
    scanned.plain += plain.lastScanned;
    assert.deepEqual(await jumping.events(req), read, JSON.stringify(r));
    scanned.jumping += jumping.lastScanned;
    const streamsReq = { ...req, filter: `${r.filter} or fd.name=/etc/hosts` };
    assert.deepEqual(await jumping.streams(streamsReq), await plain.streams(streamsReq), JSON.stringify(streamsReq));
  }
  assert.ok(scanned.jumping < scanned.plain * 0.8, `${scanned.jumping} events read, ${scanned.plain} without jumps`);
});
