import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from '../filter/compile';
import { fieldResolver, resolveField } from './registry';

test('a csysdig table field in an event-list filter is refused by its own name, not read as another field with an argument', () => {
  const c = compileFilter('thread.vmsize.b>0', fieldResolver);
  assert.equal(c.ok, false);
  if (!c.ok) assert.match(c.error.message, /'thread\.vmsize\.b' is one of csysdig's table fields/);
  // The field it was taken for still resolves, and so does a dotted argument of a field that takes one.
  const base = resolveField('thread.vmsize');
  assert.ok(base && !('error' in base));
  const arg = resolveField('evt.arg.fd');
  assert.ok(arg && !('error' in arg));
});
