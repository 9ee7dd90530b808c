/**
 * `k8s.*` fields as sysdig 0.29.3 resolves them: first from the container's own Kubernetes
 * labels (`io.kubernetes.pod.name`, ... set by the kubelet), then from the Kubernetes state the
 * capture's k8s events recorded (state/k8sState.ts), through the pod listing the event
 * thread's container.
 */
import type { EventContext } from '../inspector/eventContext';
import { labelsText, type K8sComponent, type K8sLabels, type K8sPod } from '../state/k8sState';
import { noArg, stringField, type FieldFactory } from './fieldTypes';

/** Container labels that stand for a pod field when the container has them. */
const POD_LABEL_KEYS: Record<string, string> = {
  'k8s.pod.name': 'io.kubernetes.pod.name',
  'k8s.ns.name': 'io.kubernetes.pod.namespace',
  'k8s.pod.id': 'io.kubernetes.pod.uid',
};

type FromLabels = (labels: Record<string, string>, ctx: EventContext) => string | undefined;

/** The container's labels when it has any (sysdig tries them before the k8s state). */
function containerLabels(ctx: EventContext): Record<string, string> | undefined {
  const t = ctx.es.thread;
  if (!t || !t.containerId) return undefined;
  const labels = ctx.state.containers.get(t.containerId)?.labels;
  return labels && hasAny(labels) ? labels : undefined;
}

/** Without listing the keys (read on every event of a containerised thread). */
function hasAny(labels: Record<string, string>): boolean {
  for (const _ in labels) return true;
  return false;
}

function podOf(ctx: EventContext): K8sPod | undefined {
  const t = ctx.es.thread;
  return t && t.containerId ? ctx.state.k8s.podOfContainer(t.containerId) : undefined;
}

/**
 * A field read from the container labels if they answer, else from the event's pod. `fromLabels`
 * returning undefined falls through to the k8s state, as sysdig does.
 */
function k8sField(fromLabels: FromLabels | undefined, fromPod: (pod: K8sPod, ctx: EventContext) => string | undefined) {
  return stringField((ctx) => {
    if (!ctx.es.thread) return undefined;
    if (fromLabels) {
      const labels = containerLabels(ctx);
      if (labels) {
        const v = fromLabels(labels, ctx);
        if (v !== undefined) return v;
      }
    }
    const pod = podOf(ctx);
    return pod ? fromPod(pod, ctx) : undefined;
  });
}

function label(labels: K8sLabels, key: string): string | undefined {
  for (const [k, v] of labels) if (k === key) return v;
  return undefined;
}

/** The pod sandbox's container labels (pod labels under CRI), found through `io.kubernetes.sandbox.id`. */
function sandboxLabels(labels: Record<string, string>, ctx: EventContext): Record<string, string> | undefined {
  const id = labels['io.kubernetes.sandbox.id'];
  if (id === undefined) return undefined;
  const sandbox = ctx.state.containers.get(id.slice(0, 12))?.labels;
  return sandbox && hasAny(sandbox) ? sandbox : undefined;
}

/** Sandbox labels without the kubelet's own (`io.kubernetes.*`, `annotation.*`), sorted by key. */
function podLabelsFromSandbox(labels: Record<string, string>): string {
  const pairs = Object.keys(labels).sort()
    .filter((k) => !k.startsWith('annotation.') && !k.startsWith('io.kubernetes.'))
    .map((k) => [k, labels[k]] as const);
  return labelsText(pairs);
}

const byLabel = (key: string): FromLabels => (labels) => labels[key];

function requireArg(name: string, make: (key: string) => ReturnType<typeof stringField>): FieldFactory {
  return (arg) => (arg === undefined || arg === '' ? { error: `${name} needs a label name: ${name}.NAME` } : make(arg));
}

/** Fields of the pod's owner (rc, rs, deployment), one owner or none. */
function ownerFields(prefix: string, ownerOf: (pod: K8sPod, ctx: EventContext) => K8sComponent | undefined): Record<string, FieldFactory> {
  const read = (pick: (o: K8sComponent) => string | undefined) =>
    k8sField(undefined, (pod, ctx) => { const o = ownerOf(pod, ctx); return o ? pick(o) : undefined; });
  return {
    [`${prefix}.name`]: noArg(() => read((o) => o.name)),
    [`${prefix}.id`]: noArg(() => read((o) => o.uid)),
    [`${prefix}.label`]: requireArg(`${prefix}.label`, (key) => read((o) => label(o.labels, key))),
    [`${prefix}.labels`]: noArg(() => read((o) => labelsText(o.labels))),
  };
}

/** Service fields: every service selecting the pod, values joined with ", ". */
function joinedServices(pick: (s: K8sComponent) => string | undefined) {
  return k8sField(undefined, (pod, ctx) => {
    const services = ctx.state.k8s.servicesOf(pod);
    if (services.length === 0) return undefined;
    const parts: string[] = [];
    for (const s of services) { const v = pick(s); if (v) parts.push(v); }
    return parts.join(', ');
  });
}

export const K8S_FIELDS: Record<string, FieldFactory> = {
  'k8s.pod.name': noArg(() => k8sField(byLabel(POD_LABEL_KEYS['k8s.pod.name']), (pod) => pod.name)),
  'k8s.pod.id': noArg(() => k8sField(byLabel(POD_LABEL_KEYS['k8s.pod.id']), (pod) => pod.uid)),
  'k8s.pod.label': requireArg('k8s.pod.label', (key) => k8sField(
    (labels, ctx) => sandboxLabels(labels, ctx)?.[key], (pod) => label(pod.labels, key))),
  'k8s.pod.labels': noArg(() => k8sField(
    (labels, ctx) => { const s = sandboxLabels(labels, ctx); return s ? podLabelsFromSandbox(s) : undefined; },
    (pod) => labelsText(pod.labels))),
  ...ownerFields('k8s.ns', (pod, ctx) => ctx.state.k8s.namespaceNamed(pod.namespace)),
  ...ownerFields('k8s.rc', (pod, ctx) => ctx.state.k8s.rcOf(pod)),
  ...ownerFields('k8s.rs', (pod, ctx) => ctx.state.k8s.rsOf(pod)),
  ...ownerFields('k8s.deployment', (pod, ctx) => ctx.state.k8s.deploymentOf(pod)),
  // After the namespace's own fields: the name is the pod's namespace, known or not.
  'k8s.ns.name': noArg(() => k8sField(byLabel(POD_LABEL_KEYS['k8s.ns.name']), (pod) => pod.namespace)),
  'k8s.svc.name': noArg(() => joinedServices((s) => s.name)),
  'k8s.svc.id': noArg(() => joinedServices((s) => s.uid)),
  'k8s.svc.label': requireArg('k8s.svc.label', (key) => k8sField(undefined, (pod, ctx) => {
    const values: string[] = [];
    for (const s of ctx.state.k8s.servicesOf(pod)) { const v = label(s.labels, key); if (v !== undefined) values.push(v); }
    // sysdig joins only found values and has none when no service has the label (an empty value included).
    const joined = values.join(', ');
    return joined === '' ? undefined : joined;
  })),
  'k8s.svc.labels': noArg(() => joinedServices((s) => labelsText(s.labels))),
};
