import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemState } from './systemState';
import { ContainerRole, ThreadInfo } from './threadInfo';
import { identifyContainerRole } from './containerRole';
import { parseContainerJson } from './containers';

function setup(): SystemState {
  const state = new SystemState();
  const info = parseContainerJson('{"container":{"id":"abc123abc123","name":"web","type":0,'
    + '"healthcheck":{"exe":"/usr/bin/healthcheck.sh","args":["--quick"]}}}')!;
  state.containers.set(info.id, info);
  return state;
}

function thread(state: SystemState, tid: number, ptid: number, vpid: number, exe: string, args: string[], containerId = 'abc123abc123'): ThreadInfo {
  const t = new ThreadInfo();
  t.tid = tid; t.pid = tid; t.ptid = ptid; t.vpid = vpid; t.vtid = vpid;
  t.exe = exe; t.comm = exe; t.args = args; t.containerId = containerId;
  state.threads.set(tid, t);
  return t;
}

test('container JSON carries the health check command', () => {
  assert.deepEqual(setup().containers.get('abc123abc123')?.healthcheck, { exe: '/usr/bin/healthcheck.sh', args: ['--quick'] });
});

test('the health check command run from outside the init tree is the health check, and its children too', () => {
  const state = setup();
  thread(state, 100, 1, -1, 'runc', []);
  const probe = thread(state, 101, 100, 7, '/usr/bin/healthcheck.sh', ['--quick']);
  identifyContainerRole(state, probe);
  assert.equal(probe.containerRole, ContainerRole.Healthcheck);
  const child = thread(state, 102, 101, 8, 'curl', ['localhost']);
  identifyContainerRole(state, child);
  assert.equal(child.containerRole, ContainerRole.Healthcheck);
});

test('the same command run by the container init is not a health check', () => {
  const state = setup();
  const init = thread(state, 200, 1, 1, 'nginx', []);
  identifyContainerRole(state, init);
  assert.equal(init.containerRole, ContainerRole.Container);
  const t = thread(state, 201, 200, 5, '/usr/bin/healthcheck.sh', ['--quick']);
  identifyContainerRole(state, t);
  assert.equal(t.containerRole, ContainerRole.Container);
});

test('other arguments, or a host thread, are no health check', () => {
  const state = setup();
  const t = thread(state, 301, 1, 9, '/usr/bin/healthcheck.sh', ['--slow']);
  identifyContainerRole(state, t);
  assert.equal(t.containerRole, ContainerRole.None);
  const host = thread(state, 302, 1, -1, '/usr/bin/healthcheck.sh', ['--quick'], '');
  identifyContainerRole(state, host);
  assert.equal(host.containerRole, ContainerRole.None);
});

test('Kubernetes liveness and readiness probes from the container JSON mark the threads that run them', () => {
  const state = new SystemState();
  const info = parseContainerJson('{"container":{"id":"def456def456","name":"api","type":0,'
    + '"liveness_probe":{"exe":"/bin/sh","args":["-c","curl -f localhost/healthz"]},'
    + '"readiness_probe":{"exe":"cat","args":["/tmp/ready"]}}}')!;
  state.containers.set(info.id, info);
  assert.deepEqual(info.livenessProbe, { exe: '/bin/sh', args: ['-c', 'curl -f localhost/healthz'] });
  assert.equal(info.healthcheck, undefined);
  thread(state, 400, 1, -1, 'runc', [], 'def456def456');
  const live = thread(state, 401, 400, 3, '/bin/sh', ['-c', 'curl -f localhost/healthz'], 'def456def456');
  identifyContainerRole(state, live);
  assert.equal(live.containerRole, ContainerRole.LivenessProbe);
  const ready = thread(state, 402, 400, 4, 'cat', ['/tmp/ready'], 'def456def456');
  identifyContainerRole(state, ready);
  assert.equal(ready.containerRole, ContainerRole.ReadinessProbe);
  const other = thread(state, 403, 400, 5, 'cat', ['/etc/hosts'], 'def456def456');
  identifyContainerRole(state, other);
  assert.equal(other.containerRole, ContainerRole.None);
});
