/**
 * What every command says about a file it was given to read, so the same problem reads the same
 * in `info`, `count`, `view` or `report`: `<path>: no such file`, `<path>: is a directory, not a
 * capture file`, `<path>: <what the reader found>`: the path once, as the user typed it, and
 * no errno names. The check runs before any reading, so the engine's own wording for these
 * cases (which differs by reader) is never what the user sees.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readCapture } from '../engine/capture/readCapture';

/** A file given to a command that cannot be read as what it should be (exit status 1). */
export class InputFileError extends Error {
  constructor(message: string) { super(message); this.name = 'InputFileError'; }
}

/** An operating-system failure on a file in words, without the errno name. */
export function fileErrorWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': case 'ENOTDIR': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOSPC': return 'no space left on the disk';
    case 'EROFS': return 'read-only file system';
    default: return (err instanceof Error ? err.message : String(err)).split('\n')[0];
  }
}

/** Why `path` cannot be read as a `kind` ('capture file', 'findings file'), or undefined when it can be opened. */
export function inputFileProblem(path: string, kind: string): string | undefined {
  let isFile: boolean;
  let isDirectory: boolean;
  try {
    const st = statSync(path);
    isFile = st.isFile();
    isDirectory = st.isDirectory();
  } catch (err) {
    return fileErrorWords(err);
  }
  if (isDirectory) return `is a directory, not a ${kind}`;
  if (!isFile) return `not a regular file, not a ${kind}`;
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    return fileErrorWords(err);
  }
  return undefined;
}

/** The capture the running command was given (one per run), for errorLine's wording. */
let namedCapture: string | undefined;

/** Refuses a capture path that is missing, a directory or unreadable, with the shared one line. */
export function requireCaptureFile(path: string): void {
  namedCapture = path;
  requireInputFile(path, 'capture file');
}

/**
 * Refuses, as requireCaptureFile does and then in the reader's words, a capture whose beginning
 * is not a capture's (empty, text, a gzip stream that is not one): for a command that does not
 * read the capture itself before it answers (serve hands it to the app). Only the first
 * section header is read.
 */
export async function requireCaptureOpens(path: string): Promise<void> {
  requireCaptureFile(path);
  const headerRead = new AbortController();
  try {
    await readCapture(path, { onSection: () => headerRead.abort() }, { signal: headerRead.signal, layout: 'file', chunkBytes: 64 << 10 });
  } catch (err) {
    if (headerRead.signal.aborted) return;
    throw new InputFileError(captureProblemLine(err instanceof Error ? err.message : String(err), path));
  }
}

export function requireInputFile(path: string, kind: string): void {
  const problem = inputFileProblem(path, kind);
  if (problem !== undefined) throw new InputFileError(`${path}: ${problem}`);
}

/**
 * A reader's failure on the capture as `<path>: <problem>`. The readers name the file by its
 * base name (`x.scap: empty file…`) or say `cannot open capture:`; the user typed a path, so
 * that path leads, once.
 */
export function captureProblemLine(message: string, path: string | undefined = namedCapture): string {
  const line = message.split('\n')[0];
  if (path === undefined) return line;
  for (const prefix of [`${path}: `, `${basename(path)}: `]) {
    if (line.startsWith(prefix)) return `${path}: ${line.slice(prefix.length).replace(/^cannot open capture: /, '')}`;
  }
  return line;
}
