/**
 * What identifies the engine code that is running, for state it froze and kept on disk (the
 * evidence checkpoints in the index cache): another build must not thaw it, since the same
 * bytes may mean other things to other code. Running from a bundle, the hash of the bundle;
 * running from source (tests, tsx), the hash of every source file of the engine and of shared/.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
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
    } else hash.update(readFileSync(here));
    memo = hash.digest('hex').slice(0, 32);
  } catch { /* unreadable code: nothing is kept */ }
  return memo ?? undefined;
}
