import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { EngineHost } from './engineHost';
import type { LoadProgress } from '../../../shared/ipc/contract';
import { EvidenceService } from '../evidence/evidenceService';

async function sampleCapture(gzip = false): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-host-'));
  const path = join(dir, gzip ? 'sample.scap.gz' : 'sample.scap');
  await writeCrashLoopSample(path, { gzip });
  return { dir, path };
}

test('a capture opens in a worker with progress, answers tiles and views, and reopens from the cache', async () => {
  const { dir, path } = await sampleCapture(true);
  const cacheDir = join(dir, 'cache');
  const host = new EngineHost({ cacheDir });
  const progress: LoadProgress[] = [];
  host.onEvent((e) => progress.push(e.data));
  try {
    const { captureId } = await host.openCapture({ path });
    const info = await host.captureInfo({ captureId });
    assert.ok(info.events > 1000);
    assert.equal(progress.at(-1)?.done, true);
    assert.equal(progress.at(-1)?.events, info.events);
    const tiles = await host.tiles({ captureId, samples: 20 });
    const syscalls = tiles.find((t) => t.id === 'syscalls');
    assert.equal(syscalls?.total, info.events);
    assert.equal(syscalls?.series.length, 20);
    assert.equal(syscalls?.series.reduce((a, b) => a + b, 0), info.events);
    const page = await host.view({ captureId, viewId: 'syscalls', offset: 1, limit: 2, sort: { column: 'SYSCALL', descending: false } });
    assert.equal(page.rows.length, 2);
    assert.ok(String(page.rows[0][3]) <= String(page.rows[1][3]));
    assert.ok(page.totalRows > 3);
    await assert.rejects(host.view({ captureId, viewId: 'syscalls', offset: 0, limit: 1, filter: 'proc.name =' }), (e: Error & { code?: string }) => e.code === 'bad-filter');
    await assert.rejects(host.view({ captureId, viewId: 'nope', offset: 0, limit: 1 }), /unknown view/);
    const files = await host.view({ captureId, viewId: 'files', offset: 0, limit: 1000 });
    const found = await host.searchView({ captureId, viewId: 'syscalls', sort: { column: 'SYSCALL', descending: false }, text: 'read' });
    assert.ok(found.matches.length > 0 && found.totalRows === page.totalRows, 'searchView answered by the worker');
    await host.closeCapture({ captureId });
    assert.ok(readdirSync(cacheDir).some((n) => n.endsWith('.idx')), 'index cached');
    assert.ok(readdirSync(cacheDir).some((n) => n.endsWith('.views.json')), 'whole-capture view tables kept');
    assert.ok(readdirSync(cacheDir).some((n) => n.endsWith('.scap')), 'gzip capture decompressed into the cache');
    assert.deepEqual(readdirSync(dir).sort(), ['cache', 'sample.scap.gz'], 'nothing written beside the capture');

    const again = await host.openCapture({ path });
    const info2 = await host.captureInfo({ captureId: again.captureId });
    assert.equal(info2.events, info.events);
    const tiles2 = await host.tiles({ captureId: again.captureId, samples: 20 });
    assert.deepEqual(tiles2, tiles);
    assert.deepEqual(await host.view({ captureId: again.captureId, viewId: 'files', offset: 0, limit: 1000 }), files);
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a load can be cancelled, and a bad file fails with one line', async () => {
  const { dir, path } = await sampleCapture();
  const host = new EngineHost({ cacheDir: null });
  const last: LoadProgress[] = [];
  host.onEvent((e) => { if (e.data.done) last.push(e.data); });
  try {
    const { captureId } = await host.openCapture({ path });
    await host.cancelLoad({ captureId });
    await assert.rejects(host.captureInfo({ captureId }), (e: Error & { code?: string }) => e.code === 'cancelled' && !e.message.includes('\n'));
    assert.match(last[0]?.error ?? '', /cancelled/);

    const bogus = join(dir, 'nothing.scap');
    const { captureId: bad } = await host.openCapture({ path: bogus });
    await assert.rejects(host.captureInfo({ captureId: bad }), (e: Error & { code?: string }) => e.code === 'not-found' && !e.message.includes('\n'));
    await assert.rejects(host.tiles({ captureId: 'no-such-id', samples: 1 }), /no open capture/);
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the evidence calls are answered by the capture\'s worker, as an in-process service answers them', async () => {
  const { dir, path } = await sampleCapture();
  const host = new EngineHost({ cacheDir: null });
  try {
    const { captureId } = await host.openCapture({ path });
    const local = new EvidenceService(path);
    const info = await host.captureInfo({ captureId });
    const middle = Math.floor(info.events / 2);
    for (const req of [{ captureId, limit: 50 }, { captureId, limit: 50, fromEvtNum: middle, filter: 'evt.dir=<' }]) {
      assert.deepEqual(await host.events(req), await local.events(req));
      assert.deepEqual(await host.streams(req), await local.streams(req));
    }
    const evtNum = (await host.events({ captureId, fromEvtNum: middle, limit: 1 })).events[0].evtNum;
    assert.deepEqual(await host.eventDetail({ captureId, evtNum }), await local.eventDetail({ captureId, evtNum }));
    assert.deepEqual(await host.tree({ captureId }), await local.tree({ captureId }));
    const search = { captureId, target: 'events' as const, text: 'nginx', filter: 'evt.type=openat' };
    assert.deepEqual(await host.search(search), await local.search(search));
    await assert.rejects(host.events({ captureId, limit: 5, filter: 'proc.name =' }), (e: Error & { code?: string }) => e.code === 'bad-filter' && !e.message.includes('\n'));
    // The worker lays its checkpoints once the index is ready.
    let stats = await host.checkpointStats({ captureId });
    for (let i = 0; i < 200 && !stats.ready; i++) {
      await new Promise((r) => setTimeout(r, 50));
      stats = await host.checkpointStats({ captureId });
    }
    assert.ok(stats.ready, 'checkpoints prepared in the background');
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the checkpoints and the tree are laid beside the index build, kept in the cache, and taken from it on reopening', async () => {
  const { dir, path } = await sampleCapture();
  const host = new EngineHost({ cacheDir: join(dir, 'cache') });
  const laid = async (captureId: string) => {
    let stats = await host.checkpointStats({ captureId });
    while (!stats.ready) {
      await new Promise((r) => setTimeout(r, 20));
      stats = await host.checkpointStats({ captureId });
    }
    return stats;
  };
  try {
    const first = await host.openCapture({ path });
    const info = await host.captureInfo(first);
    const firstStats = await laid(first.captureId);
    assert.equal(firstStats.laidBy, 'layer');
    assert.ok(firstStats.count > 0, `checkpoints: ${firstStats.count}`);
    const middle = Math.floor(info.events / 2);
    const page = await host.events({ captureId: first.captureId, fromEvtNum: middle, limit: 30 });
    const tree = await host.tree({ captureId: first.captureId });
    // Kept once laid: wait for the file rather than for a message nobody else needs.
    for (let i = 0; i < 200 && !readdirSync(join(dir, 'cache')).some((n) => n.endsWith('.checkpoints')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(readdirSync(join(dir, 'cache')).some((n) => n.endsWith('.checkpoints')), 'checkpoints kept in the cache');
    await host.closeCapture(first);

    const again = await host.openCapture({ path });
    await host.captureInfo(again);
    const stats = await host.checkpointStats(again);
    assert.deepEqual({ ...stats, bytes: 0 }, { ...firstStats, bytes: 0, laidBy: 'cache' }, 'every checkpoint there as soon as the capture is open');
    assert.deepEqual(await host.events({ captureId: again.captureId, fromEvtNum: middle, limit: 30 }), page);
    assert.deepEqual(await host.tree({ captureId: again.captureId }), tree);
    assert.deepEqual(await host.tree({ captureId: again.captureId }), await new EvidenceService(path).tree({ captureId: again.captureId }), 'the kept tree is the tree');
    await host.closeCapture(again);

    const noLayer = new EngineHost({ cacheDir: null, checkpointLayer: false });
    try {
      const own = await noLayer.openCapture({ path });
      await noLayer.captureInfo(own);
      let s = await noLayer.checkpointStats(own);
      while (!s.ready) { await new Promise((r) => setTimeout(r, 20)); s = await noLayer.checkpointStats(own); }
      assert.equal(s.laidBy, 'own');
      assert.deepEqual(await noLayer.events({ captureId: own.captureId, fromEvtNum: middle, limit: 30 }), page);
    } finally {
      await noLayer.close();
    }
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
