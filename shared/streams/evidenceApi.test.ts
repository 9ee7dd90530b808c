import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evidenceMethods, evidenceRequestSchemas, isEvidenceMethod } from './evidenceApi';

test('every evidence call has a schema, and requests are checked strictly', () => {
  assert.deepEqual(evidenceMethods, ['events', 'eventDetail', 'streams', 'tree', 'search']);
  assert.equal(isEvidenceMethod('streams'), true);
  assert.equal(isEvidenceMethod('toString'), false);
  assert.equal(evidenceRequestSchemas.events.safeParse({ captureId: 'c', limit: 10, fromTs: '123' }).success, true);
  assert.equal(evidenceRequestSchemas.events.safeParse({ captureId: 'c', limit: 10, extra: 1 }).success, false);
  assert.equal(evidenceRequestSchemas.events.safeParse({ captureId: 'c', limit: 100_000 }).success, false);
  assert.equal(evidenceRequestSchemas.search.safeParse({ captureId: 'c', target: 'files', text: 'x' }).success, false);
  assert.equal(evidenceRequestSchemas.streams.safeParse({ captureId: 'c', limit: 5, window: { from: '1', to: 'x' } }).success, false);
});
