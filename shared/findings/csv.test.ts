import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, csvLine, neutraliseCell, toCsv } from './csv';

test('cells a spreadsheet would run as formulas get a leading apostrophe', () => {
  for (const hostile of ['=HYPERLINK("http://x","y")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1',
    '-cmd|\' /C calc\'!A0', '-HYPERLINK("http://evil","x")', '+SUM(1)', '--1', '-@SUM(A1)', '+=1', '-.5+1', '- 1', "-'http://x/[a.xls]S'!A1", '-Sheet2!A1', '\t-bash']) {
    const out = neutraliseCell(hostile);
    assert.equal(out, `'${hostile}`, hostile);
  }
});

test('a word that merely starts with a dash, as a login shell or an option does, is left as captured (QA 18: -bash became \'-bash)', () => {
  for (const word of ['-bash', '-Xmx512m', '-zsh -l', '+x', '-', '+']) assert.equal(neutraliseCell(word), word, word);
});

test('plain numbers and ordinary text are left alone, negative numbers included', () => {
  assert.equal(neutraliseCell('-12'), '-12');
  assert.equal(neutraliseCell('+3.5e2'), '+3.5e2');
  assert.equal(neutraliseCell(-7), '-7');
  assert.equal(neutraliseCell('nginx'), 'nginx');
  assert.equal(neutraliseCell('a=b'), 'a=b');
  assert.equal(neutraliseCell(null), '');
  assert.equal(neutraliseCell(12345678901234567890n), '12345678901234567890');
});

test('fields with quotes, commas or line breaks are quoted after neutralising', () => {
  assert.equal(csvField('=1,2'), `"'=1,2"`);
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvLine(['a', 1, null, true]), 'a,1,,true\r\n');
});

test('a table is a header line and one CRLF-terminated line per row', () => {
  assert.equal(toCsv(['name', 'n'], [['x', 1], ['@y', 2]]), "name,n\r\nx,1\r\n'@y,2\r\n");
});
