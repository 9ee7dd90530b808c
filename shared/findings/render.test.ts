import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReportHtml, reportCsp } from './renderHtml';
import { renderReportMarkdown } from './renderMarkdown';
import { chartSparkline, chartSvg } from './charts';
import type { ReportModel } from './reportModel';

const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function model(): ReportModel {
  return {
    title: `Title ${evil}`, summary: `line one\n${evil}`, generatedAt: '2024-01-01T00:00:00.000Z', generator: 'Syscope test',
    capture: { fileName: `${evil}.scap`, commandPath: '/c.scap', sizeBytes: 2048, sha256: 'a'.repeat(64), hostname: evil, numCpus: 4, events: 10, firstTs: '1710236467000000000', lastTs: '1710236469500000000' },
    steps: [{ title: evil, viewId: 'procs', viewName: 'Processes', trail: [{ viewName: 'Containers' }, { viewName: 'Processes', selection: evil, keyField: 'container.id' }],
      filter: `proc.name="${evil}"`, window: { from: '1710236467000000000', to: '1710236468000000000' }, note: evil,
      charts: [{ title: evil, series: [0, 1, 4, 2], total: 7, from: '1710236467000000000', to: '1710236468000000000' }], commands: [`syscope view /c.scap procs --filter '${evil}'`] }],
    evidence: [{ kind: 'stream', heading: evil, note: `</section>${evil}`, facts: [['Stream', evil]], table: { columns: [evil], rows: [[evil]] },
      excerpt: { label: evil, text: `${evil}\n\`\`\`\n# not a heading` }, commands: [`syscope dump /c.scap 'evt.num=3'`] }],
    subset: { fileName: `${evil}.scap`, events: 2, command: 'sysdig -r x.scap' },
    warnings: [evil],
  };
}

test('the HTML report has only its own markup: every string from the model is escaped', () => {
  const html = renderReportHtml(model(), { styleHash: 'abc=' });
  assert.doesNotMatch(html, /<script|<img/i);
  assert.equal((html.match(/<section /g) ?? []).length, (html.match(/<\/section>/g) ?? []).length, 'sections balance: no note closes one');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'));
  assert.ok(html.includes(`content="default-src &#39;none&#39;; style-src &#39;sha256-abc=&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;"`));
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">/);
  assert.ok(html.includes('Containers › &lt;script&gt;'), 'the drill path names each level');
  assert.ok(html.includes('2024-03-12 09:41:07.000000000 UTC to 2024-03-12 09:41:08.000000000 UTC (1.000 s)'));
});

test('without a style hash the CSP still forbids scripts and every external load', () => {
  assert.equal(reportCsp(), `default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`);
});

test('the Markdown twin carries the same facts with no raw HTML, and fences survive backticks in excerpts', () => {
  const md = renderReportMarkdown(model());
  const outsideCode = md.replace(/(`{3,})[^\n]*\n[\s\S]*?\n\1/g, '').replace(/(`+)[^`\n]*?\1/g, '');
  // A `<` that opens a tag, or an `&` that starts an entity, is backslash-escaped (an even run of backslashes escapes none).
  assert.doesNotMatch(outsideCode, /(?<!\\)(?:\\\\)*<[a-z/!?]/i, 'no raw HTML outside code');
  assert.doesNotMatch(outsideCode, /(?<!\\)(?:\\\\)*&#?[a-z0-9]+;/i, 'no entity outside code');
  assert.ok(md.includes('````\n<script>'), 'the excerpt is fenced with four backticks');
  assert.ok(md.includes(`- **SHA-256:** ${'a'.repeat(64)}`));
  assert.ok(md.includes("syscope dump /c.scap 'evt.num=3'"));
  assert.ok(md.includes('> \\</section>\\<script>'));
  assert.match(md, /^# Title \\<script>/);
});

test('charts are plain SVG shapes scaled to the peak, labelled with the span', () => {
  const svg = chartSvg({ title: 'a<b', series: [0, 2, 4], total: 6, from: '0', to: '2000000000' });
  assert.equal((svg.match(/<rect /g) ?? []).length, 2, 'no bar for an empty slice');
  assert.match(svg, /<title>a&lt;b: total 6, peak 4 per slice<\/title>/);
  assert.match(svg, />\+2\.00s</);
  assert.doesNotMatch(svg, /style=|<script|href/);
  assert.equal(chartSparkline({ title: '', series: [0, 1, 2, 4], total: 7, from: '0', to: '1' }), ' ▂▄█');
  assert.equal(chartSparkline({ title: '', series: [0, 0], total: 0, from: '0', to: '1' }), '▁▁');
});
