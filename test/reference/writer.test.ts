/**
 * The capture writer against the oracle: every file Syscope writes must open in sysdig 0.29.3
 * and show what the original shows.
 *   - Subsets: for every real capture, the middle third of its time span, written plain or
 *     gzip, printed by sysdig with a wide -p format, equals the original's lines in that window.
 *   - The bundled sample: sysdig tells the CrashLoopBackOff story from it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { writeSubset } from '../../electron/engine/writer/subsetWriter';
import { selectEvents } from '../../electron/engine/writer/selectEvents';
import { writeCrashLoopSample } from '../../electron/engine/sample/crashloop';

const skip = referenceSkip();
const work = mkdtempSync(join(tmpdir(), 'syscope-writer-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const FORMAT = '*%evt.rawtime %evt.type %evt.dir %proc.name %thread.tid %proc.pid %proc.ppid %proc.exe %fd.name %fd.type %container.name %container.image %user.name %evt.args';

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

test('subsets of every real capture show in sysdig exactly the original lines of their window', { skip }, async () => {
  const report: string[] = [];
  let compared = 0;
  for (const [i, file] of captureFiles().entries()) {
    const name = basename(file);
    if (sysdigCannotOpen.has(name)) continue;
    const original = lines(sysdig(['-r', file, '-p', FORMAT]));
    if (original.length === 0) continue;
    const times = original.map((l) => BigInt(l.slice(0, l.indexOf(' '))));
    let first = times[0], last = times[0];
    for (const t of times) { if (t < first) first = t; if (t > last) last = t; }
    let from = first + (last - first) / 3n;
    let to = first + (2n * (last - first)) / 3n;
    let expected = original.filter((_, k) => times[k] >= from && times[k] <= to);
    if (expected.length < 2) {
      // Too little in the middle third (a burst at one instant): take the whole span.
      [from, to] = [first, last];
      expected = original;
    }
    const gzip = i % 2 === 1;
    const out = join(work, `${name}.subset${gzip ? '.gz' : ''}.scap`);
    await writeSubset(file, out, { fromNs: from, toNs: to, gzip });
    if (gzip) assert.deepEqual([...readFileSync(out).subarray(0, 2)], [0x1f, 0x8b], `${name}: gzip output`);
    // A window holding nothing but container metadata: sysdig consumes a leading one as
    // initial state and refuses a file with no other event, in the original's window too.
    if (expected.every((l) => l.includes(' container '))) continue;
    const got = lines(sysdig(['-r', out, '-p', FORMAT]));
    // A window opening on a container metadata event: sysdig takes a leading one as initial state.
    const comparable = got.length === expected.length - 1 && expected[0].includes(' container ') ? expected.slice(1) : expected;
    assert.deepEqual(got, comparable, `${name}: subset ${from}..${to} differs from the original`);
    report.push(`${name}: ${got.length} lines`);
    compared++;
  }
  assert.ok(compared >= 25, `only ${compared} captures compared`);
  console.log(`${compared} subsets identical to their originals (${report.join(', ')})`);
});

test('captures sysdig 0.29.3 cannot open become readable once rewritten', { skip }, async () => {
  const byName = (n: string) => captureFiles().find((f) => basename(f) === n);
  // pcapng options in the section header: the rewrite starts with a plain one.
  const comments = byName('libs_curl_google_comments.scap');
  const plainTwin = byName('libs_curl_google.scap');
  if (comments && plainTwin) {
    const out = join(work, 'comments.scap');
    await writeSubset(comments, out, {});
    assert.deepEqual(lines(sysdig(['-r', out, '-p', FORMAT])), lines(sysdig(['-r', plainTwin, '-p', FORMAT])));
  }
  // An fd type (pidfd) and generic-syscall ids newer than sysdig 0.29.3 knows.
  const newer = byName('xxradar_docker-curl-https.scap');
  if (newer) {
    const out = join(work, 'newer.scap');
    const s = await writeSubset(newer, out, {});
    assert.ok(s.fdsMadeUnsupported > 0 && s.sysdigIncompatible > 0);
    assert.equal(s.warnings.length, 2);
    const shown = lines(sysdig(['-r', out, '-p', '*%evt.num %evt.type %proc.name %fd.name']));
    assert.ok(shown.length > 2000, `${shown.length} events`);
    assert.ok(shown.some((l) => / connect curl /.test(l)));
  }
});

test('filtered subsets show in sysdig exactly the lines the filter shows in the original', { skip }, async () => {
  const cases: Array<[string, string]> = [
    ['bencerex_example5_nginx.scap', 'proc.name=nginx'],
    ['inspect_502Error.scap', 'fd.type=ipv4 and evt.dir=<'],
    ['falco_psp_run_as_user_0_container.scap', 'container.id!=host'],
    ['sysflow_alpine_alpine.scap', 'evt.type in (open,openat,execve,clone)'],
    ['bencer_capture.scap', 'evt.type=procexit or (proc.name=kubelet and evt.type=read)'],
  ];
  for (const [i, [name, filter]] of cases.entries()) {
    const file = captureFiles().find((f) => basename(f) === name);
    if (!file) continue;
    const out = join(work, `${name}.filtered.scap`);
    await writeSubset(file, out, { selection: await selectEvents(file, filter), gzip: i % 2 === 0 });
    const expected = lines(sysdig(['-r', file, '-p', FORMAT, filter]));
    assert.ok(expected.length > 0, `${name}: the filter selects nothing`);
    assert.deepEqual(lines(sysdig(['-r', out, '-p', FORMAT])), expected, `${name}: ${filter}`);
  }
});

test('the bundled sample tells the CrashLoopBackOff story in sysdig', { skip }, async (t) => {
  const plain = join(work, 'crashloop-nginx.scap');
  const gz = join(work, 'crashloop-nginx.gz.scap');
  const summary = await writeCrashLoopSample(plain);
  await writeCrashLoopSample(gz, { gzip: true });
  const all = lines(sysdig(['-r', plain, '-p', '*%evt.num %evt.rawtime %container.name %proc.name %evt.type %fd.name']));
  const p = (format: string, filter: string) => lines(sysdig(['-r', plain, '-p', format, filter]));
  // -A prints whole buffers (the default cuts them at 80 characters).
  const text = (filter: string) => sysdig(['-r', plain, '-A', '-p', '%evt.arg.data', filter]);

  await t.test('sysdig reads every event, plain and gzip alike', () => {
    // The container metadata event opening the stream is read as initial state, not listed.
    assert.equal(all.length, summary.events - 1);
    assert.deepEqual(lines(sysdig(['-r', gz, '-p', '*%evt.num %evt.rawtime %container.name %proc.name %evt.type %fd.name'])), all);
    const span = Number(BigInt(all.at(-1)!.split(' ')[1]) - BigInt(all[0].split(' ')[1])) / 1e9;
    assert.ok(span > 120 && span < 600, `time span ${span}s`);
    assert.ok(all.length > 3000 && all.length < 100000, `${all.length} events`);
  });

  await t.test('nginx runs in its own container, a new one for every restart', () => {
    const rows = p('%container.id %container.name %container.image', 'container.name contains nginx');
    const containers = new Set(rows);
    assert.ok(containers.size >= 5, `${containers.size} nginx containers`);
    for (const c of containers) assert.match(c, /^[0-9a-f]{12} k8s_nginx_web-7d9c[0-9a-z-]*_default_[0-9a-f-]+_\d nginx:1\.25$/);
    assert.ok(p('%proc.name', 'container.name contains nginx').includes('nginx'));
  });

  await t.test('nginx reads its upstream from nginx.conf and asks the resolver', () => {
    const conf = text('evt.type=read and evt.dir=< and fd.name=/etc/nginx/nginx.conf');
    assert.match(conf, /upstream/);
    assert.match(conf, /proxy_pass http:\/\/api-backend:8080/);
    const resolv = text('evt.type=read and evt.dir=< and fd.name=/etc/resolv.conf and proc.name=nginx');
    assert.match(resolv, /nameserver 10\.96\.0\.10/);
    assert.match(resolv, /search default\.svc\.cluster\.local/);
    const dns = p('%fd.rip %fd.rport %fd.l4proto %evt.buffer', 'evt.type=sendto and evt.dir=< and proc.name=nginx');
    assert.ok(dns.length >= 8, `${dns.length} DNS queries`);
    for (const q of dns) assert.match(q, /^10\.96\.0\.10 53 udp .*api-backend/);
  });

  await t.test('each failed start logs "host not found in upstream" and exits with status 1', () => {
    const writes = lines(text('evt.type=write and evt.dir=< and fd.name=/var/log/nginx/error.log'))
      .filter((l) => l.includes('[emerg] 1#1: host not found in upstream "api-backend:8080" in /etc/nginx/nginx.conf:14'));
    assert.equal(writes.length, 5);
    const podLog = lines(text('evt.type=write and evt.dir=< and proc.name=containerd and fd.name contains /var/log/pods/default_web-7d9c8b6f5-x2k4q'));
    assert.equal(podLog.filter((l) => / stderr F nginx: \[emerg\] host not found in upstream "api-backend:8080"/.test(l)).length, 5);
    const exits = p('%evt.arg.status %evt.arg.ret', 'evt.type=procexit and proc.name=nginx');
    assert.deepEqual(exits, Array(5).fill('256 1'));
  });

  await t.test('the kubelet restarts it with a doubling back-off', () => {
    const starts = p('%evt.rawtime', 'evt.type=execve and evt.dir=< and proc.name=nginx').map((l) => Number(BigInt(l) / 1_000_000n));
    assert.equal(starts.length, 6);
    const gaps = starts.slice(1).map((s, i) => (s - starts[i]) / 1000);
    assert.ok(gaps[0] > 9.5 && gaps[0] < 12, `first back-off ${gaps[0]}s`);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] > 1.8 * gaps[i - 1] && gaps[i] < 2.2 * gaps[i - 1] + 2, `back-offs ${gaps.join(', ')}`);
    assert.match(text('evt.type=write and evt.dir=< and proc.name=kubelet'), /CrashLoopBackOff: \\"back-off 40s restarting failed container=nginx/);
  });

  await t.test('the Flask backend comes up in its own container and listens on 8080', () => {
    const binds = p('%container.name %evt.args', 'evt.type=bind and evt.dir=< and proc.name=python');
    assert.equal(binds.length, 1);
    assert.match(binds[0], /^k8s_api_api-backend-\S+ res=0 addr=0\.0\.0\.0:8080/);
    assert.equal(p('%proc.name', 'evt.type=listen and evt.dir=> and proc.name=python').length, 1);
  });

  await t.test('a subset of the sample (one restart, nginx only) still resolves every field', async () => {
    const filter = 'container.name contains nginx';
    const starts = p('%evt.rawtime', 'evt.type=execve and evt.dir=< and proc.name=nginx').map((l) => BigInt(l));
    const from = starts[2] - 1_000_000_000n;
    const to = starts[3] - 1_000_000_000n;
    const out = join(work, 'crashloop-third-start.scap');
    await writeSubset(plain, out, { fromNs: from, toNs: to, selection: await selectEvents(plain, filter, from, to) });
    const expected = p(FORMAT, `${filter} and evt.rawtime >= ${from} and evt.rawtime <= ${to}`);
    assert.ok(expected.length > 100);
    assert.deepEqual(lines(sysdig(['-r', out, '-p', FORMAT])), expected);
  });

  await t.test('a real node hums around it', () => {
    const names = new Set(p('%proc.name', 'container.id=host'));
    for (const n of ['kubelet', 'containerd', 'containerd-shim', 'runc', 'systemd-journal', 'sshd', 'cron', 'systemd', 'kubectl']) assert.ok(names.has(n), `no ${n}`);
    const types = new Set(p('%evt.type', 'proc.name=kubelet or proc.name=containerd'));
    for (const ty of ['epoll_wait', 'futex', 'clock_gettime', 'openat', 'read', 'write', 'stat']) assert.ok(types.has(ty), `no ${ty}`);
  });
});
