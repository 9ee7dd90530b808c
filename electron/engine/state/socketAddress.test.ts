import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AF_INET, ipv6Text, parseSockAddr, parseSockTuple, tupleText } from './socketAddress';

const v6 = (...words: number[]) => { const b = new Uint8Array(16); words.forEach((w, i) => { b[i * 2] = w >> 8; b[i * 2 + 1] = w & 0xff; }); return b; };

test('IPv6 text compresses the longest zero run like inet_ntop', () => {
  assert.equal(ipv6Text(v6(0x2001, 0x4860, 0x4860, 0, 0, 0, 0, 0x8888)), '2001:4860:4860::8888');
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0, 0, 1)), '::1');
  assert.equal(ipv6Text(v6(0, 0, 0, 0, 0, 0, 0, 0)), '::');
  assert.equal(ipv6Text(v6(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1)), '2001:db8::1:0:0:1');
  assert.equal(ipv6Text(v6(0xfe80, 0, 0, 0, 0, 0, 0, 0)), 'fe80::');
});

test('a v4-mapped IPv6 tuple becomes an IPv4 tuple', () => {
  const b = new Uint8Array(37);
  b[0] = 10;
  b.set([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1], 1); b[17] = 0x50; b[18] = 0;
  b.set([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 2], 19); b[35] = 0x90; b[36] = 0x1f;
  const t = parseSockTuple(b)!;
  assert.equal(t.family, 2);
  assert.equal(tupleText(t), '127.0.0.1:80->10.0.0.2:8080');
});

test('addresses are copies, not views of the bytes they were read from (a reader chunk would stay alive with them)', () => {
  const chunk = Buffer.alloc(64);
  Buffer.from([AF_INET, 10, 0, 0, 1, 0x50, 0, 10, 0, 0, 2, 0x90, 0x1f]).copy(chunk, 8);
  const tuple = parseSockTuple(chunk.subarray(8, 21))!;
  const addr = parseSockAddr(chunk.subarray(8, 15))!;
  chunk.fill(0xee);
  assert.deepEqual([...tuple.sip!, ...tuple.dip!, ...addr.ip!], [10, 0, 0, 1, 10, 0, 0, 2, 10, 0, 0, 1]);
  assert.notEqual(tuple.sip!.buffer, chunk.buffer);
});
