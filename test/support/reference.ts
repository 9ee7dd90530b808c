/**
 * What reference tests need from the outside world: the real captures in ../shared/captures
 * and Debian's sysdig 0.29.3 as the oracle. Where either is absent the tests skip with one
 * clear line, except under SYSCOPE_REQUIRE_REFERENCE=1 (CI), where absence is a failure.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const capturesDir = process.env.SYSCOPE_CAPTURES ?? resolve(projectRoot, '..', 'shared', 'captures');
const required = process.env.SYSCOPE_REQUIRE_REFERENCE === '1';

export function hasSysdig(): boolean {
  return spawnSync('sysdig', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Every real capture, by file name (sorted). */
export function captureFiles(): string[] {
  if (!existsSync(capturesDir)) return [];
  return readdirSync(capturesDir).filter((f) => f.endsWith('.scap')).sort().map((f) => join(capturesDir, f));
}

/** Captures that sysdig 0.29.3 cannot open (MANIFEST.md): checked by other means. */
export const sysdigCannotOpen = new Set(['libs_curl_google_comments.scap', 'xxradar_docker-curl-https.scap']);

/**
 * Returns a skip reason (string) when the reference environment is missing, or false when
 * the tests can run. Throws under SYSCOPE_REQUIRE_REFERENCE=1 so CI cannot silently skip.
 */
export function referenceSkip(needSysdig = true): string | false {
  const problems: string[] = [];
  if (captureFiles().length === 0) problems.push(`no captures in ${capturesDir}`);
  if (needSysdig && !hasSysdig()) problems.push('sysdig is not installed (apt-get install -y --no-install-recommends sysdig)');
  if (problems.length === 0) return false;
  const why = `reference environment missing: ${problems.join('; ')}`;
  if (required) throw new Error(why);
  console.log(`# skipping: ${why}`);
  return why;
}

/** Runs sysdig with TZ=UTC; returns stdout (throws with stderr's first line on failure). */
export function sysdig(args: string[], opts: { allowFail?: boolean } = {}): string {
  const r = spawnSync('sysdig', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 30 });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`sysdig ${args.join(' ')}: ${(r.stderr || '').split('\n')[0]}`);
  return r.stdout;
}
