import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../shared/ipc/contract';
import { findView, visibleColumns } from '../../shared/views/catalog';
import type { ViewDefinition } from '../../shared/views/types';
import { columnTracks } from './columnWidths';
import { keyColumnIndex, pinnedColumns, pinnedRem } from './pinnedColumns';

function table(id: string): { view: ViewDefinition; columns: ColumnInfo[]; shown: number[] } {
  const view = findView(id)!;
  const columns: ColumnInfo[] = visibleColumns(view).map((c) => ({ name: c.name, title: c.name, type: /name|id|type|image|exeline|user/.test(c.field) ? 'string' : 'number' }));
  return { view, columns, shown: columns.map((_, i) => i) };
}
const sum = (t: { rem: number }[]) => t.reduce((a, x) => a + x.rem, 0);

test('Containers pins its key ID and the NAME beside it to the right edge, NAME outermost', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  const id = columns.findIndex((c) => c.title === 'ID');
  assert.equal(keyColumnIndex(columns, shown, view), id);
  const pins = pinnedColumns(columns, shown, tracks, view, sum(tracks) / 2);
  assert.deepEqual(pins[id + 1], { side: 'right', offsetRem: 0, inner: false });
  assert.deepEqual(pins[id], { side: 'right', offsetRem: tracks[id + 1].rem, inner: true });
  assert.equal(pins.filter(Boolean).length, 2, 'no other column is pinned');
  assert.equal(pinnedRem(pins, tracks, 'right'), tracks[id].rem + tracks[id + 1].rem);
});

test('the key and the name beside it are pinned while they take at most 70% of the room; in less, nothing is (the rest must scroll)', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  const id = columns.findIndex((c) => c.title === 'ID');
  const both = tracks[id].rem + tracks[id + 1].rem;
  assert.equal(pinnedColumns(columns, shown, tracks, view, both / 0.7 + 0.1).filter(Boolean).length, 2);
  // ID alone cannot reach the edge past NAME without reordering csysdig's columns: both or neither.
  assert.equal(pinnedColumns(columns, shown, tracks, view, both / 0.7 - 0.1).filter(Boolean).length, 0);
});

test('a key at an end is pinned alone when the name beside it does not fit', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  const name = columns.findIndex((c) => c.title === 'NAME');
  // NAME made the key, ID (the open column here) beside it: NAME is at the right end.
  const marked = columns.map((c, i) => ({ ...c, isKey: i === name }));
  const swapped = tracks.map((t, i) => ({ ...t, fills: i === name - 1 }));
  const pins = pinnedColumns(marked, shown, swapped, view, (swapped[name].rem + 0.5) / 0.7);
  assert.deepEqual(pins.map((p, i) => (p ? i : -1)).filter((i) => i >= 0), [name]);
  assert.deepEqual(pins[name], { side: 'right', offsetRem: 0, inner: true });
});

test('Processes pins its key PID to the left edge; the command line, at the other end, scrolls', () => {
  const { view, columns, shown } = table('procs');
  const tracks = columnTracks(columns, shown, view);
  assert.equal(columns[keyColumnIndex(columns, shown, view)].title, 'PID');
  const pins = pinnedColumns(columns, shown, tracks, view, 40);
  assert.deepEqual(pins[0], { side: 'left', offsetRem: 0, inner: true });
  assert.equal(pins.filter(Boolean).length, 1);
});

test('a table without a key, or whose key is in the middle, pins nothing', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  assert.equal(pinnedColumns(columns, shown, tracks, undefined, 30).filter(Boolean).length, 0);
  const marked = columns.map((c) => ({ ...c, isKey: c.title === 'VIRT' }));
  assert.equal(pinnedColumns(marked, shown, tracks, view, 30).filter(Boolean).length, 0);
});
