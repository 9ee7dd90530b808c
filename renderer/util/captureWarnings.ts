/**
 * The order the capture's warnings are shown in: the one that says where reading stopped (cut
 * off, broken block framing, a gzip stream that breaks, an unreadable later section) first,
 * since it means every figure covers only part of the capture (QA 14 B); the rest keep the
 * reader's order. The wordings are the reader's (electron/engine/capture/readCapture.ts and
 * index/cache.ts), matched as electron/cli/captureDamage.ts matches them for the CLI.
 */
const STOPS_READING = /^capture is cut off at byte |; the rest of the capture (cannot be located and )?was not read$|^(the gzip stream|compressed data) ends early or is damaged after |; reading stopped there$/;

/** Whether `warning` says the capture stops being readable there. */
export function saysReadingStops(warning: string): boolean {
  return STOPS_READING.test(warning);
}

/** `warnings` with those that say where reading stopped first, each group in the reader's order. */
export function mostTellingFirst(warnings: readonly string[]): string[] {
  return [...warnings.filter(saysReadingStops), ...warnings.filter((w) => !saysReadingStops(w))];
}
