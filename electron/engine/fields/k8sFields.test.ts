import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLine, parseOutputFormat } from './outputFormat';
import { EventState, SystemState } from '../state/systemState';
import { K8S_EVENT } from '../state/k8sState';
import { event, p, process } from '../state/testing/eventBuilder';
import { ThreadLookup } from '../inspector/threadLookup';
import type { EventContext } from '../inspector/eventContext';

const CID = '730a6f492270921c8cf91d8c8c7c125ebb94a4749e0d4c753b1dc1cd42d84025';

function k8sEvent(kind: string, items: unknown[]) {
  return event(K8S_EVENT, 0, 1n, [p.str(JSON.stringify({ kind, type: 'ADDED', items }))]);
}

/** A read by thread 10 (in container `containerId`) after the cluster's k8s events. */
function readIn(containerId: string, labels: Record<string, string> = {}): EventContext {
  const s = new SystemState();
  s.addProcess(process({ tid: 10, comm: 'nginx' }));
  s.threads.get(10)!.containerId = containerId;
  if (Object.keys(labels).length > 0) {
    s.containers.set(containerId, { id: containerId, labels } as unknown as ReturnType<typeof s.containers.get> & object);
  }
  const es = new EventState();
  for (const ev of [
    k8sEvent('Namespace', [{ name: 'shop', uid: 'ns-1', labels: { team: 'web' } }]),
    k8sEvent('Pod', [{ name: 'web-7f', uid: 'pod-1', namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7f' },
      containerStatuses: [{ containerID: `docker://${CID}` }] }]),
    k8sEvent('ReplicaSet', [{ name: 'web-7f', uid: 'rs-1', namespace: 'shop', labels: { app: 'web' }, selector: { app: 'web', 'pod-template-hash': '7f' } }]),
    k8sEvent('Service', [{ name: 'web', uid: 'svc-1', namespace: 'shop', labels: { tier: 'front' }, selector: { app: 'web' } },
      { name: 'web-admin', uid: 'svc-2', namespace: 'shop', selector: { app: 'web' } }]),
    k8sEvent('Deployment', [{ name: 'web', uid: 'dep-1', namespace: 'shop', labels: { app: 'web' }, selector: { app: 'web' } }]),
  ]) s.process(ev, null, es);
  const read = event(6, 10, 2n, [p.i64(3), p.u32(100)]);
  s.process(read, read, es);
  const lookup = new ThreadLookup(s);
  lookup.thread = es.thread;
  return { ev: read, upgraded: read, num: 6, es, state: s, lookup, internal: false, firstTs: 1n, prevTs: -1n };
}

const print = (format: string, ctx: EventContext) => formatLine(parseOutputFormat(`*${format}`), ctx);

test('a thread in a listed container shows its pod, namespace, owners and services', () => {
  const ctx = readIn(CID.slice(0, 12));
  assert.equal(print('%k8s.pod.name %k8s.pod.id %k8s.ns.name %k8s.ns.id %k8s.ns.labels', ctx), 'web-7f pod-1 shop ns-1 team:web');
  assert.equal(print('%k8s.pod.labels|%k8s.pod.label.pod-template-hash', ctx), 'app:web, pod-template-hash:7f|7f');
  assert.equal(print('%k8s.rs.name %k8s.rs.id %k8s.rs.labels %k8s.rc.name', ctx), 'web-7f rs-1 app:web <NA>');
  assert.equal(print('%k8s.svc.name|%k8s.svc.id|%k8s.svc.labels|%k8s.svc.label.tier', ctx), 'web-admin, web|svc-2, svc-1|tier:front|front');
  assert.equal(print('%k8s.deployment.name %k8s.deployment.id %k8s.deployment.label.app', ctx), 'web dep-1 web');
});

test('threads outside the cluster\'s containers have no k8s values', () => {
  assert.equal(print('%k8s.pod.name %k8s.ns.name %k8s.svc.name', readIn('')), '<NA> <NA> <NA>');
  assert.equal(print('%k8s.pod.name %k8s.ns.name', readIn('0123456789ab')), '<NA> <NA>');
});

test('a container\'s own io.kubernetes labels answer pod name, namespace and uid before the k8s state', () => {
  const ctx = readIn(CID.slice(0, 12), { 'io.kubernetes.pod.name': 'from-label', 'io.kubernetes.pod.namespace': 'label-ns' });
  assert.equal(print('%k8s.pod.name %k8s.ns.name %k8s.pod.id', ctx), 'from-label label-ns pod-1');
});

test('label fields need a label name', () => {
  assert.throws(() => parseOutputFormat('%k8s.pod.label'), /needs a label name/);
});
