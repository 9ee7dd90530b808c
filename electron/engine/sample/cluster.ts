/**
 * The host the sample was "captured" on: a Kubernetes worker node (containerd + kubelet) with
 * its long-running processes, their open files, users and network interfaces, and the pods
 * and containers of the story with their ids, names and metadata JSON.
 */
import { createHash } from 'node:crypto';
import type { FdListEntry, GroupEntry, InterfaceEntry, UserEntry } from '../capture/types';
import { FdType } from '../writer/blocks';
import type { ProcessInfo } from './actor';
import type { Random } from './random';

export const HOSTNAME = 'node-2';
export const NODE_IP = [10, 0, 0, 12] as const;
export const API_SERVER_IP = [10, 0, 0, 2] as const;
export const CLUSTER_DNS_IP = [10, 96, 0, 10] as const;
export const API_SERVICE_IP = [10, 96, 45, 12] as const;
export const WEB_POD_IP = [10, 244, 1, 17] as const;
export const API_POD_IP = [10, 244, 1, 23] as const;
export const OPERATOR_IP = [10, 0, 0, 5] as const;

export const interfaces: InterfaceEntry[] = [
  { name: 'lo', family: 4, addr: new Uint8Array([127, 0, 0, 1]), netmask: new Uint8Array([255, 0, 0, 0]), bcast: new Uint8Array(4) },
  { name: 'eth0', family: 4, addr: Uint8Array.from(NODE_IP), netmask: new Uint8Array([255, 255, 255, 0]), bcast: new Uint8Array([10, 0, 0, 255]), linkspeed: 10000n },
  { name: 'cni0', family: 4, addr: new Uint8Array([10, 244, 1, 1]), netmask: new Uint8Array([255, 255, 255, 0]), bcast: new Uint8Array([10, 244, 1, 255]) },
];

export const users: UserEntry[] = [
  { uid: 0, gid: 0, name: 'root', home: '/root', shell: '/bin/bash', container: '' },
  { uid: 1, gid: 1, name: 'daemon', home: '/usr/sbin', shell: '/usr/sbin/nologin', container: '' },
  { uid: 101, gid: 65534, name: 'systemd-journal', home: '/', shell: '/usr/sbin/nologin', container: '' },
  { uid: 105, gid: 65534, name: 'sshd', home: '/run/sshd', shell: '/usr/sbin/nologin', container: '' },
  { uid: 1000, gid: 1000, name: 'ops', home: '/home/ops', shell: '/bin/bash', container: '' },
];
export const groups: GroupEntry[] = [
  { gid: 0, name: 'root', container: '' },
  { gid: 1, name: 'daemon', container: '' },
  { gid: 4, name: 'adm', container: '' },
  { gid: 1000, name: 'ops', container: '' },
];

const CONTROLLERS = ['cpuset', 'cpu', 'io', 'memory', 'pids'];
/** cgroup v2 as the driver reports it: the unified path once per controller. */
export function cgroupsAt(path: string): string[] { return CONTROLLERS.map((c) => `${c}=${path}`); }

export function hostProcess(p: Partial<ProcessInfo> & Pick<ProcessInfo, 'pid' | 'ptid' | 'comm' | 'exe' | 'exepath'>): ProcessInfo {
  return {
    args: [], cwd: '/', env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8'],
    cgroups: cgroupsAt('/init.scope'), uid: 0, gid: 0, vpid: p.pid, sid: 1, vpgid: p.pid, fdlimit: 1048576,
    vmsizeKb: 20000, vmrssKb: 8000, root: '/', loginuid: 0xffffffff,
    ...p,
  };
}

export interface Pod {
  name: string;
  namespace: string;
  uid: string;
  ip: readonly [number, number, number, number];
  cgroupParent: string;
  sandboxId: string;
}

export interface Container {
  fullId: string;
  id: string;
  name: string;
  image: string;
  cgroups: string[];
}

export function makePod(rng: Random, name: string, ip: Pod['ip']): Pod {
  const uid = `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
  return { name, namespace: 'default', uid, ip, cgroupParent: `/kubepods/besteffort/pod${uid}`, sandboxId: rng.hex(64) };
}

/** Names as the kubelet gives them to docker-style runtimes: k8s_<container>_<pod>_<ns>_<uid>_<attempt>. */
export function makeContainer(pod: Pod, containerName: string, image: string, attempt: number, fullId: string): Container {
  return {
    fullId, id: fullId.slice(0, 12), image,
    name: `k8s_${containerName}_${pod.name}_${pod.namespace}_${pod.uid}_${attempt}`,
    cgroups: cgroupsAt(`${pod.cgroupParent}/${fullId}`),
  };
}

/** The metadata JSON the container event carries (scap-event-table.md §5.3). */
export function containerJson(c: Container, pod: Pod, createdSec: number, isSandbox: boolean): string {
  const [repo, tag] = c.image.split(':');
  // Stable, realistic-looking content addresses derived from the image name.
  const imageId = createHash('sha256').update(`image:${c.image}`).digest('hex');
  const digest = createHash('sha256').update(`manifest:${c.image}`).digest('hex');
  return JSON.stringify({
    container: {
      id: c.id, full_id: c.fullId, type: 7, name: c.name, image: c.image, imageid: imageId,
      imagerepo: repo, imagetag: tag ?? 'latest', imagedigest: `sha256:${digest}`,
      privileged: false, is_pod_sandbox: isSandbox, lookup_state: 1, created_time: createdSec,
      ip: pod.ip.join('.'), pod_sandbox_id: pod.sandboxId,
      Mounts: isSandbox ? [] : [{ Source: `/var/lib/kubelet/pods/${pod.uid}/etc-hosts`, Destination: '/etc/hosts', Mode: '', RW: true, Propagation: 'rprivate' }],
      labels: {
        'io.kubernetes.container.name': isSandbox ? 'POD' : c.name.split('_')[1],
        'io.kubernetes.pod.name': pod.name,
        'io.kubernetes.pod.namespace': pod.namespace,
        'io.kubernetes.pod.uid': pod.uid,
      },
      pod_sandbox_labels: { app: pod.name.split('-').slice(0, -2).join('-'), 'pod-template-hash': pod.name.split('-').at(-2) },
      port_mappings: [], env: [], memory_limit: 0, swap_limit: 0, cpu_shares: 2, cpu_quota: 0, cpu_period: 100000,
    },
  });
}

export function fileFd(tid: number, fd: number, name: string, flags = 1): FdListEntry {
  return { tid, fd, ino: BigInt(1000 + fd), type: FdType.FILE_V2, name, openFlags: flags, mountId: 0, dev: 0x803 };
}
export function pipeOrNamed(tid: number, fd: number, type: number, name: string): FdListEntry {
  return { tid, fd, ino: BigInt(40000 + fd), type, name, openFlags: 0, mountId: 0, dev: 0 };
}
export function unixFd(tid: number, fd: number, path: string, source: bigint, dest: bigint): FdListEntry {
  return { tid, fd, ino: BigInt(30000 + fd), type: FdType.UNIX_SOCK, name: path, openFlags: 0, mountId: 0, dev: 0, unixSource: source, unixDest: dest };
}
export function tcpFd(tid: number, fd: number, client: readonly number[], cport: number, server: readonly number[], sport: number): FdListEntry {
  return {
    tid, fd, ino: BigInt(50000 + fd), type: FdType.IPV4_SOCK, name: '', openFlags: 0, mountId: 0, dev: 0,
    sip: Uint8Array.from(client), dip: Uint8Array.from(server), sport: cport, dport: sport, l4proto: 2,
  };
}
export function listenFd(tid: number, fd: number, ip: readonly number[], port: number): FdListEntry {
  return { tid, fd, ino: BigInt(60000 + fd), type: FdType.IPV4_SERVSOCK, name: '', openFlags: 0, mountId: 0, dev: 0, sip: Uint8Array.from(ip), sport: port, l4proto: 2 };
}
