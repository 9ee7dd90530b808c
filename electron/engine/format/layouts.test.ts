import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventLayout } from './layouts';

test('every event id sysdig 0.29.3 knew has a layout; newer ids fall back to the newest table', () => {
  for (let id = 0; id < 336; id++) assert.ok(eventLayout(id, 'sysdig-0.29'), `id ${id}`);
  assert.equal(eventLayout(354, 'sysdig-0.29')?.name, eventLayout(354, 'current')?.name);
  assert.equal(eventLayout(100000), undefined);
});

test('sysdig 0.29.3 layouts are prefixes of the newest ones except for the known renames', () => {
  const renames: string[] = [];
  for (let id = 0; id < 336; id++) {
    const old = eventLayout(id, 'sysdig-0.29')!;
    const cur = eventLayout(id, 'current')!;
    if (cur.name === 'NA') continue;
    assert.ok(old.params.length <= cur.params.length, `${id} ${old.name} has more parameters in 0.29`);
    old.params.forEach((p, i) => { if (p.name !== cur.params[i].name) renames.push(`${id}:${p.name}->${cur.params[i].name}`); });
  }
  assert.deepEqual(renames, ['293:pgid->vpgid', '322:plugin ID->plugin_id', '331:pgid->vpgid']);
});

test('event names follow the era: 0.29.3 called scap events sysdigevent', () => {
  assert.equal(eventLayout(196)?.name, 'sysdigevent');
  assert.equal(eventLayout(196, 'current')?.name, 'scapevent');
  assert.equal(eventLayout(161)?.params[0].format, 'hex');
});
