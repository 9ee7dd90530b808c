/**
 * The findings report as one self-contained HTML file: no script, no external resource, a
 * strict Content-Security-Policy meta (nothing may load or run; the one inline stylesheet is
 * allowed by its hash when the caller supplies it), every piece of text escaped, charts as
 * inline SVG.
 */
import { chartSvg } from './charts';
import { escapeHtml } from './escape';
import type { ReportEvidence, ReportModel, ReportStep } from './reportModel';
import { evidenceKindName, renumberedText, sizeText, spanText, trailText, utcTime, windowText } from './reportText';

export const reportStyle = `
:root{color-scheme:light;--fg:#1d2330;--dim:#5b6270;--line:#d9dde5;--bg:#fff;--soft:#f4f6f9;--accent:#3b7dd8;--warn:#9a5b00}
*{box-sizing:border-box}
body{margin:0 auto;max-width:980px;padding:32px 28px 60px;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:0 0 8px}
.sub,.dim{color:var(--dim)}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;word-break:break-word}
th{background:var(--soft);font-weight:600}
table.facts th{width:190px}
pre,code{font:12.5px/1.45 ui-monospace,"DejaVu Sans Mono",Menlo,monospace}
pre{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:10px 12px;white-space:pre-wrap;word-break:break-all;margin:8px 0}
code{background:var(--soft);padding:1px 4px;border-radius:4px}
.step,.evidence{border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:14px 0;break-inside:avoid}
.note{white-space:pre-wrap;border-left:4px solid var(--accent);padding:6px 12px;margin:10px 0;background:#eef4fd}
.kind{display:inline-block;font-size:11px;text-transform:uppercase;letter-spacing:.05em;background:var(--accent);color:#fff;border-radius:4px;padding:1px 6px;margin-right:8px;vertical-align:2px}
.problem,.warning{color:var(--warn)}
.chart{display:block;margin:6px 0 2px;max-width:100%;height:auto}
.chart-title{font-size:13px;margin-top:10px}
.label{font-size:12px;font-weight:600;color:var(--dim);margin-top:10px;text-transform:uppercase;letter-spacing:.04em}
footer{margin-top:40px;font-size:12px;color:var(--dim)}
`;

/** The CSP: nothing loads, nothing runs; styles only the inline sheet (by hash when given). */
export function reportCsp(styleHash?: string): string {
  const style = styleHash ? `'sha256-${styleHash}'` : `'unsafe-inline'`;
  return `default-src 'none'; style-src ${style}; img-src data:; base-uri 'none'; form-action 'none'`;
}

const e = escapeHtml;

function factsTable(rows: Array<[string, string]>, cls = 'facts'): string {
  return `<table class="${cls}">${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</table>`;
}

function commandsBlock(commands: string[]): string {
  if (commands.length === 0) return '';
  return `<div class="label">Reproduce</div><pre class="commands">${commands.map(e).join('\n')}</pre>`;
}

function noteBlock(note: string): string {
  return note.trim() ? `<div class="note">${e(note)}</div>` : '';
}

function renderStep(s: ReportStep, i: number): string {
  const facts: Array<[string, string]> = [['View', s.trail.length > 1 ? trailText(s.trail) : s.viewName]];
  if (s.filter) facts.push(['Filter', s.filter]);
  facts.push(['Time window', s.window ? windowText(s.window) : 'the whole capture']);
  const charts = s.charts.map((c) => (c.absent
    ? `<div class="chart-title">${e(c.title)}: <span class="dim">${e(c.absent)}</span></div>`
    : `<div class="chart-title">${e(c.title)} <span class="dim">(total ${e(String(Math.round(c.total * 100) / 100))})</span></div>${chartSvg(c)}`)).join('');
  return `<section class="step" id="step-${i + 1}"><h3>Step ${i + 1}${s.title ? `: ${e(s.title)}` : ''}</h3>`
    + factsTable(facts) + (s.problem ? `<p class="problem">${e(s.problem)}</p>` : '') + noteBlock(s.note) + charts + commandsBlock(s.commands) + '</section>';
}

function renderEvidence(ev: ReportEvidence, i: number): string {
  let body = `<section class="evidence" id="evidence-${i + 1}"><h3><span class="kind">${e(evidenceKindName[ev.kind])}</span>${e(ev.heading)}</h3>`;
  body += noteBlock(ev.note);
  if (ev.problem) body += `<p class="problem">${e(ev.problem)}</p>`;
  if (ev.facts.length) body += factsTable(ev.facts);
  if (ev.table) {
    body += `<table class="rows"><thead><tr>${ev.table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>`
      + ev.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>';
  }
  if (ev.excerpt) body += `<div class="label">${e(ev.excerpt.label)}</div><pre class="excerpt">${e(ev.excerpt.text)}</pre>`;
  return body + commandsBlock(ev.commands) + '</section>';
}

export function renderReportHtml(m: ReportModel, opts: { styleHash?: string } = {}): string {
  const c = m.capture;
  const title = m.title || `Findings in ${c.fileName}`;
  const identity: Array<[string, string]> = [
    ['File', c.fileName], ['Size', sizeText(c.sizeBytes)], ['SHA-256', c.sha256], ['Host', c.hostname || '(not recorded)'],
    ['CPUs', String(c.numCpus)], ['Events', String(c.events)],
    ['First event', utcTime(c.firstTs)], ['Last event', utcTime(c.lastTs)], ['Span', spanText(c.firstTs, c.lastTs)],
  ];
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(reportCsp(opts.styleHash))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${reportStyle}</style></head><body>`,
    `<header><h1>${e(title)}</h1><p class="sub">Syscope findings report · generated ${e(m.generatedAt)} by ${e(m.generator)}</p></header>`,
  ];
  if (m.summary.trim()) parts.push(`<section id="summary"><h2>Summary</h2><div class="note">${e(m.summary)}</div></section>`);
  parts.push(`<section id="capture"><h2>Capture</h2>${factsTable(identity)}</section>`);
  if (m.warnings.length) parts.push(`<section id="warnings"><h2>Warnings</h2><ul>${m.warnings.map((w) => `<li class="warning">${e(w)}</li>`).join('')}</ul></section>`);
  parts.push(`<section id="steps"><h2>Investigation steps</h2>${m.steps.length ? m.steps.map(renderStep).join('') : '<p class="dim">No steps were recorded.</p>'}</section>`);
  parts.push(`<section id="evidence"><h2>Evidence</h2>${m.evidence.length ? m.evidence.map(renderEvidence).join('') : '<p class="dim">Nothing was bookmarked.</p>'}</section>`);
  if (m.subset) {
    const renumbered = renumberedText(m.subset);
    parts.push(`<section id="subset"><h2>Evidence capture</h2><p>The bookmarked events (${m.subset.events}) are in <code>${e(m.subset.fileName)}</code> beside this report; sysdig and Syscope read it with every field resolved as in the original.</p>${renumbered ? `<p>${e(renumbered)}</p>` : ''}${commandsBlock([m.subset.command])}</section>`);
  }
  parts.push(`<footer>Every command above runs on the capture named in the Capture section (SHA-256 ${e(c.sha256)}), in the folder that holds it. Text from the capture is shown escaped, as recorded.</footer>`);
  parts.push('</body></html>');
  return parts.join('\n') + '\n';
}
