import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outputFormatSyntaxProblem } from './outputFormatSyntax';

test('an output format that ends in % or in a width, or whose % is not followed by a field name, is refused as sysdig refuses it', () => {
  assert.match(outputFormatSyntaxProblem('%') ?? '', /ends with a '%'/);
  assert.match(outputFormatSyntaxProblem('%evt.num %') ?? '', /ends with a '%'/);
  assert.match(outputFormatSyntaxProblem('*100%') ?? '', /ends with a '%'/);
  assert.match(outputFormatSyntaxProblem('%evt.num %5') ?? '', /ends with a column width/);
  assert.equal(outputFormatSyntaxProblem('%(evt.num'), "-p '%(evt.num': '%' is followed by '(evt.num', not a field name (as in %evt.num)");
  // As sysdig quotes it: the rest of the format from the bad token on.
  assert.match(outputFormatSyntaxProblem('%evt.num (%)') ?? '', /followed by '\)', not/);
  assert.match(outputFormatSyntaxProblem('%%') ?? '', /followed by '%', not/);
  assert.match(outputFormatSyntaxProblem('% evt.num') ?? '', /followed by ' evt.num', not/);
  assert.match(outputFormatSyntaxProblem('%-5evt.num') ?? '', /followed by '-5evt.num', not/);
});

test('formats sysdig prints are not refused for their shape', () => {
  for (const f of ['*%evt.num %proc.name', '%evt.num%proc.name', '%evt.num)', '%proc.aname[2] %evt.arg.fd', '%5evt.num', 'no fields at all', '']) {
    assert.equal(outputFormatSyntaxProblem(f), undefined, f);
  }
});
