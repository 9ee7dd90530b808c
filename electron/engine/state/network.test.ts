import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InterfaceEntry } from '../capture/types';
import type { ContainerInfo } from './containers';
import { inferLocalAddress, isLocalAddress } from './network';

const v4 = (name: string, addr: number[], mask: number[]): InterfaceEntry => ({ name, family: 4, addr: Uint8Array.from(addr), netmask: Uint8Array.from(mask) });
const v6 = (name: string, addr: number[]): InterfaceEntry => ({ name, family: 6, addr: Uint8Array.from(addr), netmask: new Uint8Array(16) });
const ipv6 = (...head: number[]): number[] => [...head, ...new Array(16 - head.length).fill(0)];

const interfaces = [
  v6('lo', ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
  v4('lo', [127, 0, 0, 1], [255, 0, 0, 0]),
  v6('eth0', ipv6(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 1)),
  v4('eth0', [10, 0, 0, 5], [255, 255, 255, 0]),
  v4('eth1', [192, 168, 1, 7], [255, 255, 0, 0]),
];

test('an unknown end talking to an address takes that address if it is local, else the interface of its subnet, else the first interface that is not loopback', () => {
  const text = (a: Uint8Array): string => [...a].join('.');
  assert.equal(text(inferLocalAddress(interfaces, Uint8Array.of(192, 168, 1, 7))), '192.168.1.7');
  assert.equal(text(inferLocalAddress(interfaces, Uint8Array.of(192, 168, 9, 9))), '192.168.1.7');
  assert.equal(text(inferLocalAddress(interfaces, Uint8Array.of(127, 0, 0, 1))), '127.0.0.1');
  assert.equal(text(inferLocalAddress(interfaces, Uint8Array.of(8, 8, 8, 8))), '10.0.0.5');
  assert.equal(text(inferLocalAddress([interfaces[1]], Uint8Array.of(8, 8, 8, 8))), '0.0.0.0');
});

test('IPv6 ends are inferred from the IPv6 interfaces only, by their first 8 bytes', () => {
  const other = Uint8Array.from(ipv6(0xfe, 0x80, 0, 0, 0, 0, 0, 0, 2));
  assert.equal(inferLocalAddress(interfaces, other), interfaces[2].addr);
  assert.equal(inferLocalAddress(interfaces, Uint8Array.from(ipv6(0x20, 0x01))), interfaces[2].addr);
  assert.deepEqual(inferLocalAddress([interfaces[3]], Uint8Array.from(ipv6(0x20, 0x01))), new Uint8Array(16));
});

test('an IPv4 address is local when an interface has it, also one the list gained after an earlier ask', () => {
  const list = interfaces.slice();
  const none = new Map<string, ContainerInfo>();
  assert.equal(isLocalAddress(list, none, '', Uint8Array.of(10, 0, 0, 5)), true);
  assert.equal(isLocalAddress(list, none, '', Uint8Array.of(10, 0, 0, 6)), false);
  assert.equal(isLocalAddress(list, none, '', Uint8Array.of(192, 168, 1, 7)), true);
  list.push(v4('docker0', [172, 17, 0, 1], [255, 255, 0, 0]));
  assert.equal(isLocalAddress(list, none, '', Uint8Array.of(172, 17, 0, 1)), true);
  assert.equal(isLocalAddress([interfaces[1]], none, '', Uint8Array.of(10, 0, 0, 5)), false);
});

test("a container thread's address is local when it is its container's IP or an interface's", () => {
  const containers = new Map([['c1', { ip: '172.17.0.2' } as ContainerInfo]]);
  assert.equal(isLocalAddress(interfaces, containers, 'c1', Uint8Array.of(172, 17, 0, 2)), true);
  assert.equal(isLocalAddress(interfaces, containers, 'c1', Uint8Array.of(10, 0, 0, 5)), true);
  assert.equal(isLocalAddress(interfaces, containers, 'c1', Uint8Array.of(172, 17, 0, 3)), false);
  assert.equal(isLocalAddress(interfaces, containers, '', Uint8Array.of(172, 17, 0, 2)), false);
});
