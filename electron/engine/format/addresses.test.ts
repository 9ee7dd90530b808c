import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv6Text, isIpv4MappedIpv6 } from './addresses';

function v6(...words: number[]): Uint8Array {
  const b = new Uint8Array(16);
  words.forEach((w, k) => { b[2 * k] = w >> 8; b[2 * k + 1] = w & 0xff; });
  return b;
}

test('IPv6 text compresses the longest zero run, first one on ties, never a single zero', () => {
  assert.equal(ipv6Text(v6(0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8888), 0), '2001:4860:4860::8888');
  assert.equal(ipv6Text(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1), 0), '2001:db8::1:0:0:1');
  assert.equal(ipv6Text(v6(1, 0, 2, 3, 4, 5, 6, 7), 0), '1:0:2:3:4:5:6:7');
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0, 0, 0), 0), '::');
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0, 0, 1), 0), '::1');
  assert.equal(ipv6Text(v6(0xfe80, 0, 0, 0, 0, 0, 0, 0), 0), 'fe80::');
});

test('IPv4-mapped and IPv4-compatible addresses end in dotted quads', () => {
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001), 0), '::ffff:10.0.0.1');
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0, 0x0a00, 0x0001), 0), '::10.0.0.1');
  assert.equal(isIpv4MappedIpv6(v6(0, 0, 0, 0, 0, 0xffff, 1, 2), 0), true);
  assert.equal(isIpv4MappedIpv6(v6(0, 0, 0, 0, 0, 0, 0, 0), 0), true);
  assert.equal(isIpv4MappedIpv6(v6(0, 0, 0, 0, 0, 0, 0, 1), 0), false);
});
