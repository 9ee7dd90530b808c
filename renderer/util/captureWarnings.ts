/**
 * The order the capture's warnings are shown in: the one that says where reading stopped (cut
 * off, broken block framing, a gzip stream that breaks, an unreadable later section) first,
 * since it means every figure covers only part of the capture (QA 14 B); the rest keep the
 * reader's order. Which warnings those are is shared with the command line (shared/scap/readingStops.ts).
 */
import { saysReadingStops, warningsToShow } from '../../shared/scap/readingStops';

/**
 * `warnings` with those that say where reading stopped first, each group in the reader's order;
 * a gzip break is said once, as the command line says it (the cut-off it causes is not listed).
 */
export function mostTellingFirst(warnings: readonly string[]): string[] {
  const shown = warningsToShow(warnings);
  return [...shown.filter(saysReadingStops), ...shown.filter((w) => !saysReadingStops(w))];
}
