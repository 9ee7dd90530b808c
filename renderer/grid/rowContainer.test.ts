import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ColumnInfo } from '../../shared/ipc/contract';
import { findView, visibleColumns } from '../../shared/views/catalog';
import { keyColumnIndex } from './pinnedColumns';
import { rowContainerColumn, withContainer } from './rowContainer';

function table(id: string) {
  const view = findView(id)!;
  const columns: ColumnInfo[] = visibleColumns(view).map((c) => ({ name: c.name, title: c.name, type: 'string' }));
  const shown = columns.map((_, i) => i);
  return { view, columns, shown, key: keyColumnIndex(columns, shown, view) };
}

test('Files and Directories rows (a path in a container) name their container by the Container column', () => {
  for (const [id, path] of [['files', 'FILENAME'], ['directories', 'DIRNAME']]) {
    const { view, columns, shown, key } = table(id);
    assert.equal(columns[shown[key]].title, path);
    const k = rowContainerColumn(columns, shown, view, key);
    assert.equal(columns[shown[k]].title, 'Container', id);
  }
});

test('Containers, whose key is the container itself, has no row container to add', () => {
  const { view, columns, shown, key } = table('containers');
  assert.ok(key >= 0);
  assert.equal(rowContainerColumn(columns, shown, view, key), -1);
  assert.equal(rowContainerColumn(columns, shown, undefined, key), -1);
});

test('the tooltip gives the whole path and the container, or says the host\'s own', () => {
  assert.equal(withContainer('/lib/x86_64-linux-gnu', 'k8s_nginx_web_default_1_0'), '/lib/x86_64-linux-gnu\nin container k8s_nginx_web_default_1_0');
  assert.equal(withContainer('/lib/x86_64-linux-gnu', 'host'), '/lib/x86_64-linux-gnu\non the host (no container)');
  assert.equal(withContainer('/etc', ''), '/etc');
});
