import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequest, appMethods } from './schemas';
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
