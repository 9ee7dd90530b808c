import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isContainerMainProcess, workloadOf } from './containerMainProcess';

const own = { containerHasOwnPidNamespace: true };
const shared = { containerHasOwnPidNamespace: false };

test('pid 1 inside the container is its main process, other pids inside it are not', () => {
  assert.equal(isContainerMainProcess({ pid: 5253, vpid: 1, parentInContainer: false, ...own }), true);
  assert.equal(isContainerMainProcess({ pid: 5260, vpid: 7, parentInContainer: false, ...own }), false);
});

test("a runtime helper still in the host's pid namespace is not the main process of a namespaced container", () => {
  assert.equal(isContainerMainProcess({ pid: 10309, vpid: 10309, parentInContainer: false, ...own }), false);
  assert.equal(isContainerMainProcess({ pid: 10309, vpid: null, parentInContainer: false, ...own }), false);
});

test('with pids inside unknown or equal to host pids, the parent decides', () => {
  assert.equal(isContainerMainProcess({ pid: 28017, vpid: null, parentInContainer: false, ...shared }), true);
  assert.equal(isContainerMainProcess({ pid: 28018, vpid: undefined, parentInContainer: true, ...shared }), false);
  assert.equal(isContainerMainProcess({ pid: 900, vpid: 900, parentInContainer: false, ...shared }), true);
  assert.equal(isContainerMainProcess({ pid: 901, vpid: 901, parentInContainer: true, ...shared }), false);
});

test('kubelet container names group into namespace/pod/container; sandboxes are marked', () => {
  const w = workloadOf('k8s_nginx_web-7d9c8b6f5-x2k4q_default_8c84ce70_3', 'abc');
  assert.deepEqual([w.key, w.kind, w.container, w.pod, w.namespace, w.sandbox], ['default/web-7d9c8b6f5-x2k4q/nginx', 'kubernetes', 'nginx', 'web-7d9c8b6f5-x2k4q', 'default', false]);
  assert.equal(workloadOf('k8s_POD_web_default_uid_0', 'x').sandbox, true);
  assert.equal(workloadOf('web', 'abc').key, 'web');
  assert.equal(workloadOf('', 'abc').key, 'abc');
});
