import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFindings } from './schema';

test('a minimal findings file gets its defaults', () => {
  const r = parseFindings('{"format":"syscope-findings","version":1}');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual([r.findings.steps, r.findings.bookmarks, r.findings.title, r.findings.includeSubset], [[], [], '', false]);
});

test('bad findings files are refused with one line naming the first problem', () => {
  const cases: Array<[string, RegExp]> = [
    ['not json', /^not JSON: /],
    ['{"format":"other","version":1}', /^format: /],
    ['{"format":"syscope-findings","version":2}', /^version: /],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"event","evtNum":0}]}', /^bookmarks\.0\.evtNum: /],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"file","evtNum":1}]}', /^bookmarks\.0\.kind: /],
    ['{"format":"syscope-findings","version":1,"steps":[{"viewId":"procs","window":{"from":"1","to":"x"}}]}', /^steps\.0\.window\.to: /],
    ['{"format":"syscope-findings","version":1,"extra":1}', /extra/],
  ];
  for (const [text, why] of cases) {
    const r = parseFindings(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) { assert.match(r.error, why, text); assert.ok(!r.error.includes('\n')); }
  }
});
