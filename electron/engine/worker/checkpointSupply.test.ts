import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';
import { decodeKeptEvidence, encodeKeptEvidence } from './checkpointSupply';
import { engineFingerprint } from './engineFingerprint';
import type { EventsCheckpoint } from '../evidence/eventsCheckpoints';
import type { WalkSnapshot } from '../evidence/inspectorWalk';

const checkpoint = (evtNum: number): EventsCheckpoint<WalkSnapshot> => ({
  evtNum, maxTs: 10n ** 18n + BigInt(evtNum), pairing: new Map([[7, { num: evtNum - 1, type: 2, tsHi: 1, tsLo: 5 }]]),
  walk: { state: { bytes: Buffer.from([1, 2, 3, evtNum & 255]), shared: [], portable: true }, offset: evtNum * 100, bytes: 68, hasAlongside: false },
  bytes: 68,
});

test('kept checkpoints and tree decode as they were encoded, frozen bytes as Buffers', () => {
  const tree = { processes: [], containers: [], restartGroups: [] };
  const back = decodeKeptEvidence(encodeKeptEvidence([checkpoint(10), checkpoint(20)], tree));
  assert.ok(back);
  assert.deepEqual(back.tree, tree);
  assert.deepEqual(back.checkpoints.map((c) => [c.evtNum, c.maxTs, c.walk.offset, c.pairing.get(7)?.tsLo]), [[10, 10n ** 18n + 10n, 1000, 5], [20, 10n ** 18n + 20n, 2000, 5]]);
  assert.ok(Buffer.isBuffer(back.checkpoints[1].walk.state.bytes));
  assert.deepEqual([...back.checkpoints[1].walk.state.bytes], [1, 2, 3, 20]);
});

test('a record of another shape is not taken for kept checkpoints', () => {
  assert.equal(decodeKeptEvidence(serialize({ version: 2, checkpoints: [], tree: {} })), undefined);
  assert.equal(decodeKeptEvidence(serialize({ version: 1, checkpoints: [{ evtNum: 1 }], tree: {} })), undefined);
  assert.equal(decodeKeptEvidence(serialize(null)), undefined);
});

test('the engine fingerprint names the running code and stays the same within a process', () => {
  const fp = engineFingerprint();
  assert.match(fp ?? '', /^[0-9a-f]{32}$/);
  assert.equal(engineFingerprint(), fp);
});
