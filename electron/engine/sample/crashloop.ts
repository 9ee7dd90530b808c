/**
 * The bundled sample capture: an nginx pod in CrashLoopBackOff on a Kubernetes worker node.
 *
 * Story (about five and a half minutes, fixed seed and start time, so the file is identical on
 * every machine): the `web` pod's nginx container starts, loads its libraries, opens its error
 * log, reads /etc/nginx/nginx.conf — whose `upstream` points at `api-backend:8080` — and asks
 * the resolver for that name: /etc/nsswitch.conf, /etc/resolv.conf (`nameserver 10.96.0.10`,
 * `search default.svc.cluster.local …`, ndots:5), /etc/hosts, then UDP queries to port 53 for
 * every search domain, each answered NXDOMAIN. nginx writes `[emerg] … host not found in
 * upstream "api-backend:8080"` to /var/log/nginx/error.log and exits with status 1. The kubelet
 * logs the death and restarts it through containerd, its shim and runc with the back-off
 * doubling (10 s, 20 s, 40 s, 80 s, 160 s), each time as a new container. Meanwhile the
 * `api-backend` pod (a Flask app, python listening on 8080) comes up; the last restart finds
 * the Service and nginx stays up. Around it runs what a node always runs: kubelet and
 * containerd polling, cgroup statistics, the API-server connection, journald collecting the
 * logs, cron waking each minute and an operator's ssh session checking the pods with kubectl.
 *
 * Every thread is scripted by one function with its own clock (Actor); the Timeline sorts the
 * events by time before they are written.
 */
import { CaptureWriter } from '../writer/captureWriter';
import { FdType } from '../writer/blocks';
import type { FdListEntry, ProcListEntry } from '../capture/types';
import { Actor, CLONE, MS, O, SEC, THREAD_CLONE_FLAGS, US, type ProcessInfo } from './actor';
import {
  API_POD_IP, API_SERVER_IP, API_SERVICE_IP, CLUSTER_DNS_IP, HOSTNAME, NODE_IP, OPERATOR_IP, WEB_POD_IP,
  cgroupsAt, containerJson, fileFd, groups, hostProcess, interfaces, listenFd, makeContainer, makePod,
  pipeOrNamed, tcpFd, unixFd, users, type Container, type Pod,
} from './cluster';
import { DnsType, dnsAnswerA, dnsNoAnswer, dnsQuery } from './dnsPacket';
import {
  NGINX_CONF_LINE_OF_UPSTREAM_SERVER, defaultConf, etcHosts, flaskApp, hostConf, klogTime, mimeTypes,
  nginxConf, nginxTime, nsswitchConf, resolvConf,
} from './files';
import { Random } from './random';
import { Timeline } from './timeline';

/** 2024-03-12 09:41:07.250 UTC. */
export const SAMPLE_START_NS = 1710236467_250000000n;
export const SAMPLE_SEED = 0x5ca9e;
const END = 330 * SEC;
const SIGCHLD = 17;

export interface SampleSummary { events: number; startNs: bigint; endNs: bigint; containers: string[] }

/** Writes the sample capture to `path`. */
export async function writeCrashLoopSample(path: string, opts: { gzip?: boolean } = {}): Promise<SampleSummary> {
  const story = new CrashLoopStory();
  story.run();
  const writer = CaptureWriter.create(path, opts);
  try {
    writer.writeHeader({
      machine: { numCpus: 4, memoryBytes: 16n << 30n, hostname: HOSTNAME, bootTsEpoch: SAMPLE_START_NS - 86_400n * 3n * 1_000_000_000n },
      interfaces, users, groups, threads: story.initialThreads, fds: story.initialFds,
    });
    story.timeline.writeSorted(writer.sink);
    await writer.close();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  return { events: story.timeline.size, startNs: SAMPLE_START_NS, endNs: SAMPLE_START_NS + BigInt(END), containers: story.containers };
}

interface LogLine { t: number; stream: number; text: string }

class CrashLoopStory {
  readonly rng = new Random(SAMPLE_SEED);
  readonly timeline = new Timeline(SAMPLE_START_NS);
  readonly initialThreads: ProcListEntry[] = [];
  readonly initialFds = new Map<number, FdListEntry[]>();
  readonly containers: string[] = [];
  private readonly journalLines: LogLine[] = [];
  private nextPid = 5210;

  // Long-running threads (present in the capture header).
  private readonly systemd: Actor;
  private readonly journald: Actor;
  private readonly cron: Actor;
  private readonly sshdSession: Actor;
  private readonly bash: Actor;
  private readonly containerd: Actor;
  private readonly containerdTask: Actor;
  private readonly kubelet: Actor;
  private readonly kubeletPodWorker: Actor;
  private readonly kubeletProber: Actor;
  private readonly kubeletTimer: Actor;
  private readonly webShim: Actor;

  private readonly webPod: Pod;
  private readonly apiPod: Pod;
  private readonly webSandbox: Container;
  private apiShim: Actor | null = null;
  private apiReadyAt = Infinity;

  constructor() {
    const rng = this.rng;
    this.webPod = makePod(rng, 'web-7d9c8b6f5-x2k4q', WEB_POD_IP);
    this.apiPod = makePod(rng, 'api-backend-5f6d8c9b7-q8wzl', API_POD_IP);
    this.webSandbox = makeContainer(this.webPod, 'POD', 'registry.k8s.io/pause:3.9', 0, this.webPod.sandboxId);

    const journalStdout = '/run/systemd/journal/stdout';
    const svc = (name: string) => cgroupsAt(`/system.slice/${name}.service`);
    this.systemd = this.hostThread(hostProcess({ pid: 1, ptid: 0, comm: 'systemd', exe: '/sbin/init', exepath: '/usr/lib/systemd/systemd', args: ['splash'] }), 1, 0,
      [fileFd(1, 0, '/dev/null'), fileFd(1, 1, '/dev/null'), fileFd(1, 2, '/dev/null'), pipeOrNamed(1, 4, FdType.EVENTPOLL, ''), pipeOrNamed(1, 7, FdType.SIGNALFD, '')]);
    this.journald = this.hostThread(hostProcess({ pid: 312, ptid: 1, comm: 'systemd-journal', exe: '/lib/systemd/systemd-journald', exepath: '/usr/lib/systemd/systemd-journald', cgroups: svc('systemd-journald'), uid: 0, vmsizeKb: 48000, vmrssKb: 21000 }), 312, 1,
      [fileFd(312, 0, '/dev/null'), fileFd(312, 1, '/dev/null'), fileFd(312, 2, '/dev/null'), unixFd(312, 3, journalStdout, 0xffff8881a0c3e000n, 0n),
        unixFd(312, 4, '/run/systemd/journal/socket', 0xffff8881a0c3e400n, 0n), pipeOrNamed(312, 7, FdType.EVENTPOLL, ''),
        fileFd(312, 14, '/var/log/journal/4f1c2e8a9b7d4c3e8f5a6b1c2d3e4f5a/system.journal', O.RDWR | O.CREAT),
        unixFd(312, 20, journalStdout, 0xffff8881a0c3f000n, 0xffff8881b2d40000n), unixFd(312, 21, journalStdout, 0xffff8881a0c3f400n, 0xffff8881b2d40400n)]);
    this.cron = this.hostThread(hostProcess({ pid: 702, ptid: 1, comm: 'cron', exe: '/usr/sbin/cron', exepath: '/usr/sbin/cron', args: ['-f', '-P'], cgroups: svc('cron'), vmsizeKb: 6800, vmrssKb: 2700 }), 702, 3,
      [fileFd(702, 0, '/dev/null'), fileFd(702, 1, '/dev/null'), fileFd(702, 2, '/dev/null'), fileFd(702, 3, '/run/crond.pid', O.RDWR | O.CREAT)]);
    const sshd = hostProcess({ pid: 845, ptid: 1, comm: 'sshd', exe: 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups', exepath: '/usr/sbin/sshd', cgroups: svc('ssh'), vmsizeKb: 15400, vmrssKb: 9100 });
    this.hostThread(sshd, 845, 2, [fileFd(845, 0, '/dev/null'), fileFd(845, 1, '/dev/null'), fileFd(845, 2, '/dev/null'), listenFd(845, 3, [0, 0, 0, 0], 22)]);
    const session = hostProcess({ pid: 2288, ptid: 2210, comm: 'sshd', exe: 'sshd: ops@pts/0', exepath: '/usr/sbin/sshd', cgroups: cgroupsAt('/user.slice/user-1000.slice/session-3.scope'), uid: 1000, gid: 1000, sid: 2210, vpgid: 2210, loginuid: 1000, vmsizeKb: 17800, vmrssKb: 7300 });
    this.sshdSession = this.hostThread(session, 2288, 2,
      [fileFd(2288, 0, '/dev/null'), fileFd(2288, 1, '/dev/null'), fileFd(2288, 2, '/dev/null'), tcpFd(2288, 4, OPERATOR_IP, 52344, NODE_IP, 22), fileFd(2288, 9, '/dev/ptmx', O.RDWR)]);
    const bashProc = hostProcess({ pid: 2289, ptid: 2288, comm: 'bash', exe: '-bash', exepath: '/usr/bin/bash', cwd: '/home/ops/', cgroups: session.cgroups, uid: 1000, gid: 1000, sid: 2289, vpgid: 2289, loginuid: 1000, vmsizeKb: 8900, vmrssKb: 5200, env: ['USER=ops', 'HOME=/home/ops', 'SHELL=/bin/bash', 'TERM=xterm-256color', 'KUBECONFIG=/home/ops/.kube/config', 'PATH=/usr/local/bin:/usr/bin:/bin'] });
    this.bash = this.hostThread(bashProc, 2289, 1, [fileFd(2289, 0, '/dev/pts/0', O.RDWR), fileFd(2289, 1, '/dev/pts/0', O.RDWR), fileFd(2289, 2, '/dev/pts/0', O.RDWR), fileFd(2289, 255, '/dev/pts/0', O.RDWR)]);

    const ctrd = hostProcess({ pid: 1021, ptid: 1, comm: 'containerd', exe: '/usr/bin/containerd', exepath: '/usr/bin/containerd', cgroups: svc('containerd'), vmsizeKb: 1_890_000, vmrssKb: 61000 });
    this.containerd = this.hostThread(ctrd, 1021, 0,
      [fileFd(1021, 0, '/dev/null'), unixFd(1021, 1, '', 0xffff8881b2d40400n, 0xffff8881a0c3f400n), unixFd(1021, 2, '', 0xffff8881b2d40400n, 0xffff8881a0c3f400n),
        pipeOrNamed(1021, 5, FdType.EVENTPOLL, ''), unixFd(1021, 8, '/run/containerd/containerd.sock', 0xffff8881b3000000n, 0n),
        unixFd(1021, 12, '/run/containerd/containerd.sock', 0xffff8881b3000400n, 0xffff8881c4000400n),
        unixFd(1021, 16, '/run/containerd/s/8e3b5f0c1d2a4b6c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d', 0xffff8881b3000800n, 0xffff8881d5000800n)]);
    this.containerdTask = this.hostThread(ctrd, 1034, 2, [], 1034, this.containerd);
    const kub = hostProcess({ pid: 1340, ptid: 1, comm: 'kubelet', exe: '/usr/bin/kubelet', exepath: '/usr/bin/kubelet', cgroups: svc('kubelet'), vmsizeKb: 2_240_000, vmrssKb: 98000,
      args: ['--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf', '--kubeconfig=/etc/kubernetes/kubelet.conf', '--config=/var/lib/kubelet/config.yaml', '--container-runtime-endpoint=unix:///run/containerd/containerd.sock'] });
    this.kubelet = this.hostThread(kub, 1340, 1,
      [fileFd(1340, 0, '/dev/null'), unixFd(1340, 1, '', 0xffff8881b2d40000n, 0xffff8881a0c3f000n), unixFd(1340, 2, '', 0xffff8881b2d40000n, 0xffff8881a0c3f000n),
        pipeOrNamed(1340, 4, FdType.EVENTPOLL, ''), unixFd(1340, 9, '/run/containerd/containerd.sock', 0xffff8881c4000400n, 0xffff8881b3000400n),
        tcpFd(1340, 11, NODE_IP, 48712, API_SERVER_IP, 6443)]);
    this.kubeletPodWorker = this.hostThread(kub, 1352, 3, [], 1352, this.kubelet);
    this.kubeletProber = this.hostThread(kub, 1357, 2, [], 1357, this.kubelet);
    this.kubeletTimer = this.hostThread(kub, 1361, 0, [], 1361, this.kubelet);

    const shim = hostProcess({ pid: 4120, ptid: 1, comm: 'containerd-shim', exe: '/usr/bin/containerd-shim-runc-v2', exepath: '/usr/bin/containerd-shim-runc-v2',
      args: ['-namespace', 'k8s.io', '-id', this.webPod.sandboxId, '-address', '/run/containerd/containerd.sock'], cgroups: cgroupsAt('/system.slice/containerd.service'), vmsizeKb: 722_000, vmrssKb: 12000 });
    this.webShim = this.hostThread(shim, 4120, 3,
      [fileFd(4120, 0, '/dev/null'), fileFd(4120, 1, '/dev/null'), fileFd(4120, 2, '/dev/null'), pipeOrNamed(4120, 3, FdType.EVENTPOLL, ''),
        unixFd(4120, 9, '/run/containerd/s/8e3b5f0c1d2a4b6c8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d', 0xffff8881d5000800n, 0xffff8881b3000800n)]);
    const pause = hostProcess({ pid: 4141, ptid: 4120, comm: 'pause', exe: '/pause', exepath: '/pause', cgroups: this.webSandbox.cgroups, vpid: 1, sid: 4141, vpgid: 1, vmsizeKb: 1000, vmrssKb: 400, uid: 65535, gid: 65535 });
    this.hostThread(pause, 4141, 1, [fileFd(4141, 0, '/dev/null'), fileFd(4141, 1, '/dev/null'), fileFd(4141, 2, '/dev/null')], 1);
    this.containers.push(this.webSandbox.name);
  }

  /** Registers a thread of the capture header and returns its actor. */
  private hostThread(p: ProcessInfo, tid: number, cpu: number, fds: FdListEntry[], vtid = tid, leader?: Actor): Actor {
    const a = new Actor(this.timeline, this.rng, tid, p, cpu, vtid, fds.map((f) => f.fd), leader?.openFds);
    this.initialThreads.push(a.entry());
    if (fds.length) this.initialFds.set(tid, fds);
    return a;
  }

  private allocPid(): number { this.nextPid += this.rng.int(3, 40); return this.nextPid; }

  private wallMs(t: number): number { return Number(SAMPLE_START_NS / 1_000_000n) + t / MS; }
  /** Nanoseconds within the second of the event time `t` (for log stamps finer than ms). */
  private nanosOfSecond(t: number): number { return Number((SAMPLE_START_NS + BigInt(Math.round(t))) % 1_000_000_000n); }
  /** RFC 3339 with nanoseconds, as the CRI log format stamps lines. */
  private criTime(t: number): string {
    return `${new Date(this.wallMs(t)).toISOString().slice(0, 19)}.${String(this.nanosOfSecond(t)).padStart(9, '0')}Z`;
  }

  /** A kubelet log line (klog format) written to journald's stdout stream. */
  private kubeletLog(a: Actor, level: 'I' | 'E' | 'W', source: string, msg: string): void {
    const micros = Math.floor(this.nanosOfSecond(a.t) / 1000);
    const line = `${level}${klogTime(this.wallMs(a.t), micros)}    1340 ${source}] ${msg}\n`;
    a.write(2, line);
    this.journalLines.push({ t: a.t, stream: 20, text: line });
  }

  run(): void {
    // Metadata of the containers running when the capture started, as a dump begins with it.
    Actor.containerEvent(this.timeline, 0, containerJson(this.webSandbox, this.webPod, 1710236200, true));

    const backoffs = [10, 20, 40, 80, 160];
    let t = 1.8 * SEC;
    for (let attempt = 0; attempt <= backoffs.length; attempt++) {
      const serviceExists = t > this.apiReadyAt;
      const exitedAt = this.nginxAttempt(attempt, t, serviceExists);
      if (exitedAt === null) break;
      const backoff = backoffs[attempt];
      this.kubeletBackoff(exitedAt, backoff);
      // Someone applies the api-backend Deployment during the longest back-off.
      if (attempt === 4) this.startApiPod(exitedAt + 44 * SEC);
      t = exitedAt + backoff * SEC + this.rng.around(600 * MS);
    }
    this.background();
    this.operatorChecksPods(97 * SEC, true);
    this.operatorChecksPods(322 * SEC, false);
    this.journaldWrites();
  }

  // ---------------------------------------------------------------- the web pod

  /** One start of the nginx container; returns when it exited, or null if it stays up. */
  private nginxAttempt(attempt: number, t: number, upstreamResolves: boolean): number | null {
    const rng = this.rng;
    const c = makeContainer(this.webPod, 'nginx', 'nginx:1.25', attempt, rng.hex(64));
    this.containers.push(c.name);
    const kw = this.kubeletPodWorker.at(t);
    kw.write(9, grpcFrame('/runtime.v1.RuntimeService/CreateContainer', c.name));
    const ctr = this.containerdTask.at(kw.t + 30 * US);
    ctr.read(12, grpcFrame('/runtime.v1.RuntimeService/CreateContainer', c.name));
    ctr.write(16, ttrpcFrame('containerd.task.v2.Task', 'Create', c.fullId));
    const shim = this.webShim.at(ctr.t + 30 * US);
    shim.epollWait(64, 10 * US, 1);
    shim.read(9, ttrpcFrame('containerd.task.v2.Task', 'Create', c.fullId));
    const bundle = `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${c.fullId}`;
    // The container's stdout/stderr: FIFOs the shim writes into the container and the CRI
    // plugin in containerd reads from, into the pod's log file (what `kubectl logs` shows).
    const fifo = `/run/containerd/io.containerd.grpc.v1.cri/containers/${c.fullId}/io/${rng.int(100000000, 999999999)}/${c.fullId}-stderr`;
    const podLog = `/var/log/pods/${this.webPod.namespace}_${this.webPod.name}_${this.webPod.uid}/nginx/${attempt}.log`;
    const ctrFifo = ctr.openat(fifo, O.RDONLY | O.NONBLOCK | O.CLOEXEC);
    const ctrLog = ctr.openat(podLog, O.WRONLY | O.CREAT | O.APPEND | O.CLOEXEC, 0o640);
    shim.at(ctr.t + 20 * US);
    const shimFifo = shim.openat(fifo, O.WRONLY | O.NONBLOCK);

    const runc = shim.clone(this.allocPid(), CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID, { cpu: 0 });
    shim.close(shimFifo);
    runc.execve('/usr/bin/runc', {
      comm: 'runc', exe: 'runc', exepath: '/usr/bin/runc', vmsizeKb: 1_230_000, vmrssKb: 14000,
      args: ['--root', '/run/containerd/runc/k8s.io', '--log', `${bundle}/log.json`, '--log-format', 'json', 'create', '--bundle', bundle, '--pid-file', `${bundle}/init.pid`, c.fullId],
    });
    runc.slurp(`${bundle}/config.json`, `{"ociVersion":"1.0.2-dev","process":{"user":{"uid":0,"gid":0},"args":["/docker-entrypoint.sh","nginx","-g","daemon off;"],"cwd":"/"},"root":{"path":"rootfs"},"hostname":"${this.webPod.name}"}`);
    runc.stat(`/sys/fs/cgroup${this.webPod.cgroupParent}/${c.fullId}`, false);

    const nsFlags = CLONE.NEWNS | CLONE.NEWUTS | CLONE.NEWIPC | CLONE.NEWPID | CLONE.NEWCGROUP | CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID;
    const init = runc.clone(this.allocPid(), nsFlags, { vtid: 1, vpid: 1, cpu: rng.int(0, 3) });
    init.proc = { ...init.proc, comm: 'runc:[2:INIT]', vpgid: 1, sid: init.tid };
    init.dup(shimFifo, 1);
    init.dup(shimFifo, 2);
    init.close(shimFifo);
    init.idle(rng.around(3 * MS));
    Actor.containerEvent(this.timeline, init.t, containerJson(c, this.webPod, Math.floor(this.wallMs(t) / 1000), false));
    init.idle(rng.around(200 * US));
    init.execve('/usr/sbin/nginx', {
      comm: 'nginx', exe: 'nginx', exepath: '/usr/sbin/nginx', args: ['-g', 'daemon off;'], cwd: '/', cgroups: c.cgroups,
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', `HOSTNAME=${this.webPod.name}`, 'NGINX_VERSION=1.25.4',
        'API_BACKEND_SERVICE_HOST=', 'KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443'],
      vmsizeKb: 11200, vmrssKb: 3900,
    });
    runc.at(init.t - 150 * US).exit(0);
    shim.at(runc.t + 20 * US).signal(runc.tid, SIGCHLD);
    shim.write(9, ttrpcFrame('containerd.task.v2.Task', 'Create/reply', `pid=${init.tid}`));
    ctr.at(shim.t + 40 * US).read(16, ttrpcFrame('containerd.task.v2.Task', 'Create/reply', `pid=${init.tid}`));
    ctr.write(12, grpcReply(c.fullId));
    kw.at(ctr.t + 50 * US).read(9, grpcReply(c.fullId), 32768);
    this.kubeletLog(kw, 'I', 'kuberuntime_container.go:291', `"Created container" containerName="nginx" containerID="containerd://${c.fullId}" pod="default/${this.webPod.name}"`);
    this.kubeletLog(kw, 'I', 'kuberuntime_manager.go:1076', `"Started container" containerName="nginx" pod="default/${this.webPod.name}" attempt=${attempt}`);

    const nginx = init;
    nginx.generic('getpid');
    this.loadLibraries(nginx, ['libcrypt.so.1', 'libpcre2-8.so.0', 'libssl.so.3', 'libcrypto.so.3', 'libz.so.1', 'libc.so.6']);
    nginx.brk(0x5581a000 + attempt * 0x1000);
    const log = nginx.openat('/var/log/nginx/error.log', O.WRONLY | O.CREAT | O.APPEND | O.CLOEXEC, 0o644);
    nginx.slurp('/etc/nginx/nginx.conf', nginxConf);
    nginx.slurp('/etc/nginx/mime.types', mimeTypes);
    const dir = nginx.openat('/etc/nginx/conf.d/', O.RDONLY | O.DIRECTORY | O.CLOEXEC);
    nginx.getdents64(dir, 96);
    nginx.getdents64(dir, 0);
    nginx.close(dir);
    nginx.slurp('/etc/nginx/conf.d/default.conf', defaultConf);

    // getaddrinfo("api-backend") while parsing `server api-backend:8080;` of the upstream block.
    nginx.slurp('/etc/nsswitch.conf', nsswitchConf);
    nginx.slurp('/etc/host.conf', hostConf);
    nginx.slurp('/etc/resolv.conf', resolvConf);
    nginx.slurp('/etc/hosts', etcHosts);
    const dns = nginx.socket('inet-dgram');
    const port = rng.int(32768, 60999);
    nginx.connect(dns, WEB_POD_IP, port, CLUSTER_DNS_IP, 53);
    const candidates = ['api-backend.default.svc.cluster.local', 'api-backend.svc.cluster.local', 'api-backend.cluster.local', 'api-backend'];
    let resolved = false;
    for (const name of candidates) {
      const found = upstreamResolves && name === candidates[0];
      for (const qtype of [DnsType.A, DnsType.AAAA]) {
        const id = rng.int(1, 0xffff);
        nginx.sendto(dns, dnsQuery(id, name, qtype), WEB_POD_IP, port, CLUSTER_DNS_IP, 53);
        nginx.poll([dns], 5000, rng.around(900 * US), [dns]);
        const zone = name.endsWith('cluster.local') ? 'cluster.local' : '.';
        const answer = found && qtype === DnsType.A ? dnsAnswerA(id, name, API_SERVICE_IP, 30) : dnsNoAnswer(id, name, qtype, zone, found);
        nginx.recvfrom(dns, answer, CLUSTER_DNS_IP, 53, WEB_POD_IP, port);
      }
      if (found) { resolved = true; break; }
    }
    nginx.close(dns);

    if (!resolved) {
      const msg = `${nginxTime(this.wallMs(nginx.t))} [emerg] 1#1: host not found in upstream "api-backend:8080" in /etc/nginx/nginx.conf:${NGINX_CONF_LINE_OF_UPSTREAM_SERVER}\n`;
      nginx.write(log, msg);
      const stderrLine = `nginx: [emerg] host not found in upstream "api-backend:8080" in /etc/nginx/nginx.conf:${NGINX_CONF_LINE_OF_UPSTREAM_SERVER}\n`;
      nginx.write(2, stderrLine);
      nginx.exit(1);
      const exitedAt = nginx.t;
      ctr.at(nginx.t - 10 * US).epollWait(256, 5 * US, 1);
      ctr.read(ctrFifo, stderrLine, 32768);
      ctr.write(ctrLog, `${this.criTime(ctr.t)} stderr F ${stderrLine}`);
      ctr.readAgain(ctrFifo, 32768);
      ctr.close(ctrFifo);
      ctr.close(ctrLog);
      shim.at(exitedAt + 30 * US).signal(nginx.tid, SIGCHLD);
      shim.write(9, ttrpcFrame('containerd.events.TaskExit', 'publish', `${c.fullId} pid=${nginx.tid} exit_status=1`));
      ctr.at(shim.t + 50 * US).read(16, ttrpcFrame('containerd.events.TaskExit', 'publish', `${c.fullId} pid=${nginx.tid} exit_status=1`));
      ctr.write(12, grpcFrame('/runtime.v1.RuntimeService/GetContainerEvents', `CONTAINER_STOPPED_EVENT ${c.fullId}`));
      return ctr.t;
    }

    // The Service exists now: nginx starts for good.
    for (const line of ['using the "epoll" event method', 'nginx/1.25.4', 'built by gcc 12.2.0 (Debian 12.2.0-14)', 'OS: Linux 6.1.0-18-amd64',
      'getrlimit(RLIMIT_NOFILE): 1048576:1048576', 'start worker processes']) {
      nginx.write(log, `${nginxTime(this.wallMs(nginx.t))} [notice] 1#1: ${line}\n`);
    }
    const listen = nginx.socket('inet-stream');
    nginx.bind(listen, [0, 0, 0, 0], 80);
    nginx.listen(listen, 511);
    for (let w = 0; w < 2; w++) {
      const worker = nginx.clone(this.allocPid(), CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID, { vtid: 29 + w, vpid: 29 + w, cpu: w + 1 });
      worker.proc = { ...worker.proc, uid: 101, gid: 101 };
      nginx.write(log, `${nginxTime(this.wallMs(nginx.t))} [notice] 1#1: start worker process ${29 + w}\n`);
      while (worker.t < END - 50 * MS) worker.epollWait(512, rng.around(2 * SEC), 0);
    }
    while (nginx.t < END - 100 * MS) nginx.epollWait(1, rng.around(8 * SEC), 0);
    return null;
  }

  /** ld.so mapping the shared libraries of a freshly exec'd program. */
  private loadLibraries(a: Actor, libs: readonly string[]): void {
    a.openat('/etc/ld.so.preload', O.RDONLY | O.CLOEXEC, 0, -2); // ENOENT, as on nearly every system
    const cache = a.openat('/etc/ld.so.cache', O.RDONLY | O.CLOEXEC);
    a.fstat(cache);
    a.mmap(16_384, 1, 2, cache, 0x7f3a_1c00_0000);
    a.close(cache);
    let addr = 0x7f3a_1b00_0000;
    for (const lib of libs) {
      const fd = a.openat(`/lib/x86_64-linux-gnu/${lib}`, O.RDONLY | O.CLOEXEC);
      a.read(fd, elfHeader(), 832);
      a.fstat(fd);
      a.mmap(200_000 + this.rng.int(0, 900_000), 1, 0x802, fd, addr);
      a.mmap(80_000, 5, 0x812, fd, addr + 0x4000);
      a.close(fd);
      addr -= 0x20_0000;
    }
  }

  /** The kubelet notices the exit and schedules the restart with the back-off doubled. */
  private kubeletBackoff(t: number, backoffSec: number): void {
    const kw = this.kubeletPodWorker.at(t + this.rng.around(400 * US));
    kw.read(9, grpcFrame('/runtime.v1.RuntimeService/GetContainerEvents', 'CONTAINER_STOPPED_EVENT'), 32768);
    const pod = `default/${this.webPod.name}`;
    this.kubeletLog(kw, 'I', 'kubelet.go:2453', `"SyncLoop (PLEG): event for pod" pod="${pod}" event={"ID":"${this.webPod.uid}","Type":"ContainerDied"}`);
    kw.idle(this.rng.around(30 * MS));
    this.kubeletLog(kw, 'E', 'pod_workers.go:1300', `"Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"nginx\\" with CrashLoopBackOff: \\"back-off ${backoffSec}s restarting failed container=nginx pod=${this.webPod.name}_default(${this.webPod.uid})\\"" pod="${pod}" podUID="${this.webPod.uid}"`);
    kw.write(11, tlsRecord(this.rng, 420)); // PATCH pod status: restartCount, CrashLoopBackOff
    kw.read(11, tlsRecord(this.rng, 180), 32768, 3 * MS);
  }

  // ---------------------------------------------------------------- the api-backend pod

  private startApiPod(t: number): void {
    const rng = this.rng;
    const sandbox = makeContainer(this.apiPod, 'POD', 'registry.k8s.io/pause:3.9', 0, this.apiPod.sandboxId);
    const app = makeContainer(this.apiPod, 'api', 'shop/api-backend:1.4.2', 0, rng.hex(64));
    this.containers.push(sandbox.name, app.name);
    const kw = this.kubeletPodWorker.at(t);
    this.kubeletLog(kw, 'I', 'kubelet.go:2397', `"SyncLoop ADD" source="api" pods=["default/${this.apiPod.name}"]`);
    kw.write(9, grpcFrame('/runtime.v1.RuntimeService/RunPodSandbox', this.apiPod.name));

    // containerd starts a shim for the new pod; the shim starts the pause container.
    const ctr = this.containerdTask.at(kw.t + 200 * US);
    const shim = ctr.clone(this.allocPid(), CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID, { cpu: 2, fds: [0, 1, 2] });
    shim.execve('/usr/bin/containerd-shim-runc-v2', {
      comm: 'containerd-shim', exe: '/usr/bin/containerd-shim-runc-v2', exepath: '/usr/bin/containerd-shim-runc-v2', vpid: shim.tid, ptid: 1,
      args: ['-namespace', 'k8s.io', '-id', this.apiPod.sandboxId, '-address', '/run/containerd/containerd.sock'], vmsizeKb: 722_000, vmrssKb: 11800,
    });
    this.apiShim = shim;
    // pause() then blocks, silently, for the rest of the capture.
    this.containerStart(shim, sandbox, '/pause', { comm: 'pause', exe: '/pause', exepath: '/pause', args: [], uid: 65535, gid: 65535, vmsizeKb: 1020, vmrssKb: 420 }, shim.t + 2 * MS, true);

    // The application container: python running the Flask app on :8080.
    const py = this.containerStart(shim, app, '/usr/local/bin/python', {
      comm: 'python', exe: 'python', exepath: '/usr/local/bin/python3.12', args: ['-m', 'flask', '--app', 'app', 'run', '--host=0.0.0.0', '--port=8080'],
      cwd: '/app/', vmsizeKb: 48200, vmrssKb: 31400, env: ['PATH=/usr/local/bin:/usr/bin:/bin', `HOSTNAME=${this.apiPod.name}`, 'PYTHONUNBUFFERED=1', 'FLASK_ENV=production'],
    }, shim.t + 1400 * MS, false);
    this.loadLibraries(py, ['libm.so.6', 'libz.so.1', 'libexpat.so.1', 'libc.so.6']);
    for (const mod of ['encodings/__init__.py', 'codecs.py', 'io.py', 'abc.py', 'site.py', 'os.py', 'stat.py', 'posixpath.py', 'genericpath.py', '_collections_abc.py']) {
      py.stat(`/usr/local/lib/python3.12/${mod}`);
    }
    for (const mod of ['flask/__init__.py', 'flask/app.py', 'werkzeug/__init__.py', 'werkzeug/serving.py', 'jinja2/__init__.py', 'click/__init__.py', 'itsdangerous/__init__.py']) {
      py.stat(`/usr/local/lib/python3.12/site-packages/${mod}`);
      const fd = py.openat(`/usr/local/lib/python3.12/site-packages/__pycache__/${mod.replace(/\//g, '.')}.cpython-312.pyc`, O.RDONLY | O.CLOEXEC);
      py.fstat(fd);
      py.read(fd, pycHeader(), 65536);
      py.close(fd);
    }
    py.stat('/usr/local/lib/python312.zip', false);
    py.stat('/app/app.py');
    py.slurp('/app/app.py', flaskApp);
    const srv = py.socket('inet-stream');
    py.bind(srv, [0, 0, 0, 0], 8080);
    py.listen(srv, 128);
    py.write(2, ' * Serving Flask app \'app\'\n * Debug mode: off\n');
    py.write(2, `WARNING: This is a development server. Do not use it in a production deployment.\n * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:8080\n * Running on http://${API_POD_IP.join('.')}:8080\n`);
    this.apiReadyAt = py.t + 1 * SEC;

    // Readiness probes from the kubelet every 10 s: GET /healthz on the pod IP.
    const prober = this.kubeletProber;
    let probeT = py.t + 2 * SEC;
    while (probeT < END - SEC) {
      prober.at(probeT);
      const sock = prober.socket('inet-stream');
      const cport = rng.int(40000, 60000);
      prober.connect(sock, [10, 244, 1, 1], cport, API_POD_IP, 8080);
      const req = `GET /healthz HTTP/1.1\r\nHost: ${API_POD_IP.join('.')}:8080\r\nUser-Agent: kube-probe/1.29\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
      prober.write(sock, req);
      py.at(prober.t + 40 * US);
      py.poll([srv], 500, 10 * US, [srv]);
      py.generic('clock_gettime');
      const conn = py.accept([10, 244, 1, 1], cport, API_POD_IP, 8080);
      py.recvfrom(conn, req, [10, 244, 1, 1], cport, API_POD_IP, 8080, 65536);
      const body = 'ok';
      const resp = `HTTP/1.1 200 OK\r\nServer: Werkzeug/3.0.1 Python/3.12.2\r\nDate: ${new Date(this.wallMs(py.t)).toUTCString()}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      py.sendto(conn, resp, API_POD_IP, 8080, [10, 244, 1, 1], cport);
      py.write(2, `10.244.1.1 - - [${new Date(this.wallMs(py.t)).toUTCString().slice(5, 25)}] "GET /healthz HTTP/1.1" 200 -\n`);
      py.close(conn);
      prober.at(py.t + 30 * US).read(sock, resp, 4096);
      prober.close(sock);
      probeT += 10 * SEC + rng.around(20 * MS);
    }
  }

  /** shim → runc → runc init → execve of the container's entry point, with its metadata event. */
  private containerStart(shim: Actor, c: Container, entry: string, image: Partial<ProcessInfo> & Pick<ProcessInfo, 'comm' | 'exe' | 'exepath' | 'args'>, t: number, sandbox: boolean): Actor {
    const rng = this.rng;
    shim.at(t);
    const bundle = `/run/containerd/io.containerd.runtime.v2.task/k8s.io/${c.fullId}`;
    const runc = shim.clone(this.allocPid(), CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID, { cpu: rng.int(0, 3) });
    runc.execve('/usr/bin/runc', { comm: 'runc', exe: 'runc', exepath: '/usr/bin/runc', args: ['--root', '/run/containerd/runc/k8s.io', 'create', '--bundle', bundle, c.fullId] });
    runc.slurp(`${bundle}/config.json`, `{"ociVersion":"1.0.2-dev","process":{"args":["${entry}"]},"root":{"path":"rootfs"}}`);
    const init = runc.clone(this.allocPid(), CLONE.NEWNS | CLONE.NEWUTS | CLONE.NEWIPC | CLONE.NEWPID | CLONE.NEWCGROUP | CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID,
      { vtid: 1, vpid: 1, cpu: rng.int(0, 3), fds: [0, 1, 2] });
    init.proc = { ...init.proc, comm: 'runc:[2:INIT]', vpgid: 1, sid: init.tid };
    init.idle(rng.around(3 * MS));
    Actor.containerEvent(this.timeline, init.t, containerJson(c, this.apiPod, Math.floor(this.wallMs(t) / 1000), sandbox));
    init.idle(rng.around(200 * US));
    init.execve(entry, { cgroups: c.cgroups, cwd: '/', ...image });
    runc.at(init.t - 150 * US).exit(0);
    shim.at(runc.t + 20 * US).signal(runc.tid, SIGCHLD);
    return init;
  }

  // ---------------------------------------------------------------- the operator

  /** The operator types `kubectl get pods` in the ssh session and reads the answer. */
  private operatorChecksPods(t: number, crashing: boolean): void {
    const rng = this.rng;
    const bash = this.bash.at(t);
    const sshd = this.sshdSession.at(t - 200 * US);
    const cmd = 'kubectl get pods\r';
    for (const ch of cmd) {
      sshd.poll([4, 9], -1, rng.around(180 * MS), [4]);
      sshd.read(4, tlsRecord(rng, 36), 16384);
      sshd.write(9, ch);
      bash.at(sshd.t + 20 * US).read(0, ch === '\r' ? '\n' : ch, 1);
      if (ch !== '\r') bash.write(2, ch);
      sshd.at(bash.t + 15 * US).read(9, ch === '\r' ? '\r\n' : ch, 16384);
      sshd.write(4, tlsRecord(rng, 36));
    }
    const kubectl = bash.clone(this.allocPid(), CLONE.CHILD_CLEARTID | CLONE.CHILD_SETTID, { cpu: 1 });
    kubectl.proc = { ...kubectl.proc, vpgid: kubectl.tid };
    kubectl.execve('/usr/local/bin/kubectl', { comm: 'kubectl', exe: 'kubectl', exepath: '/usr/local/bin/kubectl', args: ['get', 'pods'], vmsizeKb: 760_000, vmrssKb: 52000 });
    kubectl.slurp('/home/ops/.kube/config', 'apiVersion: v1\nclusters:\n- cluster:\n    server: https://10.0.0.2:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    namespace: default\n    user: ops\n  name: prod\ncurrent-context: prod\nkind: Config\n');
    kubectl.stat('/home/ops/.kube/cache/discovery/10.0.0.2_6443/servergroups.json');
    const sock = kubectl.socket('inet-stream');
    const cport = rng.int(40000, 60000);
    kubectl.connect(sock, NODE_IP, cport, API_SERVER_IP, 6443);
    kubectl.write(sock, tlsRecord(rng, 517));
    kubectl.read(sock, tlsRecord(rng, 1400), 32768, 4 * MS);
    kubectl.write(sock, tlsRecord(rng, 230));
    kubectl.read(sock, tlsRecord(rng, 2900), 32768, 18 * MS);
    const age = (s: number) => (s < 120 ? `${Math.round(s)}s` : `${Math.floor(s / 60)}m${Math.round(s % 60)}s`);
    const now = kubectl.t / SEC;
    const out = crashing
      ? `NAME                  READY   STATUS             RESTARTS      AGE\nweb-7d9c8b6f5-x2k4q   0/1     CrashLoopBackOff   3 (24s ago)   ${age(now + 265)}\n`
      : `NAME                           READY   STATUS    RESTARTS       AGE\napi-backend-5f6d8c9b7-q8wzl    1/1     Running   0              ${age(now - 150)}\nweb-7d9c8b6f5-x2k4q            1/1     Running   5 (7s ago)     ${age(now + 265)}\n`;
    kubectl.write(1, out);
    kubectl.close(sock);
    kubectl.exit(0);
    bash.at(kubectl.t + 40 * US).signal(kubectl.tid, SIGCHLD);
    bash.write(1, '\x1b]0;ops@node-2: ~\x07ops@node-2:~$ ');
  }

  // ---------------------------------------------------------------- the rest of the node

  private background(): void {
    const rng = this.rng;
    // kubelet main loop: housekeeping every second, cgroup stats and node status every 10 s.
    const k = this.kubelet;
    for (let i = 0; k.t < END - SEC; i++) {
      k.epollWait(128, rng.around(SEC), i % 3 === 0 ? 1 : 0);
      k.generic('clock_gettime');
      k.futexWake(0xc000_0a4_148 + (i % 4) * 8, 1);
      if (i % 5 === 0) k.generic('sched_yield');
      if (i % 10 === 4) {
        for (const pod of [this.webPod, ...(k.t > this.apiReadyAt - 2 * SEC ? [this.apiPod] : [])]) {
          for (const file of ['cpu.stat', 'memory.current', 'memory.stat', 'io.stat']) {
            const fd = k.openat(`/sys/fs/cgroup${pod.cgroupParent}/${file}`, O.RDONLY | O.CLOEXEC);
            k.read(fd, file === 'cpu.stat' ? `usage_usec ${rng.int(1e6, 9e6)}\nuser_usec ${rng.int(5e5, 4e6)}\nsystem_usec ${rng.int(1e5, 2e6)}\n` : `${rng.int(1e6, 9e7)}\n`, 4096);
            k.close(fd);
          }
          k.stat(`/var/lib/kubelet/pods/${pod.uid}/volumes`);
          k.stat(`/var/lib/kubelet/pods/${pod.uid}/volumes/kubernetes.io~csi`, false);
        }
        k.write(11, tlsRecord(rng, 610)); // node status heartbeat
        k.read(11, tlsRecord(rng, 240), 32768, 4 * MS);
      }
    }
    // A kubelet timer thread and containerd's event loop: futex and epoll wake-ups all along.
    const kt = this.kubeletTimer;
    while (kt.t < END - SEC) { kt.futexWait(0xc000_0a4_1d0, rng.around(1200 * MS), true); kt.nanosleep(rng.around(100 * MS)); }
    const c = this.containerd;
    while (c.t < END - SEC) {
      c.epollWait(256, rng.around(400 * MS), rng.chance(0.3) ? 1 : 0);
      c.generic('clock_gettime');
      c.futexWake(0xc000_1b0_a28, rng.int(0, 1));
      if (rng.chance(0.2)) c.futexWait(0xc000_1b0_a30, rng.around(2 * MS));
    }
    // The sshd listener and systemd mostly sleep.
    const sd = this.systemd;
    while (sd.t < END - SEC) {
      sd.epollWait(64, rng.around(20 * SEC), 1);
      sd.read(7, new Uint8Array(128), 128);
      const fd = sd.openat('/proc/self/mountinfo', O.RDONLY | O.CLOEXEC);
      sd.read(fd, '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw\n', 4096);
      sd.close(fd);
    }
    // cron wakes at the top of every minute and checks its tables.
    const cr = this.cron;
    const startSecOfMinute = Number((SAMPLE_START_NS / 1_000_000_000n) % 60n);
    for (let m = (60 - startSecOfMinute) * SEC; m < END; m += 60 * SEC) {
      cr.at(m).stat('/etc/crontab');
      cr.stat('/etc/cron.d');
      cr.stat('/var/spool/cron/crontabs');
      cr.stat('/etc/cron.d/e2scrub_all');
      if (m + 60 * SEC < END) cr.nanosleep(Math.round(60 * SEC - (cr.t - m)));
    }
  }

  /** journald reads every log line from its stream socket and appends it to the journal. */
  private journaldWrites(): void {
    const j = this.journald;
    this.journalLines.sort((a, b) => a.t - b.t);
    for (const line of this.journalLines) {
      j.at(line.t + this.rng.around(60 * US));
      j.epollWait(64, 5 * US, 1);
      j.read(line.stream, line.text, 2048);
      j.write(14, `MESSAGE=${line.text}`);
    }
  }
}

// ---------------------------------------------------------------- payload helpers

function grpcFrame(method: string, detail: string): string {
  return `\x00\x00\x40\x01\x04\x00\x00\x00\x0b:method POST :path ${method} content-type application/grpc te trailers \x00\x00\x00\x00\x30\n$${detail}`;
}
function grpcReply(id: string): string {
  return `\x00\x00\x20\x01\x04\x00\x00\x00\x0b:status 200 content-type application/grpc \x00\x00\x00\x00\x42\n@${id}`;
}
function ttrpcFrame(service: string, method: string, detail: string): string {
  return `\x00\x00\x00\x80\x00\x00\x00\x0b\x01\x00\n${service}\x12${method}\x1a${detail}`;
}
function tlsRecord(rng: Random, n: number): Uint8Array {
  const b = new Uint8Array(n);
  b[0] = 0x17; b[1] = 3; b[2] = 3; b[3] = (n - 5) >> 8; b[4] = (n - 5) & 0xff;
  for (let i = 5; i < n; i++) b[i] = rng.int(0, 255);
  return b;
}
function elfHeader(): Uint8Array {
  const b = new Uint8Array(832);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  b[16] = 3; b[18] = 0x3e; b[20] = 1;
  return b;
}
function pycHeader(): Uint8Array {
  const b = new Uint8Array(1024);
  b.set([0xcb, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0, 0x3a, 0x9c, 0xf0, 0x65, 0x2c, 0x11, 0, 0, 0xe3]);
  return b;
}
