import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsRequestSchemas } from './findingsApi';
import { MAX_FILTER_CHARS } from '../filterLimit';

test('data exports take a filter as long as the views do (MAX_FILTER_CHARS), not one longer', () => {
  const long = 'x'.repeat(MAX_FILTER_CHARS);
  for (const req of [
    { captureId: 'c', what: 'view', viewId: 'procs', format: 'csv' },
    { captureId: 'c', what: 'events', format: 'jsonl' },
    { captureId: 'c', what: 'stream', format: 'raw', follow: '5253:5#8' },
    { captureId: 'c', what: 'tree', format: 'json' },
  ]) {
    assert.equal(findingsRequestSchemas.exportData.safeParse({ ...req, filter: long }).success, true, req.what);
    assert.equal(findingsRequestSchemas.exportData.safeParse({ ...req, filter: `${long}x` }).success, false, req.what);
  }
});

test('a findings export keeps its steps\' long filters', () => {
  const findings = { format: 'syscope-findings', version: 1, steps: [{ viewId: 'events', filter: 'x'.repeat(50_000) }] };
  assert.equal(findingsRequestSchemas.exportFindings.safeParse({ captureId: 'c', findings }).success, true);
});
