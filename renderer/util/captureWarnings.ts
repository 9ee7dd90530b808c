/**
 * The order the capture's warnings are shown in: the one that says where reading stopped (cut
 * off, broken block framing, a gzip stream that breaks, an unreadable later section) first,
 * since it means every figure covers only part of the capture (QA 14 B); the rest keep the
 * reader's order. Which warnings those are is shared with the command line (shared/scap/readingStops.ts).
 */
import { saysReadingStops } from '../../shared/scap/readingStops';

/** `warnings` with those that say where reading stopped first, each group in the reader's order. */
export function mostTellingFirst(warnings: readonly string[]): string[] {
  return [...warnings.filter(saysReadingStops), ...warnings.filter((w) => !saysReadingStops(w))];
}
