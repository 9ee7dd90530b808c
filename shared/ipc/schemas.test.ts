import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequest, appMethods, MAX_FILTER_CHARS } from './schemas';
import { ApiFailure, toApiError } from './errors';

function refusal(method: unknown, params: unknown): string {
  try { parseRequest(method, params); } catch (err) {
    assert.ok(err instanceof ApiFailure);
    assert.equal(err.code, 'bad-request');
    assert.ok(!err.message.includes('\n'));
    return err.message;
  }
  assert.fail('expected a refusal');
}

test('a well-formed view request passes unchanged', () => {
  const req = { captureId: 'c1', viewId: 'procs', offset: 0, limit: 100, sort: { column: 'cpu', descending: true },
    window: { from: '1', to: '2' }, filter: 'proc.name=nginx' };
  assert.deepEqual(parseRequest('view', req), req);
});

test('unknown calls are refused by name', () => {
  assert.match(refusal('readFile', { path: '/etc/passwd' }), /unknown call 'readFile'/);
  assert.match(refusal('__proto__', {}), /unknown call/);
  assert.match(refusal(42, {}), /unknown call/);
});

test('extra fields are refused so nothing unchecked reaches the engine', () => {
  assert.match(refusal('captureInfo', { captureId: 'c', evil: 1 }), /captureInfo/);
});

test('a window ending before it starts is refused', () => {
  assert.match(refusal('tiles', { captureId: 'c', samples: 10, window: { from: '5', to: '4' } }), /must not end before/);
});

test('times must be decimal nanosecond strings', () => {
  assert.match(refusal('tiles', { captureId: 'c', samples: 10, window: { from: '1e9', to: '2' } }), /window\.from/);
});

test('row windows are bounded', () => {
  assert.match(refusal('view', { captureId: 'c', viewId: 'v', offset: -1, limit: 5 }), /offset/);
  assert.match(refusal('view', { captureId: 'c', viewId: 'v', offset: 0, limit: 1e6 }), /limit/);
});

test('shell calls take no arguments', () => {
  assert.deepEqual(parseRequest('recentCaptures', undefined), {});
  assert.ok(appMethods.includes('chooseCapture'));
});

test('any thrown value becomes a one-line api error', () => {
  assert.deepEqual(toApiError(new Error('bad thing\n    at x.js:1')), { message: 'bad thing', code: 'internal' });
  assert.deepEqual(toApiError(new ApiFailure('not-found', 'no capture c9')), { message: 'no capture c9', code: 'not-found' });
  assert.equal(toApiError(undefined).message, 'unexpected failure');
});

test('a long filter (3,000 pasted event numbers, 47,624 characters) passes every call that takes a filter (QA 14 A4)', () => {
  const filter = Array.from({ length: 3000 }, (_, i) => `evt.num=${i * 3}`).join(' or ');
  assert.equal(filter.length, 47_624);
  const calls: Array<[string, object]> = [
    ['view', { captureId: 'c', viewId: 'procs', offset: 0, limit: 10, filter }],
    ['tiles', { captureId: 'c', samples: 60, filter }],
    ['events', { captureId: 'c', limit: 10, filter }],
    ['streams', { captureId: 'c', limit: 10, filter }],
    ['tree', { captureId: 'c', filter }],
    ['search', { captureId: 'c', target: 'events', text: 'x', filter }],
    ['exportData', { captureId: 'c', what: 'events', format: 'csv', filter }],
  ];
  for (const [method, req] of calls) assert.deepEqual(parseRequest(method, req), req, method);
});

test('a filter over the cap is refused in plain words, on the evidence and export calls too', () => {
  const filter = 'x'.repeat(MAX_FILTER_CHARS + 1);
  assert.equal(refusal('events', { captureId: 'c', limit: 10, filter }), 'events: filter: the filter is longer than 160,000 characters');
  assert.match(refusal('exportData', { captureId: 'c', what: 'tree', format: 'json', filter }), /longer than 160,000 characters/);
  // Still strict: the widened schemas refuse what they refused before.
  assert.match(refusal('events', { captureId: 'c', limit: 10, evil: 1 }), /events/);
  assert.match(refusal('exportData', { captureId: 'c', what: 'nope', format: 'json' }), /exportData/);
});

test("a call with the longest filter fits the browser host's 1 MiB WebSocket message, however its characters escape", () => {
  const worst = JSON.stringify({ id: 1, method: 'events', params: { captureId: 'c'.repeat(200), limit: 10_000, filter: '\u0001'.repeat(MAX_FILTER_CHARS) } });
  assert.ok(Buffer.byteLength(worst) < 1 << 20, `${Buffer.byteLength(worst)} bytes`);
});
