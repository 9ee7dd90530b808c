/**
 * Which of a capture's warnings says where it stops being readable: cut off inside a block, a
 * block whose length cannot be trusted, a gzip stream that breaks, an unreadable later section.
 * Such a warning means every figure covers only the part before it, so the command line prints
 * it and exits 3 (electron/cli/captureDamage.ts) and the app lists it first. The wordings are the
 * reader's (electron/engine/capture/readCapture.ts, and index/cache.ts for a gzip capture's
 * decompressed copy); both sides match them here, so a new wording is added once.
 */

/** Most telling first: a broken gzip stream also makes its decompressed copy look cut off. */
const STOPS_READING: readonly RegExp[] = [
  /^the gzip stream ends early or is damaged after /,
  /^compressed data ends early or is damaged after /,
  /^capture is cut off at byte \d+/,
  /; the rest of the capture (cannot be located and )?was not read$/,
  /; reading stopped there$/,
];

/** Whether `warning` says the capture stops being readable there. */
export function saysReadingStops(warning: string): boolean {
  return STOPS_READING.some((re) => re.test(warning));
}

/** The warning among `warnings` that says where the capture stops being readable, if any. */
export function whereReadingStops(warnings: readonly string[]): string | undefined {
  for (const re of STOPS_READING) {
    const found = warnings.find((w) => re.test(w));
    if (found !== undefined) return found;
  }
  return undefined;
}
