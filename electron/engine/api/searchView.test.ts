import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCrashLoopSample } from '../sample/crashloop';
import { CaptureSession } from './captureSession';
import { engineResolver } from './engineResolver';
import { parseRequest } from '../../../shared/ipc/schemas';

async function withSession(run: (s: CaptureSession) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-searchview-'));
  try {
    const path = join(dir, 'sample.scap');
    await writeCrashLoopSample(path);
    await run(await CaptureSession.open(path, { resolver: engineResolver(), cache: null }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every (row, column, start) where `needle` occurs in the listed rows, found the slow way. */
function occurrences(rows: Array<Array<string | number | null>>, find: (cell: string) => number[]): string[] {
  const out: string[] = [];
  rows.forEach((r, row) => r.forEach((cell, column) => {
    if (cell !== null) for (const start of find(String(cell))) out.push(`${row}:${column}:${start}`);
  }));
  return out;
}

function indexesOf(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) out.push(i);
  return out;
}

test('searchView finds every match in the whole view, by row position in the listed order', async () => {
  await withSession(async (s) => {
    for (const [viewId, sort] of [['syscalls', { column: 'SYSCALL', descending: false }], ['procs', undefined], ['files', undefined]] as const) {
      const all = await s.view({ viewId, sort, offset: 0, limit: 1_000_000 });
      const needle = viewId === 'syscalls' ? 'read' : viewId === 'procs' ? 'nginx' : '/';
      const expected = occurrences(all.rows, (c) => indexesOf(c, needle));
      assert.ok(expected.length > 0, `${viewId}: the sample has '${needle}'`);
      const reply = await s.searchView({ viewId, sort, text: needle, caseSensitive: true });
      assert.equal(reply.totalRows, all.totalRows);
      assert.deepEqual(reply.matches.map((m) => `${m.row}:${m.column}:${m.start}`), expected, viewId);
      for (const m of reply.matches) assert.equal(String(all.rows[m.row][m.column]).slice(m.start, m.end), needle);
    }
  });
});

test('searchView: regular expressions, case folding, filters, and one-line errors', async () => {
  await withSession(async (s) => {
    const all = await s.view({ viewId: 'syscalls', offset: 0, limit: 1_000_000 });
    const re = await s.searchView({ viewId: 'syscalls', text: '^(read|write)$', regex: true });
    const names = re.matches.map((m) => String(all.rows[m.row][m.column]));
    assert.ok(names.length >= 2 && names.every((n) => n === 'read' || n === 'write'), names.join(','));
    const upper = await s.searchView({ viewId: 'syscalls', text: 'READ' });
    const exact = await s.searchView({ viewId: 'syscalls', text: 'READ', caseSensitive: true });
    assert.ok(upper.matches.length > 0);
    assert.equal(exact.matches.length, 0);
    const filtered = await s.searchView({ viewId: 'procs', filter: 'proc.name=nginx', text: 'nginx' });
    const filteredRows = await s.view({ viewId: 'procs', filter: 'proc.name=nginx', offset: 0, limit: 1000 });
    assert.equal(filtered.totalRows, filteredRows.totalRows);
    await assert.rejects(s.searchView({ viewId: 'syscalls', text: '(', regex: true }), (e: Error & { code?: string }) => e.code === 'bad-request' && !e.message.includes('\n'));
    await assert.rejects(s.searchView({ viewId: 'nope', text: 'x' }), /unknown view/);
    assert.throws(() => parseRequest('searchView', { captureId: 'c', viewId: 'procs', text: '' }), /searchView: text/);
    assert.deepEqual(parseRequest('searchView', { captureId: 'c', viewId: 'procs', text: 'x', regex: true }), { captureId: 'c', viewId: 'procs', text: 'x', regex: true });
  });
});
