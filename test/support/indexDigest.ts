/**
 * Index digests: builds the index of every real capture (and of any capture named on the command
 * line) into a fresh cache and prints one hash per cache file, sorted. A change meant to make
 * the build faster without changing what it records must leave this output unchanged: run it
 * before and after, and compare.
 *
 *   node --import tsx test/support/indexDigest.ts [EXTRA_CAPTURE ...] > digests.txt
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { IndexCache } from '../../electron/engine/index/cache';
import { captureFiles } from './reference';

const dir = mkdtempSync(join(tmpdir(), 'syscope-digest-'));
try {
  const cache = new IndexCache(dir, Number.MAX_SAFE_INTEGER);
  const lines: string[] = [];
  for (const file of [...captureFiles(), ...process.argv.slice(2)]) {
    const before = new Set(readdirSync(dir));
    try {
      await CaptureSession.open(file, { resolver: engineResolver(), cache, rebuild: true });
    } catch (err) {
      lines.push(`FAILED ${basename(file)}: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    for (const name of readdirSync(dir).filter((n) => !before.has(n)).sort()) {
      lines.push(`${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex').slice(0, 16)} ${basename(file)} ${name.replace(/^[0-9a-f]+/, '')}`);
    }
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
