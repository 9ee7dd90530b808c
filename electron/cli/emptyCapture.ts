/**
 * A capture that ends right after its section header: no machine-info block, no process list,
 * not one event. Every reading command would answer it with zeros and exit 0, as if the capture
 * had been read and nothing had happened; sysdig refuses it ("no events in file", exit 1). The
 * file is what a capture writer leaves when it dies before its first real block, so the command
 * line refuses it as it refuses an empty file: one line, exit 1 (InputFileError). `info` still
 * describes it and says so on stderr; `serve` opens it, and the app says it holds no events.
 *
 * A capture whose later blocks are cut off or mis-framed is not this case: it has its reader's
 * warning and exit 3 (captureDamage.ts). Only the first chunk of the file is read when it holds
 * more than its header.
 */
import { readCapture } from '../engine/capture/readCapture';
import { BlockType } from '../engine/capture/blockTypes';
import { InputFileError } from './inputFile';

export const HOLDS_NO_EVENTS = 'the capture holds no events: it ends after its section header, with no machine-info block';

/** Why `path` has nothing to answer from (only section headers, read cleanly to the end), else undefined. */
export async function emptyCaptureProblem(path: string): Promise<string | undefined> {
  const more = new AbortController();
  try {
    const summary = await readCapture(path, {
      onBlock: (type) => { if (type !== BlockType.SECTION_HEADER) more.abort(); },
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
