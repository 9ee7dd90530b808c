/** `container.*` fields: the container of the event's thread (cgroup id + metadata events). */
import type { EventContext } from '../inspector/eventContext';
import { containerTypeName, type ContainerInfo } from '../state/containers';
import { boolField, noArg, stringField, type FieldFactory } from './fieldTypes';

function containerId(ctx: EventContext): string | undefined {
  const t = ctx.es.thread;
  if (!t) return undefined;
  return t.containerId || 'host';
}

function info(ctx: EventContext): ContainerInfo | undefined {
  const t = ctx.es.thread;
  return t && t.containerId ? ctx.state.containers.get(t.containerId) : undefined;
}

/** A metadata value: 'host' values for host threads where sysdig has them, else the record's. */
function meta(pick: (c: ContainerInfo) => string, forHost: string | undefined): FieldFactory {
  return noArg(() => stringField((ctx) => {
    const t = ctx.es.thread;
    if (!t) return undefined;
    if (!t.containerId) return forHost;
    const c = info(ctx);
    if (!c) return undefined;
    const v = pick(c);
    return v === '' ? undefined : v;
  }));
}

/** Container types whose metadata tells whether the container is privileged: docker, cri, containerd, cri-o. */
const DOCKER_COMPATIBLE = new Set([0, 6, 7, 8]);

export const CONTAINER_FIELDS: Record<string, FieldFactory> = {
  'container.id': noArg(() => stringField(containerId)),
  'container.full_id': meta((c) => c.fullId, 'host'),
  'container.name': meta((c) => c.name, 'host'),
  'container.image': meta((c) => c.image, undefined),
  'container.image.id': meta((c) => c.imageId, undefined),
  'container.image.repository': meta((c) => c.imageRepo, undefined),
  'container.image.tag': meta((c) => c.imageTag, undefined),
  'container.image.digest': meta((c) => c.imageDigest, undefined),
  'container.type': meta((c) => containerTypeName(c.type), 'host'),
  'container.ip': meta((c) => c.ip, undefined),
  // Known only for docker-compatible runtimes; false unless the metadata says otherwise.
  'container.privileged': noArg(() => boolField((ctx) => { const c = info(ctx); return c && DOCKER_COMPATIBLE.has(c.type) ? c.privileged ?? false : undefined; })),
  // A known container without a health check shows NONE.
  'container.healthcheck': noArg(() => stringField((ctx) => { const c = info(ctx); return c ? (c.healthcheck ? [c.healthcheck.exe, ...c.healthcheck.args].join(' ') : 'NONE') : undefined; })),
  'container.label': (arg) => arg === undefined ? { error: 'container.label needs a label name: container.label.NAME' }
    : stringField((ctx) => info(ctx)?.labels[arg]),
  'container.labels': meta((c) => Object.entries(c.labels).map(([k, v]) => `${k}:${v}`).join(', '), undefined),
  // A known container without mounts has an empty list, not no value.
  'container.mounts': noArg(() => stringField((ctx) => info(ctx)?.mounts.map((m) => `${m.source}:${m.dest}:${m.mode}:${m.rw}:${m.propagation}`).join(','))),
};
