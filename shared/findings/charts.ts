/**
 * Static timeline charts for the report: inline SVG (no script, no external resource, no style
 * attributes, so the report's CSP needs nothing for them). Only numbers and escaped text go
 * into the markup.
 */
import { escapeHtml } from './escape';
import type { ReportChart } from './reportModel';

export const chartWidth = 640;
export const chartHeight = 120;
const pad = { left: 48, right: 8, top: 10, bottom: 22 };

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** Compact axis labels: 1.2k, 3.4M. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(1)}k`;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** Seconds from the chart's start, for the axis ends. */
function spanLabel(from: string, to: string): string {
  const ns = BigInt(to) - BigInt(from);
  const s = Number(ns) / 1e9;
  return s >= 1 ? `+${s.toFixed(s >= 100 ? 0 : 2)}s` : `+${(Number(ns) / 1e6).toFixed(1)}ms`;
}

/** One chart as an <svg> element: bars per slice, the max on the y axis, time at both ends. */
export function chartSvg(chart: ReportChart): string {
  const series = chart.series.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const max = Math.max(0, ...series);
  const w = chartWidth - pad.left - pad.right;
  const h = chartHeight - pad.top - pad.bottom;
  const n = Math.max(1, series.length);
  const bw = w / n;
  let bars = '';
  series.forEach((v, i) => {
    if (v <= 0 || max <= 0) return;
    const bh = Math.max(1, (v / max) * h);
    bars += `<rect x="${fmt(pad.left + i * bw)}" y="${fmt(pad.top + h - bh)}" width="${fmt(Math.max(1, bw - 1))}" height="${fmt(bh)}"/>`;
  });
  const title = escapeHtml(`${chart.title}: total ${fmt(chart.total)}, peak ${fmt(max)} per slice`);
  const base = pad.top + h;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${chartWidth}" height="${chartHeight}" viewBox="0 0 ${chartWidth} ${chartHeight}">`
    + `<title>${title}</title>`
    + `<line x1="${pad.left}" y1="${base}" x2="${chartWidth - pad.right}" y2="${base}" stroke="#8a8f98" stroke-width="1"/>`
    + `<line x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${base}" stroke="#8a8f98" stroke-width="1"/>`
    + `<text x="${pad.left - 4}" y="${pad.top + 8}" text-anchor="end" font-size="10" fill="#5b6270">${escapeHtml(shortNumber(max))}</text>`
    + `<text x="${pad.left - 4}" y="${base}" text-anchor="end" font-size="10" fill="#5b6270">0</text>`
    + `<text x="${pad.left}" y="${chartHeight - 6}" font-size="10" fill="#5b6270">start</text>`
    + `<text x="${chartWidth - pad.right}" y="${chartHeight - 6}" text-anchor="end" font-size="10" fill="#5b6270">${escapeHtml(spanLabel(chart.from, chart.to))}</text>`
    + `<g fill="#3b7dd8">${bars}</g></svg>`;
}

/** The same series as one line of block characters, for the Markdown report. */
export function chartSparkline(chart: ReportChart): string {
  const blocks = '▁▂▃▄▅▆▇█';
  const max = Math.max(0, ...chart.series);
  if (max <= 0) return '▁'.repeat(Math.max(1, chart.series.length));
  return chart.series.map((v) => (v <= 0 ? ' ' : blocks[Math.min(7, Math.floor((v / max) * 7.999))])).join('');
}
