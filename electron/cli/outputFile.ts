/**
 * The one line for an output path (-o) that cannot be written, checked before any work so
 * no command fails late with the file system's own words (EISDIR, a rename's two paths).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../engine/evidence/commandLine';

/** Refuses an output path that is a directory or lies in a folder that does not exist (exit 2: the option's value). */
export function requireWritableOutput(path: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`${path}: cannot write (is a directory)`);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new UsageError(`${path}: cannot write (the folder ${folder} does not exist)`);
}
