import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../shared/ipc/contract';
import { findView, visibleColumns } from '../../shared/views/catalog';
import type { ViewDefinition } from '../../shared/views/types';
import { columnTracks } from './columnWidths';
import { keyColumnIndex, leastPinnedNameRem, pinnedColumns, pinnedRem, pinnedShareOfRoom } from './pinnedColumns';

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
  const { pins } = pinnedColumns(columns, shown, tracks, view, sum(tracks));
  assert.deepEqual(pins[id + 1], { side: 'right', offsetRem: 0, inner: false });
  assert.deepEqual(pins[id], { side: 'right', offsetRem: tracks[id + 1].rem, inner: true });
  assert.equal(pins.filter(Boolean).length, 2, 'no other column is pinned');
  assert.equal(pinnedRem(pins, tracks, 'right'), tracks[id].rem + tracks[id + 1].rem);
});

test('the key and the name beside it are pinned in at most half the room, the name giving way down to its least; in less, nothing is (the rest must scroll)', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  const id = columns.findIndex((c) => c.title === 'ID');
  const both = tracks[id].rem + tracks[id + 1].rem;
  const roomy = pinnedColumns(columns, shown, tracks, view, both / pinnedShareOfRoom + 0.1);
  assert.equal(roomy.pins.filter(Boolean).length, 2);
  assert.deepEqual(roomy.tracks, tracks, 'in room enough, nothing narrows');
  // At 1000 px beside the Findings drawer (420 px of room), ID and NAME took 280 px (H79).
  const room = 420 / 16;
  const narrow = pinnedColumns(columns, shown, tracks, view, room);
  assert.equal(narrow.pins.filter(Boolean).length, 2);
  assert.equal(narrow.tracks[id].rem, tracks[id].rem, 'the ID keeps its width');
  assert.ok(narrow.tracks[id + 1].rem < tracks[id + 1].rem && narrow.tracks[id + 1].rem >= leastPinnedNameRem, `NAME narrowed to ${narrow.tracks[id + 1].rem} rem`);
  assert.ok(pinnedRem(narrow.pins, narrow.tracks, 'right') <= room * pinnedShareOfRoom, 'the pinned columns take at most half the room');
  assert.equal(narrow.pins[id]?.offsetRem, narrow.tracks[id + 1].rem, 'ID sits beside the narrowed NAME');
  assert.deepEqual(narrow.tracks.filter((_, k) => k !== id + 1), tracks.filter((_, k) => k !== id + 1), 'no other column narrows');
  // ID alone cannot reach the edge past NAME without reordering csysdig's columns: both or neither.
  const tooLittle = pinnedColumns(columns, shown, tracks, view, (tracks[id].rem + leastPinnedNameRem) / pinnedShareOfRoom - 0.1);
  assert.equal(tooLittle.pins.filter(Boolean).length, 0);
  assert.deepEqual(tooLittle.tracks, tracks);
});

test('a key at an end is pinned alone when the name beside it does not fit', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  const name = columns.findIndex((c) => c.title === 'NAME');
  // NAME made the key, ID (the open column here) beside it: NAME is at the right end.
  const marked = columns.map((c, i) => ({ ...c, isKey: i === name }));
  const swapped = tracks.map((t, i) => ({ ...t, fills: i === name - 1 }));
  const { pins } = pinnedColumns(marked, shown, swapped, view, (swapped[name].rem + 0.5) / pinnedShareOfRoom);
  assert.deepEqual(pins.map((p, i) => (p ? i : -1)).filter((i) => i >= 0), [name]);
  assert.deepEqual(pins[name], { side: 'right', offsetRem: 0, inner: true });
});

test('Processes pins its key PID to the left edge; the command line, at the other end, scrolls', () => {
  const { view, columns, shown } = table('procs');
  const tracks = columnTracks(columns, shown, view);
  assert.equal(columns[keyColumnIndex(columns, shown, view)].title, 'PID');
  const { pins } = pinnedColumns(columns, shown, tracks, view, 40);
  assert.deepEqual(pins[0], { side: 'left', offsetRem: 0, inner: true });
  assert.equal(pins.filter(Boolean).length, 1);
});

test('a table without a key, or whose key is in the middle, pins nothing', () => {
  const { view, columns, shown } = table('containers');
  const tracks = columnTracks(columns, shown, view);
  assert.equal(pinnedColumns(columns, shown, tracks, undefined, 30).pins.filter(Boolean).length, 0);
  const marked = columns.map((c) => ({ ...c, isKey: c.title === 'VIRT' }));
  assert.equal(pinnedColumns(marked, shown, tracks, view, 30).pins.filter(Boolean).length, 0);
});

test('Files and Directories, keyed on a container and a path no column shows, pin the path (FILENAME, DIRNAME), which gives way to the share like a name, down to its least (QA H79: at 1000 px beside the drawer the file names had scrolled out of sight)', () => {
  const dirs = table('directories');
  assert.equal(dirs.columns[keyColumnIndex(dirs.columns, dirs.shown, dirs.view)].title, 'DIRNAME');
  const conns = table('connections');
  assert.equal(keyColumnIndex(conns.columns, conns.shown, conns.view), -1, 'no column shows a connection\'s key: nothing stands for it');
  const { view, columns, shown } = table('files');
  const key = keyColumnIndex(columns, shown, view);
  assert.equal(columns[key].title, 'FILENAME');
  assert.equal(key, shown.length - 1, 'the path is the last column');
  // Kept whole as a key, it still gives way as an open column: cut in the middle, it keeps its end.
  const natural = columnTracks(columns, shown, view);
  const tight = columnTracks(columns, shown, view, [], undefined, 30, key);
  assert.ok(tight[key].rem < natural[key].rem, `the path gives way to a table too wide for its room (${natural[key].rem} -> ${tight[key].rem} rem)`);
  const tracks = natural;
  assert.ok(tracks[key].fills);
  // At 1000 px beside the Findings drawer (420 px of room) the path's 16 rem is more than half.
  const room = 420 / 16;
  assert.ok(tracks[key].rem > room * pinnedShareOfRoom);
  const narrow = pinnedColumns(columns, shown, tracks, view, room);
  assert.deepEqual(narrow.pins.map((p, i) => (p ? i : -1)).filter((i) => i >= 0), [key]);
  assert.ok(narrow.tracks[key].rem <= room * pinnedShareOfRoom && narrow.tracks[key].rem >= leastPinnedNameRem, `the path narrowed to ${narrow.tracks[key].rem} rem`);
  assert.equal(pinnedColumns(columns, shown, tracks, view, (leastPinnedNameRem - 0.2) / pinnedShareOfRoom).pins.filter(Boolean).length, 0);
});
