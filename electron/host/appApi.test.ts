import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeAppApi } from './appApi';
import { recentFiles } from './recentFiles';
import type { EngineApi } from '../../shared/ipc/contract';
import type { EvidenceApi, TreeReply } from '../../shared/streams/evidenceApi';

const dir = mkdtempSync(join(tmpdir(), 'syscope-appapi-'));
const capture = join(dir, 'a.scap');
writeFileSync(capture, 'x');

/** Test-only engine stand-in: numbered captures, no evidence calls of its own. */
function testEngine(failedLoads: string[] = []): EngineApi & { closed: string[] } {
  let n = 0;
  const closed: string[] = [];
  return {
    closed,
    openCapture: async () => ({ captureId: `c${++n}` }),
    cancelLoad: async () => undefined,
    closeCapture: async ({ captureId }) => { closed.push(captureId); },
    captureInfo: async ({ captureId }) => {
      if (failedLoads.includes(captureId)) throw new Error('empty file, not a scap capture');
      return { captureId, path: '', fileName: '', sizeBytes: 1, events: 0, firstTs: '0', lastTs: '0', hostname: '', numCpus: 1, warnings: [] };
    },
    tiles: async () => [],
    view: async () => ({ columns: [], rows: [], totalRows: 0, offset: 0 }),
    searchView: async () => ({ matches: [], totalRows: 0 }),
  };
}

test('opening checks the path, remembers it, and evidence goes to that file', async () => {
  const seen: string[] = [];
  let signal: AbortSignal | undefined;
  const engine = testEngine();
  const api = composeAppApi(engine, { recent: recentFiles(join(dir, 'recent.json')), samplePath: null }, (path, s) => {
    seen.push(path);
    signal = s;
    return { tree: async () => ({ processes: [], containers: [] }) } as unknown as EvidenceApi;
  });
  // In the CLI's words and form (QA 16): `<path>: <problem>`.
  await assert.rejects(api.openCapture({ path: join(dir, 'missing.scap') }), { message: `${join(dir, 'missing.scap')}: no such file` });
  await assert.rejects(api.openCapture({ path: dir }), { message: `${dir}: is a directory, not a capture file` });
  const { captureId } = await api.openCapture({ path: capture });
  await api.captureInfo({ captureId });
  assert.deepEqual(await api.recentCaptures({}), [capture]);
  assert.deepEqual(await api.tree({ captureId }), { processes: [], containers: [] });
  await api.tree({ captureId });
  assert.deepEqual(seen, [capture], 'one evidence service per capture');
  await api.closeCapture({ captureId });
  assert.equal(signal?.aborted, true);
  assert.deepEqual(engine.closed, [captureId]);
  await assert.rejects(api.tree({ captureId }), /no open capture/);
});

test('an engine that answers evidence calls itself is used directly', async () => {
  const evidence: EvidenceApi = {
    events: async () => ({ fields: ['evt.num'], events: [], next: null }),
    eventDetail: async () => { throw new Error('x'); },
    streams: async () => ({ operations: [], next: null }),
    tree: async () => ({}) as TreeReply,
    search: async () => ({ matches: [] }),
  };
  const engine = Object.assign(testEngine(), evidence);
  const api = composeAppApi(engine, { recent: recentFiles(join(dir, 'r2.json')), samplePath: null }, () => { throw new Error('not used'); });
  const { captureId } = await api.openCapture({ path: capture });
  assert.deepEqual(await api.events({ captureId, limit: 5 }), { fields: ['evt.num'], events: [], next: null });
});

test('the sample is offered only when it exists', async () => {
  const api = composeAppApi(testEngine(), { recent: recentFiles(join(dir, 'r3.json')), samplePath: join(dir, 'nope.scap') });
  assert.equal(await api.sampleCapture({}), null);
  const api2 = composeAppApi(testEngine(), { recent: recentFiles(join(dir, 'r4.json')), samplePath: capture });
  assert.equal(await api2.sampleCapture({}), capture);
});

test('only a capture that loaded joins the recent list, not one whose load failed', async () => {
  const bad = join(dir, 'zero.scap');
  writeFileSync(bad, '');
  const api = composeAppApi(testEngine(['c1']), { recent: recentFiles(join(dir, 'r5.json')), samplePath: null });
  const failed = await api.openCapture({ path: bad });
  await assert.rejects(api.captureInfo(failed), /not a scap capture/);
  assert.deepEqual(await api.recentCaptures({}), []);
  const good = await api.openCapture({ path: capture });
  assert.deepEqual(await api.recentCaptures({}), [], 'not before it has loaded');
  await api.captureInfo(good);
  assert.deepEqual(await api.recentCaptures({}), [capture]);
});
