import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerIdFromCgroupPath, parseCgroups, parseContainerJson } from './containers';

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
