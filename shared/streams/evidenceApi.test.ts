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

test('the evidence calls take a filter as long as the views do (MAX_FILTER_CHARS), not one longer', async () => {
  const { MAX_FILTER_CHARS } = await import('../filterLimit');
  const long = 'x'.repeat(MAX_FILTER_CHARS);
  for (const [method, req] of [['events', { captureId: 'c', limit: 10 }], ['streams', { captureId: 'c', limit: 10 }], ['tree', { captureId: 'c' }],
    ['search', { captureId: 'c', target: 'events', text: 'x' }]] as const) {
    const schema = evidenceRequestSchemas[method];
    assert.equal(schema.safeParse({ ...req, filter: long }).success, true, method);
    assert.equal(schema.safeParse({ ...req, filter: `${long}x` }).success, false, method);
  }
});
