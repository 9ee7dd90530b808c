import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFindings } from './schema';

test('a minimal findings file gets its defaults', () => {
  const r = parseFindings('{"format":"syscope-findings","version":1}');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual([r.findings.steps, r.findings.bookmarks, r.findings.title, r.findings.includeSubset], [[], [], '', false]);
});

test('bad findings files are refused with one line naming the first problem in plain words', () => {
  const cases: Array<[string, RegExp]> = [
    ['not json', /^not JSON: /],
    ['{"format":"other","version":1}', /^format must be "syscope-findings"$/],
    ['{"version":1}', /^format is missing \(it must be "syscope-findings"\)$/],
    ['{"format":"syscope-findings","version":2}', /^version must be 1$/],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"event","evtNum":0}]}', /^bookmarks\.0\.evtNum must be at least 1$/],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"event","evtNum":1.5}]}', /^bookmarks\.0\.evtNum must be a whole number$/],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"event"}]}', /^bookmarks\.0\.evtNum is missing$/],
    ['{"format":"syscope-findings","version":1,"bookmarks":[{"kind":"file","evtNum":1}]}', /^bookmarks\.0\.kind is not known \(it must be one of "event", "row", "stream"\)$/],
    ['{"format":"syscope-findings","version":1,"steps":[{"viewId":"procs","window":{"from":"1","to":"x"}}]}', /^steps\.0\.window\.to is not a time in nanoseconds since the epoch/],
    ['{"format":"syscope-findings","version":1,"steps":[{"viewId":""}]}', /^steps\.0\.viewId must not be empty$/],
    ['{"format":"syscope-findings","version":1,"steps":[{"viewId":"procs","mode":"bin"}]}', /^steps\.0\.mode must be one of "dotted", /],
    [`{"format":"syscope-findings","version":1,"title":"${'x'.repeat(501)}"}`, /^title is longer than 500 characters$/],
    ['{"format":"syscope-findings","version":1,"includeSubset":"yes"}', /^includeSubset must be true or false$/],
    ['{"format":"syscope-findings","version":1,"capture":{"sha256":"xyz"}}', /^capture\.sha256 is not a SHA-256 \(64 hex digits\)$/],
    ['{"format":"syscope-findings","version":1,"extra":1}', /^unknown field "extra"$/],
    ['[]', /^the file must be an object/],
  ];
  for (const [text, why] of cases) {
    const r = parseFindings(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) {
      assert.match(r.error, why, text);
      assert.ok(!r.error.includes('\n'));
      // zod's own wording (patterns, comparison signs, "received", "Invalid") never reaches the user.
      if (text !== 'not json') assert.doesNotMatch(r.error, /Invalid|received|expected|[<>]=|\/\^/, text);
    }
  }
});

test('a step keeps a filter as long as the app accepts (160,000 characters), not one longer', async () => {
  const { MAX_FILTER_CHARS } = await import('../filterLimit');
  const step = (filter: string) => JSON.stringify({ format: 'syscope-findings', version: 1, steps: [{ viewId: 'events', filter, trail: [{ viewId: 'procs', filter }] }] });
  const pasted = Array.from({ length: 3000 }, (_, i) => `evt.num=${100_000 + i}`).join(' or ');
  assert.ok(pasted.length > 20_000);
  const r = parseFindings(step(pasted));
  assert.ok(r.ok);
  if (r.ok) assert.equal(r.findings.steps[0].filter, pasted);
  assert.ok(parseFindings(step('x'.repeat(MAX_FILTER_CHARS))).ok);
  const over = parseFindings(step('x'.repeat(MAX_FILTER_CHARS + 1)));
  assert.ok(!over.ok);
  if (!over.ok) assert.match(over.error, /^steps\.0\.(trail\.0\.)?filter\b.* longer than 160,000 characters/);
});
