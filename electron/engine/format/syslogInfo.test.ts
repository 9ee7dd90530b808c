import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderInfo } from './index';
import { fakeLookup, le, makeEvent, str } from './testEvents';

const WRITE_E = 8, WRITE_X = 9;
const toSyslog = { ...fakeLookup(), eventFdName: () => '/dev/log' };

test('a write to /dev/log shows the syslog severity and message as its info', () => {
  const ev = makeEvent(WRITE_X, [le(30, 8), str('<86>Apr  5 sudo: session opened', false)]);
  assert.equal(renderInfo(ev, toSyslog), 'syslog sev=info msg=Apr  5 sudo: session opened');
  assert.equal(renderInfo(makeEvent(WRITE_X, [le(3, 8), str('<13>x', false)]), toSyslog), 'syslog sev=notice msg=x');
});

test('failed writes, enter events, other fds and malformed priorities show the args', () => {
  const failed = makeEvent(WRITE_X, [le(-32, 8), str('<86>m', false)]);
  assert.equal(renderInfo(failed, toSyslog), 'res=-32(EPIPE) data=<86>m ');
  assert.equal(renderInfo(makeEvent(WRITE_E, [le(3, 8), le(5, 4)]), toSyslog), 'fd=3 size=5 ');
  const plain = makeEvent(WRITE_X, [le(5, 8), str('<86>m', false)]);
  assert.equal(renderInfo(plain, { ...fakeLookup(), eventFdName: () => '/tmp/log' }), 'res=5 data=<86>m ');
  assert.equal(renderInfo(plain, fakeLookup()), 'res=5 data=<86>m ');
  assert.equal(renderInfo(makeEvent(WRITE_X, [le(5, 8), str('<x>m', false)]), toSyslog), 'res=5 data=<x>m ');
  assert.equal(renderInfo(makeEvent(WRITE_X, [le(2, 8), str('<>', false)]), toSyslog), 'res=2 data=<> ');
});
