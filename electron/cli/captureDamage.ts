/**
 * What a reading command says when its capture stops being readable before its end (cut off,
 * or its block framing broken): the reader's own warning, once, as one line on stderr, and exit
 * status 3. The output on stdout is what the readable part gives, as without the damage.
 *
 * Why 3 and not 0: sysdig exits 1 on such a capture, and a script that only looks at the status
 * must learn that the figures cover part of the capture. Why not 1: 1 means nothing could be
 * read and nothing was printed; 3 means an answer was printed, for the events before the damage.
 *
 * The warning comes from wherever the answer came from: the cached index (it keeps the reader's
 * warnings) or the command's own pass; a command whose pass has no summary to hand
 * (the process tree, the events and streams lists) asks the cached index, else reads the
 * capture's blocks once more without state (readCapture with no visitor).
 */
import { readCapture } from '../engine/capture/readCapture';
import { fileIdentity, IndexCache } from '../engine/index/cache';
import { inUsersWords, whereReadingStops } from '../../shared/scap/readingStops';

/** The exit status of an answer that covers only the readable part of a damaged capture. */
export const DAMAGED_CAPTURE_STATUS = 3;

/**
 * Prints `syscope <command>: warning: <path>: <where reading stops>; the output covers only the
 * events before it` when the capture is damaged; returns the exit status (0, or 3 when damaged).
 */
export function reportDamage(command: string, path: string, warnings: readonly string[]): number {
  const stop = whereReadingStops(warnings);
  if (stop === undefined) return 0;
  console.error(`syscope ${command}: warning: ${path}: ${inUsersWords(stop)}; the output covers only the events before it`);
  return DAMAGED_CAPTURE_STATUS;
}

/**
 * The reader's warnings on `path`: those of a pass that read it to the end (`fromPass`), else
 * those its cached index records (from the index file's header, unless noCache), else from a
 * stateless read of its blocks.
 */
export async function readerWarnings(path: string, noCache = false, fromPass?: readonly string[]): Promise<readonly string[]> {
  if (fromPass) return fromPass;
  if (!noCache) {
    const cached = new IndexCache().cachedWarnings(fileIdentity(path));
    if (cached) return cached;
  }
  const summary = await readCapture(path, {}, { layout: 'file' });
  return summary.warnings;
}
