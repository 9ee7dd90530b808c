import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerIdFromCgroupPath, parseCgroupList, parseCgroups, parseContainerJson, parseContainerJsonParam } from './containers';

const id64 = '697956520d89a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a';

test('a docker cgroup path gives the first 12 hex chars of the id', () => {
  assert.equal(containerIdFromCgroupPath(`/docker/${id64}`), '697956520d89');
  assert.equal(containerIdFromCgroupPath(`/system.slice/docker-${id64}.scope`), '697956520d89');
  assert.equal(containerIdFromCgroupPath(`/kubepods/besteffort/pod1234/${id64}`), '697956520d89');
});

test('host cgroup paths give no container', () => {
  assert.equal(containerIdFromCgroupPath('/user.slice/user-1000.slice/session-1.scope'), undefined);
  assert.equal(containerIdFromCgroupPath('/'), undefined);
});

test('an lxc path gives the name after /lxc/', () => {
  assert.equal(containerIdFromCgroupPath('/lxc/mybox/init.scope'), 'mybox');
});

test('cgroup items are split at the first = and controllers renamed', () => {
  assert.deepEqual(parseCgroups(['name=systemd=/init.scope', 'perf=/x', 'cpu_cgroup=/y']),
    [['name', 'systemd=/init.scope'], ['perf_event', '/x'], ['cpu', '/y']]);
  assert.equal(parseCgroups(['bad']), undefined);
});

test('container JSON gives name, image and labels', () => {
  const c = parseContainerJson('{"container":{"id":"697956520d89","name":"hopeful_taussig","image":"nginx","type":0,"labels":{"a":"b"}}}')!;
  assert.equal(c.name, 'hopeful_taussig');
  assert.equal(c.image, 'nginx');
  assert.deepEqual(c.labels, { a: 'b' });
  assert.equal(parseContainerJson('not json'), undefined);
});

test('a cgroup list parameter parses as its items do, and the same bytes again give the same list, whatever the buffer they sit in', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const list = 'cpuset=/docker/abc\0perf_cgroup=/x\0mem=/y\0';
  const buffer = Buffer.from('..' + list);
  const first = parseCgroupList(buffer.subarray(2));
  assert.deepEqual(first, parseCgroups(['cpuset=/docker/abc', 'perf_cgroup=/x', 'mem=/y']));
  buffer.fill(0); // the reader reuses its chunk: the remembered bytes must be a copy
  assert.equal(parseCgroupList(bytes(list)), first);
  assert.deepEqual(parseCgroupList(bytes('cpuset=/\0')), [['cpuset', '/']]);
  assert.equal(parseCgroupList(bytes('no-equals\0')), undefined);
  assert.equal(parseCgroupList(bytes(list)), first);
});

test('a container event\'s JSON parameter parses as its text without the trailing NUL, once per distinct record', () => {
  const json = '{"container":{"id":"3ad7b26ded6d","type":0,"name":"web","image":"nginx:1"}}';
  const first = parseContainerJsonParam(Buffer.from(json + '\0'));
  assert.deepEqual(first, parseContainerJson(json));
  assert.equal(parseContainerJsonParam(Buffer.from(json + '\0')), first);
  assert.equal(parseContainerJsonParam(Buffer.from('{"container":\0')), undefined);
});
