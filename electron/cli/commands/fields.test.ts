import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderFieldList } from './fields';

test('the field list shows argument shape, type and usage of each field', () => {
  const lines = renderFieldList('proc.a');
  const aname = lines.find((l) => l.startsWith('proc.aname[N]?'));
  assert.ok(aname, lines.join('\n'));
  assert.match(aname!, /CHARBUF\s+filter, output/);
  const net = renderFieldList('fd.net').find((l) => l.startsWith('fd.net '));
  assert.match(net ?? '', /IPNET\s+filter only/);
  assert.ok(renderFieldList('evt.arg').some((l) => l.startsWith('evt.arg[N|NAME] ')));
  assert.deepEqual(renderFieldList('nosuchclass.'), []);
});
