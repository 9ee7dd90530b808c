import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCsv } from './csv';

test('cells with commas, quotes or newlines are quoted; nulls are empty', () => {
  const csv = toCsv([{ name: 'a', title: 'Name', type: 'string' }, { name: 'b', title: 'Bytes', type: 'bytes' }],
    [['nginx, "master"', 10], ['line\nbreak', null]]);
  assert.equal(csv, 'Name,Bytes\r\n"nginx, ""master""",10\r\n"line\nbreak",\r\n');
});
