/**
 * Which of a capture's warnings says where it stops being readable: cut off inside a block, a
 * block whose length cannot be trusted, a gzip stream that breaks, an unreadable later section.
 * Such a warning means every figure covers only the part before it, so the command line prints
 * it and exits 3 (electron/cli/captureDamage.ts) and the app lists it first. The wordings are the
 * reader's (electron/engine/capture/readCapture.ts, and index/cache.ts for a gzip capture's
 * decompressed copy); both sides match them here, so a new wording is added once.
 *
 * A gzip stream that breaks inside an event block gives two warnings for one place: the stream's
 * break and the block it cuts off. warningsToShow keeps the first only.
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

/** The decompressed bytes a gzip-break warning says were read (either wording), or undefined. */
function gzipBreakBytes(warning: string): number | undefined {
  const m = /^(?:the gzip stream|compressed data) ends early or is damaged after (\d+) decompressed bytes/.exec(warning);
  return m ? Number(m[1]) : undefined;
}

/**
 * `warnings` as they are listed: the one that says where reading stops first, the others in the
 * reader's order, and without a "capture is cut off at byte N" that a gzip stream breaking
 * after N or more decompressed bytes explains (the same place, said twice).
 */
export function warningsToShow(warnings: readonly string[]): string[] {
  const breaks = warnings.map(gzipBreakBytes).filter((n): n is number => n !== undefined);
  const kept = breaks.length === 0 ? [...warnings] : warnings.filter((w) => {
    const cut = /^capture is cut off at byte (\d+)/.exec(w);
    return !cut || !breaks.some((b) => b >= Number(cut[1]));
  });
  const stop = whereReadingStops(kept);
  return stop === undefined ? kept : [stop, ...kept.filter((w) => w !== stop)];
}

/**
 * A reader's warning as a user reads it. "the 858 events before it were read" beside a header of
 * 857 events looks like an off-by-one (QA 20): the reader counts event blocks, sysdig's internal
 * ones among them, where the event lists count only the events sysdig prints.
 */
export function inUsersWords(warning: string): string {
  return warning.replace(/; the (\d+) events? before it (?:were|was) read$/, (_, n: string) =>
    `; the ${n} event block${n === '1' ? '' : 's'} before it ${n === '1' ? 'was' : 'were'} read (sysdig's internal events included)`);
}
