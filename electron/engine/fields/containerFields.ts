/** `container.*` fields: the container of the event's thread (cgroup id + metadata events). */
import type { EventContext } from '../inspector/eventContext';
import { containerTypeName, type ContainerInfo } from '../state/containers';
import { boolField, noArg, parseIndex, stringField, type FieldFactory } from './fieldTypes';

type Mount = ContainerInfo['mounts'][number];

/** Shell-style glob (`*`, `?`, `[...]`) as a whole-string regular expression. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else { re += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`; i = close; }
    } else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}

/**
 * `container.mount[...]` and its parts: a mount picked by index, or by a path glob matched
 * against its source (its destination for `container.mount.source`, which asks the reverse).
 */
function mountField(name: string, pick: (m: Mount) => string, byDest: boolean): FieldFactory {
  return (arg) => {
    if (arg === undefined || arg === '') return { error: `${name} needs a mount: ${name}[0] or ${name}[/path]` };
    const index = parseIndex(arg);
    const re = index === undefined ? globRegExp(arg) : undefined;
    return stringField((ctx) => {
      const c = info(ctx);
      if (!c) return undefined;
      const m = index !== undefined ? c.mounts[index] : c.mounts.find((x) => re!.test(byDest ? x.dest : x.source));
      return m ? pick(m) : undefined;
    });
  };
}

const mountText = (m: Mount): string => `${m.source}:${m.dest}:${m.mode}:${m.rw}:${m.propagation}`;

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

/** A probe command of the container: exe and arguments, NONE for a known container without one. */
function probeField(pick: (c: ContainerInfo) => { exe: string; args: string[] } | undefined): FieldFactory {
  return noArg(() => stringField((ctx) => {
    const c = info(ctx);
    if (!c) return undefined;
    const p = pick(c);
    return p ? [p.exe, ...p.args].join(' ') : 'NONE';
  }));
}

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
  'container.healthcheck': probeField((c) => c.healthcheck),
  'container.liveness_probe': probeField((c) => c.livenessProbe),
  'container.readiness_probe': probeField((c) => c.readinessProbe),
  'container.label': (arg) => arg === undefined ? { error: 'container.label needs a label name: container.label.NAME' }
    : stringField((ctx) => info(ctx)?.labels[arg]),
  'container.labels': meta((c) => Object.entries(c.labels).map(([k, v]) => `${k}:${v}`).join(', '), undefined),
  // A known container without mounts has an empty list, not no value.
  'container.mounts': noArg(() => stringField((ctx) => info(ctx)?.mounts.map(mountText).join(','))),
  'container.mount': mountField('container.mount', mountText, false),
  'container.mount.source': mountField('container.mount.source', (m) => m.source, true),
  'container.mount.dest': mountField('container.mount.dest', (m) => m.dest, false),
  'container.mount.mode': mountField('container.mount.mode', (m) => m.mode, false),
  'container.mount.rdwr': mountField('container.mount.rdwr', (m) => String(m.rw), false),
  'container.mount.propagation': mountField('container.mount.propagation', (m) => m.propagation, false),
};
