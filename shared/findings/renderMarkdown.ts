/**
 * The findings report's Markdown twin: the same sections as the HTML one. Capture text is
 * escaped (viewers pass raw HTML through) or fenced; charts become a line of block characters.
 */
import { chartSparkline } from './charts';
import { escapeMarkdown, escapeMarkdownBlock, markdownCodeBlock, markdownInlineCode } from './escape';
import type { ReportEvidence, ReportModel, ReportStep } from './reportModel';
import { evidenceKindName, renumberedText, sizeText, spanText, trailText, utcTime, windowText } from './reportText';

const md = escapeMarkdown;

function facts(rows: Array<[string, string]>): string {
  return rows.map(([k, v]) => `- **${md(k)}:** ${md(v)}`).join('\n');
}

function commands(list: string[]): string {
  return list.length ? `Reproduce:\n\n${markdownCodeBlock(list.join('\n'), 'sh')}` : '';
}

function note(text: string): string {
  return text.trim() ? `> ${escapeMarkdownBlock(text).split('\n').join('\n> ')}` : '';
}

function step(s: ReportStep, i: number): string {
  const out = [`### Step ${i + 1}${s.title ? `: ${md(s.title)}` : ''}`, ''];
  const rows: string[] = [`- **View:** ${md(s.trail.length > 1 ? trailText(s.trail) : s.viewName)}`];
  if (s.filter) rows.push(`- **Filter:** ${markdownInlineCode(s.filter)}`);
  rows.push(`- **Time window:** ${md(s.window ? windowText(s.window) : 'the whole capture')}`);
  out.push(rows.join('\n'), '');
  if (s.problem) out.push(`*${md(s.problem)}*`, '');
  if (s.note.trim()) out.push(note(s.note), '');
  for (const c of s.charts) {
    if (c.absent) out.push(`${md(c.title)}: ${md(c.absent)}.`, '');
    else out.push(`${md(c.title)} (total ${Math.round(c.total * 100) / 100}):`, '', markdownCodeBlock(chartSparkline(c)), '');
  }
  if (s.commands.length) out.push(commands(s.commands), '');
  return out.join('\n');
}

function evidence(ev: ReportEvidence, i: number): string {
  const out = [`### ${i + 1}. ${md(evidenceKindName[ev.kind])}: ${md(ev.heading)}`, ''];
  if (ev.note.trim()) out.push(note(ev.note), '');
  if (ev.problem) out.push(`*${md(ev.problem)}*`, '');
  if (ev.facts.length) out.push(facts(ev.facts), '');
  if (ev.table) {
    const cell = (s: string) => md(s).replace(/\|/g, '\\|');
    out.push(`| ${ev.table.columns.map(cell).join(' | ')} |`, `|${ev.table.columns.map(() => ' --- ').join('|')}|`,
      ...ev.table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
  }
  if (ev.excerpt) out.push(`${md(ev.excerpt.label)}:`, '', markdownCodeBlock(ev.excerpt.text), '');
  if (ev.commands.length) out.push(commands(ev.commands), '');
  return out.join('\n');
}

export function renderReportMarkdown(m: ReportModel): string {
  const c = m.capture;
  const title = m.title || `Findings in ${c.fileName}`;
  const out = [`# ${md(title)}`, '', `*Syscope findings report, generated ${md(m.generatedAt)} by ${md(m.generator)}*`, ''];
  if (m.summary.trim()) out.push('## Summary', '', escapeMarkdownBlock(m.summary), '');
  out.push('## Capture', '', facts([
    ['File', c.fileName], ['Size', sizeText(c.sizeBytes)], ['SHA-256', c.sha256], ['Host', c.hostname || '(not recorded)'],
    ['CPUs', String(c.numCpus)], ['Events', String(c.events)],
    ['First event', utcTime(c.firstTs)], ['Last event', utcTime(c.lastTs)], ['Span', spanText(c.firstTs, c.lastTs)],
  ]), '', `The commands below name the capture by its file name: run them in the folder that holds it.`, '');
  if (m.warnings.length) out.push('## Warnings', '', ...m.warnings.map((w) => `- ${md(w)}`), '');
  out.push('## Investigation steps', '');
  if (m.steps.length) out.push(...m.steps.map(step)); else out.push('No steps were recorded.', '');
  out.push('## Evidence', '');
  if (m.evidence.length) out.push(...m.evidence.map(evidence)); else out.push('Nothing was bookmarked.', '');
  if (m.subset) {
    out.push('## Evidence capture', '', `The bookmarked events (${m.subset.events}) are in ${markdownInlineCode(m.subset.fileName)} beside this report.`, '');
    const renumbered = renumberedText(m.subset);
    if (renumbered) out.push(md(renumbered), '');
    out.push(commands([m.subset.command]), '');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
