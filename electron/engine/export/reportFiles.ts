/** Where a report's files go: report.html, its Markdown twin and the evidence capture beside it. */
export function reportPaths(html: string): { html: string; markdown: string; subset: string } {
  const base = html.replace(/\.html?$/i, '');
  return { html: base === html ? `${html}.html` : html, markdown: `${base}.md`, subset: `${base}-evidence.scap` };
}
