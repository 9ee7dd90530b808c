import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readHash, writeHash, emptyHashState, type HashState } from './hashState';

test('the whole inspector state round-trips through the hash', () => {
  const state: HashState = {
    open: '/captures/a b&c.scap', panel: 'streams', follow: '5236:7#2', mode: 'hex', filter: 'proc.name = "nginx" and fd.num > 2',
    window: { from: '1700000000000000000', to: '1700000001000000000' }, pinned: ['cpu', 'net'],
    trail: [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"', keyField: 'container.id', selection: 'abc' }],
  };
  assert.deepEqual(readHash(writeHash(state)), state);
});

test('an empty state makes an empty hash and back', () => {
  assert.equal(writeHash(emptyHashState), '');
  assert.deepEqual(readHash(''), emptyHashState);
});

test('malformed parts are dropped, not thrown', () => {
  const s = readHash('#trail=%5Bnot-json&from=5&to=4&panel=weird&pin=&mode=braille');
  assert.deepEqual(s, emptyHashState);
  assert.deepEqual(readHash('#trail=' + encodeURIComponent('[{"viewId":1},{"viewId":"v","filter":"x"}]')).trail, [{ viewId: 'v', filter: 'x' }]);
  assert.equal(readHash('#from=1e5&to=2').window, undefined);
});
