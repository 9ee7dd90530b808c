/**
 * A capture that ends, cleanly, before its first event block: a section header, perhaps the
 * machine-info block and the initial process, fd and user tables, and not one event. Every
 * reading command would answer it with zeros and exit 0, as if the capture had been read and
 * nothing had happened; sysdig refuses it ("no events in file", exit 1). The file is what a
 * capture writer leaves when it dies before its first event, so the command line refuses it as
 * it refuses an empty file: one line, exit 1 (InputFileError). `info` still describes it and
 * says so on stderr; `serve` opens it, and the app says it holds no events.
 *
 * A capture whose blocks are cut off or mis-framed is not this case: it has its reader's warning
 * and exit 3 (captureDamage.ts). Reading stops at the first event block, so only the initial
 * tables are read.
 */
import { readCapture } from '../engine/capture/readCapture';
import { isEventBlock } from '../engine/capture/blockTypes';
import { InputFileError } from './inputFile';

export const HOLDS_NO_EVENTS = 'the capture holds no events: it ends before its first event block';

/** Why `path` has nothing to answer from (no event block, read cleanly to the end), else undefined. */
export async function emptyCaptureProblem(path: string): Promise<string | undefined> {
  const more = new AbortController();
  try {
    const summary = await readCapture(path, {
      onBlock: (type) => { if (isEventBlock(type)) more.abort(); },
    }, { signal: more.signal, layout: 'file', chunkBytes: 64 << 10 });
    if (more.signal.aborted || summary.blocks === 0 || summary.warnings.length > 0) return undefined;
    return HOLDS_NO_EVENTS;
  } catch {
    // Aborted: it holds more. Any other failure is the command's own to word, as it does today.
    return undefined;
  }
}

/** Refuses a capture that holds nothing but its section header, with the one line every command gives (exit 1). */
export async function requireCaptureHoldsEvents(path: string): Promise<void> {
  const problem = await emptyCaptureProblem(path);
  if (problem !== undefined) throw new InputFileError(`${path}: ${problem}`);
}
