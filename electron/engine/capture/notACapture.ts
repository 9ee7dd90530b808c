/**
 * What is wrong with a file that does not begin as a capture, in the same words wherever it is
 * read: by the reader (readCapture.ts) or by the subset writer's block walk (writer/blockStream.ts).
 */
import { CaptureError } from './types';

export function emptyFile(name: string): CaptureError {
  return new CaptureError(`${name}: empty file, not a scap capture`, 0);
}

/** `head`: the file's first bytes (at least 4 when there are). */
export function notACapture(name: string, head: Uint8Array, at = 0): CaptureError {
  const bytes = [...head.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  return new CaptureError(`${name}: not a scap capture (starts with bytes ${bytes}, expected a section header 0a 0d 0d 0a)`, at);
}

export function endsInSectionHeader(name: string, bytes: number): CaptureError {
  return new CaptureError(`${name}: file ends inside its section header (${bytes} bytes); not a complete capture`, 0);
}
