import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  renderDotted, renderPrintable, renderHex, renderJson, renderText, renderPayload, looksLikeText, toBase64, fromBase64,
} from './render';

const bytes = (s: string) => new TextEncoder().encode(s);

test('dotted shows printable ASCII and replaces control and high bytes with dots', () => {
  assert.equal(renderDotted(bytes('GET / HTTP/1.1\r\nHost: x\r\n\r\n')), 'GET / HTTP/1.1..Host: x....');
  assert.equal(renderDotted(new Uint8Array([0x00, 0x41, 0x7e, 0x7f, 0xff, 0x09, 0x20])), '.A~... ');
});

test('printable turns CRLF and lone CR into one line break and drops other control bytes', () => {
  assert.equal(renderPrintable(bytes('GET / HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n')), 'GET / HTTP/1.1\nHost: x\nAccept: */*\n');
  assert.equal(renderPrintable(bytes('a\rb\nc\td')), 'a\nb\ncd');
});

test('printable drops a line feed at the very start of the payload', () => {
  assert.equal(renderPrintable(bytes('\nline\n')), 'line');
});

test('hex prints rows of 16 bytes in 2-byte groups with an aligned ASCII column', () => {
  const out = renderHex(bytes('GET / HTTP/1.1\r\nHost: localhost:'));
  assert.equal(out, [
    '\t0x0000: 4745 5420 2f20 4854 5450 2f31 2e31 0d0a  GET / HTTP/1.1..',
    '\t0x0010: 486f 7374 3a20 6c6f 6361 6c68 6f73 743a  Host: localhost:',
  ].join('\n'));
});

test('hex pads a short last row, printing an odd final byte on its own', () => {
  assert.equal(renderHex(bytes('abc')), '\t0x0000: 6162 63' + ' '.repeat(5 * 6) + '  abc');
  assert.equal(renderHex(new Uint8Array()), '');
});

test('json pretty-prints a JSON payload and the body after HTTP headers', () => {
  assert.equal(renderJson(bytes('{"a":1,"b":[true]}')), '{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
  assert.equal(renderJson(bytes('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"ok":true}')),
    'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\n  "ok": true\n}');
});

test('json returns null for non-JSON and for a JSON payload cut short', () => {
  assert.equal(renderJson(bytes('hello')), null);
  assert.equal(renderJson(bytes('{"a": [1, 2')), null);
  assert.equal(renderJson(bytes('42')), null);
  assert.equal(renderPayload(bytes('plain\r\nlog\r\n'), 'json'), 'plain\nlog');
});

test('text normalises line ends and dots out control bytes but keeps tabs and UTF-8', () => {
  assert.equal(renderText(bytes('a\tb\r\nc\x01d é\n')), 'a\tb\nc.d é');
});

test('looksLikeText tells a log line from binary data', () => {
  assert.equal(looksLikeText(bytes('2024-01-01 INFO started\n')), true);
  assert.equal(looksLikeText(new Uint8Array([0, 1, 2, 3, 4, 65])), false);
});

test('base64 round-trips every length remainder and matches the standard alphabet', () => {
  assert.equal(toBase64(bytes('Man')), 'TWFu');
  assert.equal(toBase64(bytes('Ma')), 'TWE=');
  assert.equal(toBase64(bytes('M')), 'TQ==');
  const all = new Uint8Array(256).map((_, i) => i);
  assert.equal(toBase64(all), Buffer.from(all).toString('base64'));
  assert.deepEqual(fromBase64(toBase64(all.subarray(0, 255))), all.subarray(0, 255));
});
