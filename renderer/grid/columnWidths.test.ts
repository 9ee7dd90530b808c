import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../shared/ipc/contract';
import { findView, visibleColumns } from '../../shared/views/catalog';
import { columnTracks, gridTemplate } from './columnWidths';

const containers = findView('containers')!;
const columns: ColumnInfo[] = visibleColumns(containers).map((c) => ({
  name: c.field, title: c.name, type: ['container.type', 'container.image', 'container.id', 'container.name'].includes(c.field) ? 'string' : 'number',
}));
const shown = columns.map((_, i) => i);
const at = (title: string) => columns.findIndex((c) => c.title === title);
/** Widest cells in rem as measured, e.g. the crashloop sample's: "nginx:1.25", "containerd", a 76-character name. */
function widest(cells: Record<string, number>): number[] {
  return columns.map((c) => cells[c.title] ?? 0.5);
}

test('before rows are read, columns follow csysdig\'s sizes: IMAGE (30 characters) is wider than ID (13)', () => {
  const t = columnTracks(columns, shown, containers);
  assert.ok(t[at('IMAGE')].rem > t[at('ID')].rem);
  assert.equal(t[at('NAME')].fills, true);
});

test('once rows are read, a mostly-empty IMAGE column shrinks to its longest cell, never below its title', () => {
  const t = columnTracks(columns, shown, containers, widest({ IMAGE: 4.5, ENGINE: 4.6, ID: 6, NAME: 38 }));
  const before = columnTracks(columns, shown, containers);
  assert.ok(t[at('IMAGE')].rem <= 4.5 + 1.5, `IMAGE ${t[at('IMAGE')].rem} rem`);
  assert.ok(t[at('IMAGE')].rem < before[at('IMAGE')].rem);
  // CPU holds "0": its title bounds it.
  assert.ok(t[at('CPU')].rem >= 'CPU'.length * 0.6);
  // A cell longer than csysdig's size does not widen a fixed column beyond it.
  const long = columnTracks(columns, shown, containers, widest({ ID: 40 }));
  assert.equal(long[at('ID')].rem, before[at('ID')].rem);
});

test('the open NAME column asks for at most 16 rem before the table scrolls sideways, and takes what is left', () => {
  const t = columnTracks(columns, shown, containers, widest({ IMAGE: 12, ENGINE: 4.6, ID: 6, NAME: 38 }));
  assert.ok(t[at('NAME')].rem <= 16);
  assert.match(gridTemplate(t), /minmax\([\d.]+rem, 1fr\)$/);
  // On the crashloop sample the fixed columns now leave NAME more than 16 rem in a 1160 px (72.5 rem) table.
  const fixed = t.filter((x) => !x.fills).reduce((a, x) => a + x.rem, 0);
  assert.ok(72.5 - fixed >= 16, `${fixed} rem for the fixed columns`);
});

test('the sorted column has room for its arrow', () => {
  const plain = columnTracks(columns, shown, containers, widest({}));
  const sorted = columnTracks(columns, shown, containers, widest({}), 'thread.cpu');
  assert.ok(sorted[at('CPU')].rem > plain[at('CPU')].rem);
});

test('IMAGE and NAME both at their cap give way to a table that fits its room, numbers and ID keep their width (QA 15 B2)', () => {
  // bencer_capture: long image names and long pod names, and a table 56 px (3.5 rem) too wide.
  const cells = widest({ IMAGE: 30, ENGINE: 4.6, ID: 6, NAME: 40 });
  const natural = columnTracks(columns, shown, containers, cells);
  const sum = (t: { rem: number }[]) => t.reduce((a, x) => a + x.rem, 0);
  assert.equal(natural[at('IMAGE')].rem, 16);
  assert.equal(natural[at('NAME')].rem, 16);
  const room = sum(natural) - 3.5;
  const fitted = columnTracks(columns, shown, containers, cells, undefined, room);
  assert.ok(sum(fitted) <= room, `${sum(fitted)} rem in ${room}`);
  assert.ok(fitted[at('IMAGE')].rem < natural[at('IMAGE')].rem && fitted[at('NAME')].rem < natural[at('NAME')].rem);
  for (const title of ['CPU', 'PROCS', 'VIRT', 'ID']) assert.equal(fitted[at(title)].rem, natural[at(title)].rem, title);
  // In far too little room every text column stops at its least width, and the table scrolls sideways.
  const tiny = columnTracks(columns, shown, containers, cells, undefined, 20);
  assert.ok(tiny[at('NAME')].rem >= 10 && tiny[at('IMAGE')].rem >= 'IMAGE'.length * 0.6);
  // Room to spare changes nothing.
  assert.deepEqual(columnTracks(columns, shown, containers, cells, undefined, 200), natural);
});

test('in far too little room the key column asked to stay whole keeps its width while the other text columns give way (QA 20 item 6)', () => {
  const cells = widest({ IMAGE: 12, ENGINE: 4.6, ID: 7, NAME: 38 });
  const natural = columnTracks(columns, shown, containers, cells);
  const cut = columnTracks(columns, shown, containers, cells, undefined, 26);
  const kept = columnTracks(columns, shown, containers, cells, undefined, 26, at('ID'));
  assert.ok(cut[at('ID')].rem < natural[at('ID')].rem, 'without the ask, ID gives way like any text column');
  assert.equal(kept[at('ID')].rem, natural[at('ID')].rem);
  assert.ok(kept[at('IMAGE')].rem < natural[at('IMAGE')].rem);
});
