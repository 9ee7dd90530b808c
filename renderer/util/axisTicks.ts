/**
 * Which times the timeline labels: as many as fit side by side at the label's width, none so
 * close to an end that it would be cut off. d3's ticks(n) is only a hint (for n = 12 it may give
 * 17 round values), so the count is lowered until the labels fit.
 */
import { scaleUtc } from 'd3';

/** Rough width of a label in the axis font (10px monospace-ish digits), with a gap. */
export function labelWidthPx(sample: string): number {
  return sample.length * 6.5 + 14;
}

export function axisTicks(fromMs: number, toMs: number, widthPx: number, labelPx: number): Date[] {
  const x = scaleUtc().domain([new Date(fromMs), new Date(toMs)]).range([0, widthPx]);
  const inside = (d: Date) => x(d) >= labelPx / 2 && x(d) <= widthPx - labelPx / 2;
  for (let n = Math.max(1, Math.floor(widthPx / labelPx)); n >= 1; n--) {
    const ticks = x.ticks(n).filter(inside);
    const fits = ticks.every((d, i) => i === 0 || x(d) - x(ticks[i - 1]) >= labelPx);
    if (fits && ticks.length > 0) return ticks;
  }
  return [];
}
