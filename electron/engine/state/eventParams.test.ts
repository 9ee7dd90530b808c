import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DeferredUpgrade, LayoutUpgrader } from '../capture/upgradeLayout';
import { le64, memoryEvent } from '../capture/testCapture';
import { intParam } from './eventParams';

const CLOSE_E = 4, CLOSE_X = 5;

test('an unbuilt upgrade gives the parameters it keeps as recorded without being built, and builds for the others', () => {
  const up = new LayoutUpgrader();
  up.upgradeWhenRead(memoryEvent(CLOSE_E, [le64(9)], { tid: 5 }));
  const close = up.upgradeWhenRead(memoryEvent(CLOSE_X, [le64(-9)], { tid: 5 }));
  assert.ok(close instanceof DeferredUpgrade);
  assert.equal(intParam(close, 0), -9); // res, as recorded
  assert.equal(close.nparams, 2);
  assert.equal(close.built, null);
  assert.equal(intParam(close, 1), 9); // fd, from the enter event
  assert.notEqual(close.built, null);
  assert.equal(intParam(close, 0), -9);
});
