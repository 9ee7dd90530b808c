import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowPages } from './rowPages';
import type { TableWindow } from '../../shared/ipc/contract';

function table(total: number) {
  const asked: Array<[number, number]> = [];
  const fetch = async (offset: number, limit: number): Promise<TableWindow> => {
    asked.push([offset, limit]);
    const rows = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push([`key${i}`, i % 7 === 0 ? `needle ${i}` : 'hay', i]);
    return { columns: [{ name: 'k', title: 'Key', type: 'string', isKey: true }], rows, totalRows: total, offset };
  };
  return { fetch, asked };
}

test('only the pages covering the visible rows are fetched, once', async () => {
  const t = table(10_000);
  const pages = new RowPages(t.fetch, 100);
  await Promise.all([pages.ensure(150, 260), pages.ensure(150, 260)]);
  assert.deepEqual(t.asked, [[100, 100], [200, 100]]);
  assert.deepEqual(pages.row(150), ['key150', 'hay', 150]);
  assert.equal(pages.totalRows, 10_000);
  await pages.ensure(199, 201);
  assert.equal(t.asked.length, 2);
});

test('the cache forgets the least recently used pages beyond its size', async () => {
  const t = table(10_000);
  const pages = new RowPages(t.fetch, 10, 3);
  for (const p of [0, 1, 2]) await pages.ensure(p * 10, p * 10);
  await pages.ensure(0, 0);
  await pages.ensure(30, 30);
  assert.equal(pages.row(15), undefined);
  assert.deepEqual(pages.row(5)?.[0], 'key5');
});

test('find walks forward and backward, wrapping, across unfetched pages', async () => {
  const t = table(50);
  const pages = new RowPages(t.fetch, 10);
  await pages.ensure(0, 9);
  assert.equal(await pages.find('NEEDLE', 0, 1), 7);
  assert.equal(await pages.find('needle', 7, 1), 14);
  assert.equal(await pages.find('needle', 0, -1), 49);
  assert.equal(await pages.find('absent', 0, 1), null);
});

test('a failing page records its one-line error', async () => {
  const pages = new RowPages(async () => { throw new Error('bad filter'); }, 10);
  await pages.ensure(0, 5);
  assert.equal(pages.error, 'bad filter');
});

test('row keys sent by the engine are kept beside their rows', async () => {
  const pages = new RowPages(async (offset, limit) => ({
    columns: [], totalRows: 30, offset,
    rows: Array.from({ length: limit }, (_, i) => [offset + i]),
    keys: Array.from({ length: limit }, (_, i) => `k${offset + i}`),
  }), 10);
  await pages.ensure(12, 12);
  assert.equal(pages.key(12), 'k12');
  assert.equal(pages.key(2), undefined);
});

test('the longest cell of each column is kept as pages arrive, measured as shown', async () => {
  const columns: TableWindow['columns'] = [
    { name: 'k', title: 'Key', type: 'string', isKey: true },
    { name: 'n', title: 'Name', type: 'string', isKey: false },
    { name: 'b', title: 'Bytes', type: 'bytes', isKey: false },
  ];
  const fetch = async (offset: number, limit: number): Promise<TableWindow> => {
    const rows = [];
    for (let i = offset; i < Math.min(300, offset + limit); i++) rows.push([`key${i}`, i === 5 ? 'a longer name' : null, i]);
    return { columns, rows, totalRows: 300, offset };
  };
  const pages = new RowPages(fetch, 100, 40, (v, col) => (v === null ? 0 : col.type === 'bytes' ? `${v} B`.length : String(v).length));
  await pages.ensure(0, 10);
  assert.deepEqual(pages.widest, [5, 13, 4]); // key99, 'a longer name', '99 B'
  await pages.ensure(250, 260);
  assert.deepEqual(pages.widest, [6, 13, 5]);
});
