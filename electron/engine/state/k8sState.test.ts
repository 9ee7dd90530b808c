import { test } from 'node:test';
import assert from 'node:assert/strict';
import { K8S_EVENT, K8sState, labelsText, shortContainerId } from './k8sState';
import { EventState, SystemState } from './systemState';
import { event, p } from './testing/eventBuilder';

const CID = 'b3a718d8b3397b08d58aa2b406db332c28b01e99f46ff23007243f53c266fe2f';

function watch(kind: string, type: string, items: unknown[]): string {
  return JSON.stringify({ apiVersion: 'v1', kind, type, items });
}

function pod(name: string, uid: string, labels: Record<string, string> | null, containerId = CID, namespace = 'shop') {
  return { name, uid, namespace, labels, containerStatuses: [{ containerID: `docker://${containerId}`, name: 'c' }] };
}

test('a pod is found by the 12-character id of a container it lists', () => {
  const k = new K8sState();
  k.apply(watch('Pod', 'ADDED', [pod('web-1', 'u1', { app: 'web' })]));
  assert.equal(k.podOfContainer(CID.slice(0, 12))?.name, 'web-1');
  assert.equal(k.podOfContainer(CID), undefined);
  assert.equal(shortContainerId('containerd://0123456789abcdef'), '0123456789ab');
  assert.equal(shortContainerId('unknown://x'), undefined);
});

test('labels are sorted by key and joined as key:value, a key alone when its value is empty', () => {
  const k = new K8sState();
  k.apply(watch('Pod', 'ADDED', [pod('web-1', 'u1', { role: 'front', app: 'web', canary: '' })]));
  assert.equal(labelsText(k.pods[0].labels), 'app:web, canary, role:front');
});

test('replica sets, deployments and services select pods by all their selectors within the namespace', () => {
  const k = new K8sState();
  k.apply(watch('Pod', 'ADDED', [pod('web-1', 'u1', { app: 'web', tier: 'a' }), pod('db-1', 'u2', { app: 'db' }, 'f'.repeat(64))]));
  k.apply(watch('ReplicaSet', 'ADDED', [
    { name: 'web-rs', uid: 'rs1', namespace: 'shop', labels: { app: 'web' }, selector: { app: 'web', tier: 'a' } },
    { name: 'other-ns', uid: 'rs2', namespace: 'elsewhere', selector: { app: 'db' } },
  ]));
  k.apply(watch('Service', 'ADDED', [
    { name: 'web', uid: 's1', namespace: 'shop', selector: { app: 'web' } },
    { name: 'all-web', uid: 's2', namespace: 'shop', selector: { tier: 'a' } },
  ]));
  k.apply(watch('Deployment', 'ADDED', [{ name: 'web', uid: 'd1', namespace: 'shop', selector: { app: 'web' } }]));
  const [web, db] = k.pods;
  assert.equal(k.rsOf(web)?.name, 'web-rs');
  assert.equal(k.rsOf(db), undefined, 'a replica set in another namespace selects nothing here');
  assert.deepEqual(k.servicesOf(web).map((s) => s.name), ['all-web', 'web'], 'newest service first');
  assert.equal(k.deploymentOf(web)?.uid, 'd1');
  assert.equal(k.deploymentOf(db), undefined);
});

test('owner links are rebuilt when owners change, not when pods are added (as sysdig)', () => {
  const k = new K8sState();
  k.apply(watch('ReplicaSet', 'ADDED', [{ name: 'web-rs', uid: 'rs1', namespace: 'shop', selector: { app: 'web' } }]));
  k.apply(watch('Pod', 'ADDED', [pod('web-1', 'u1', { app: 'web' })]));
  assert.equal(k.rsOf(k.pods[0]), undefined);
  k.apply(watch('ReplicaSet', 'MODIFIED', [{ name: 'web-rs', uid: 'rs1', namespace: 'shop', selector: { app: 'web' } }]));
  assert.equal(k.rsOf(k.pods[0])?.name, 'web-rs');
});

test('MODIFIED keeps name and namespace and keeps labels when the new set is empty; DELETED removes', () => {
  const k = new K8sState();
  k.apply(watch('Namespace', 'ADDED', [{ name: 'shop', uid: 'n1', labels: { team: 'a' } }]));
  k.apply(watch('Namespace', 'MODIFIED', [{ name: 'renamed', uid: 'n1', labels: null }]));
  assert.equal(k.namespaceNamed('shop')?.uid, 'n1');
  assert.equal(labelsText(k.namespaceNamed('shop')!.labels), 'team:a');
  k.apply(watch('Namespace', 'MODIFIED', [{ name: 'x', uid: 'unknown' }]));
  assert.equal(k.namespaces.length, 1, 'MODIFIED of an unknown uid is ignored');
  k.apply(watch('Namespace', 'DELETED', [{ name: 'shop', uid: 'n1' }]));
  assert.equal(k.namespaceNamed('shop'), undefined);
});

test('malformed JSON and unknown kinds are ignored', () => {
  const k = new K8sState();
  k.apply('{not json');
  k.apply(watch('Node', 'ADDED', [{ name: 'n', uid: 'x' }]));
  k.apply(JSON.stringify({ kind: 'Pod', type: 'ADDED', object: {} }));
  assert.equal(k.pods.length + k.namespaces.length, 0);
});

test('the state engine feeds k8s events (id 260, thread 0) into its k8s state without making a thread', () => {
  const s = new SystemState();
  const es = new EventState();
  const ev = event(K8S_EVENT, 0, 1n, [p.str(watch('Pod', 'ADDED', [pod('web-1', 'u1', { app: 'web' })]))]);
  s.process(ev, null, es);
  assert.equal(s.k8s.podOfContainer(CID.slice(0, 12))?.name, 'web-1');
  assert.equal(s.threads.has(0), false);
});
