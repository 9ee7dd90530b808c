import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildMenuModel, nextZoomLevel, type MenuEntry } from './menuModel';

function find(entries: MenuEntry[], ...labels: string[]): MenuEntry {
  let list = entries;
  let found: MenuEntry | undefined;
  for (const l of labels) {
    found = list.find((e) => e.label === l);
    assert.ok(found, `menu item ${labels.join(' > ')}`);
    list = found.submenu ?? [];
  }
  return found as MenuEntry;
}

test('the menus are File, Edit, View and Help with the issue\'s items', () => {
  const m = buildMenuModel({ recent: [], theme: 'system', hasCapture: true, isMac: false });
  assert.deepEqual(m.map((e) => e.label), ['File', 'Edit', 'View', 'Help']);
  assert.deepEqual(find(m, 'File', 'Open...').action, { kind: 'open-dialog' });
  assert.deepEqual(find(m, 'File', 'Export...').action, { kind: 'export' });
  assert.deepEqual(find(m, 'Help', 'Keyboard Shortcuts').action, { kind: 'shortcuts' });
  assert.deepEqual(find(m, 'View', 'Zoom In').action, { kind: 'zoom', step: 1 });
});

test('recent captures are listed by file name and open their full path', () => {
  const m = buildMenuModel({ recent: ['/data/a.scap', '/tmp/b.scap'], theme: 'system', hasCapture: false, isMac: false });
  const recent = find(m, 'File', 'Open Recent').submenu ?? [];
  assert.deepEqual(recent.slice(0, 2).map((e) => [e.label, e.action]), [
    ['a.scap', { kind: 'open', path: '/data/a.scap' }], ['b.scap', { kind: 'open', path: '/tmp/b.scap' }]]);
  assert.equal(find(m, 'File', 'Close').enabled, false);
});

test('an empty recent list shows a disabled placeholder', () => {
  const m = buildMenuModel({ recent: [], theme: 'dark', hasCapture: true, isMac: true });
  assert.deepEqual(find(m, 'File', 'Open Recent').submenu, [{ label: 'No Recent Captures', enabled: false }]);
  assert.equal(find(m, 'View', 'Theme', 'Dark').checked, true);
  assert.equal(find(m, 'View', 'Theme', 'Light').checked, false);
  assert.ok(find(m, 'File', 'Quit Syscope'));
});

test('zoom stays within usable bounds and resets to 0', () => {
  let z = 0;
  for (let i = 0; i < 20; i++) z = nextZoomLevel(z, 1);
  assert.equal(z, 4);
  for (let i = 0; i < 40; i++) z = nextZoomLevel(z, -1);
  assert.equal(z, -3);
  assert.equal(nextZoomLevel(2.5, 0), 0);
});
