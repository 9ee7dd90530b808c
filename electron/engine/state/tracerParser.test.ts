import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTracer, TracerParse } from './tracerParser';

const ids = { tid: 11, pid: 22, ptid: 33 };
const parse = (s: string) => parseTracer(s, ids);

test('an enter tracer gives its id, dot-separated tags and comma-separated arguments', () => {
  const t = parse('>:12345:mysql.query.init:user=bob,db=shop:');
  assert.equal(t.result, TracerParse.Ok);
  assert.equal(t.enter, true);
  assert.equal(t.id, 12345n);
  assert.deepEqual(t.tags, ['mysql', 'query', 'init']);
  assert.deepEqual(t.argNames, ['user', 'db']);
  assert.deepEqual(t.argValues, ['bob', 'shop']);
});

test('the id may name the writing thread, process, parent, or be global', () => {
  assert.equal(parse('<:t:x::').id, 11n);
  assert.equal(parse('<:p:x::').id, 22n);
  assert.equal(parse('<:pp:x::').id, 33n);
  assert.equal(parse('<:g:x::').id, 0n);
  assert.equal(parse('<::x::').id, 0n);
  assert.equal(parse('<:-7:x::').id, -7n);
  assert.equal(parse('<:t:x::').enter, false);
});

test('a backslash makes separators part of a tag or value', () => {
  const t = parse('>:1:a\\.b.c:url=/x\\:y,q=1\\,2:');
  assert.deepEqual(t.tags, ['a.b', 'c']);
  assert.deepEqual(t.argValues, ['/x:y', '1,2']);
});

test('tags and arguments may be absent', () => {
  const t = parse('>:5:::');
  assert.equal(t.result, TracerParse.Ok);
  assert.deepEqual(t.tags, []);
  assert.deepEqual(t.argNames, []);
});

test('an incomplete text is truncated, to be completed by the next write', () => {
  for (const s of ['>', '>:12', '>:1:tag', '>:1:tag:a=1', '>:1:tag:a', '<:::']) {
    assert.equal(parse(s).result, TracerParse.Truncated, s);
  }
  // sysdig tests for the character '0' where it means the end of the text.
  assert.equal(parse('>:0:tag::').result, TracerParse.Truncated);
});

test('text that is not a tracer fails', () => {
  for (const s of ['', 'hello', '>x', '>:1x:', '>:1:a=b::', '>:1:t<a::', '>:1:t:a:']) {
    assert.equal(parse(s).result, TracerParse.Failed, JSON.stringify(s));
  }
});

test('the text ends at its first NUL', () => {
  assert.equal(parse('>:1:a::\0garbage').result, TracerParse.Ok);
  assert.equal(parse('>:1:a\0::').result, TracerParse.Truncated);
});

test('the JSON form gives type, id, tags and one-pair argument objects, strings as written', () => {
  const t = parse('[">", 12345, ["mysql", "query"], [{"user":"bob"}, {"db":"shop"}]]');
  assert.equal(t.result, TracerParse.Ok);
  assert.equal(t.enter, true);
  assert.equal(t.id, 12345n);
  assert.deepEqual(t.tags, ['mysql', 'query']);
  assert.deepEqual(t.argNames, ['user', 'db']);
  assert.deepEqual(t.argValues, ['bob', 'shop']);
  const x = parse('["<","pp",["a\\"b"],[]]');
  assert.equal(x.enter, false);
  assert.equal(x.id, 33n);
  assert.deepEqual(x.tags, ['a\\"b']);
  assert.deepEqual(parse('[">", "t", [], []]').tags, []);
});

test('JSON tracers: an incomplete text is truncated, misplaced separators fail', () => {
  assert.equal(parse('[">", 1, ["a"], [{"k":').result, TracerParse.Truncated);
  assert.equal(parse('[">", 1, ["a"]').result, TracerParse.Truncated);
  assert.equal(parse('[">", 1, ["a"], [{"a":"1","b":"2"}]]').result, TracerParse.Failed);
  assert.equal(parse('[">" 1, [], []]').result, TracerParse.Failed);
  assert.equal(parse('{">": 1}').result, TracerParse.Failed);
});
