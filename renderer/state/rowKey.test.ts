import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rowKey } from './rowKey';
import { findView } from '../../shared/views/catalog';
import type { ColumnInfo } from '../../shared/ipc/contract';

const procs = findView('procs');
const connections = findView('connections');

test('a column the engine marks as key wins', () => {
  assert.ok(procs);
  const cols: ColumnInfo[] = [{ name: 'NA', title: 'NA', type: 'string', isKey: true }, { name: 'PID', title: 'PID', type: 'number' }];
  assert.equal(rowKey(['k1', 42], cols, procs), 'k1');
});

test('without a marked key, the visible column showing the key field is used', () => {
  assert.ok(procs);
  const cols: ColumnInfo[] = [{ name: 'CPU', title: 'CPU', type: 'number' }, { name: 'PID', title: 'PID', type: 'number' }];
  assert.equal(rowKey([3, 1340], cols, procs), '1340');
});

test('no key column means no drill-down rather than a wrong one', () => {
  assert.ok(connections);
  const cols: ColumnInfo[] = [{ name: 'Connection', title: 'Connection', type: 'string' }];
  assert.equal(rowKey(['1.2.3.4:80'], cols, connections), null);
});
