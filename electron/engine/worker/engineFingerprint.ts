/**
 * What identifies the engine code that is running, for state it froze and kept on disk (the
 * evidence checkpoints in the index cache): another build must not thaw it, since the same
 * bytes may mean other things to other code. Running from a bundle, the fingerprint the build
 * wrote beside it for all its Node bundles (the command line and the index worker then thaw
 * what the other kept), or failing that the hash of the bundle itself; running from source
 * (tests, tsx), the hash of every source file of the engine and of shared/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let memo: string | null | undefined;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** A bundle's fingerprint: the one the build wrote beside it, or else the hash of the bundle. */
export function bundleFingerprint(bundle: string): string {
  const written = join(dirname(bundle), 'engine-fingerprint');
  if (existsSync(written)) {
    const fingerprint = readFileSync(written, 'utf8').trim();
    if (/^[0-9a-f]{32}$/.test(fingerprint)) return fingerprint;
  }
  return createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 32);
}

/** The running engine's fingerprint, or undefined where its code cannot be read. */
export function engineFingerprint(): string | undefined {
  if (memo !== undefined) return memo ?? undefined;
  memo = null;
  try {
    const here = typeof import.meta !== 'undefined' && import.meta.url?.startsWith('file:') ? fileURLToPath(import.meta.url) : undefined;
    if (!here) return undefined;
    const hash = createHash('sha256');
    if (here.endsWith('.ts')) {
      // electron/engine/worker/ -> the repository's root.
      const root = join(dirname(here), '..', '..', '..');
      for (const dir of ['electron/engine', 'shared']) {
        for (const f of sourceFiles(join(root, dir))) hash.update(f.slice(root.length)).update(readFileSync(f));
      }
    } else return (memo = bundleFingerprint(here));
    memo = hash.digest('hex').slice(0, 32);
  } catch { /* unreadable code: nothing is kept */ }
  return memo ?? undefined;
}
