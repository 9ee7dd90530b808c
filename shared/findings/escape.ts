/**
 * Escaping of capture text for the report. Everything shown in a report may come from the
 * capture (process names, paths, payloads, filters built from them) or from a findings file,
 * so nothing is ever written raw: HTML gets entities, Markdown gets backslash escapes where
 * a character would be markup or raw HTML (Markdown viewers pass raw HTML through), code gets a fence longer than any run of
 * backticks inside it.
 */

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters HTML forbids or that would confuse a reader: C0 controls other than tab and line
 * breaks, DEL and C1 controls, lone surrogates, and bidirectional overrides (which can make
 * shown text read differently from what it is).
 */
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces characters a report must not carry with U+FFFD. */
export function visibleText(s: string): string {
  return s.replace(unsafeChars, '\ufffd');
}

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return visibleText(s).replace(/[&<>"']/g, (c) => htmlEntities[c]);
}

/**
 * Text for a Markdown line (paragraph, list item, heading), on one line: markup characters are
 * backslash-escaped, and so are a `<` that could open raw HTML or an autolink and an `&` that
 * could start an entity, which Markdown viewers would pass through or decode. Nothing else is
 * changed: the .md is read as text too, and `&lt;`, `-&gt;` for `<` and `->` garbled it (QA 16).
 * With `atLineStart`, characters that are markup only at the start of a line (headings, lists,
 * block quotes) are escaped too.
 */
export function escapeMarkdown(s: string, atLineStart = false): string {
  const inline = visibleText(s)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/\r?\n|\r/g, ' ');
  if (!atLineStart) return inline;
  return inline.replace(/^(\s*)([#+\-=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line text (a note) as Markdown lines, each escaped; line breaks kept. */
export function escapeMarkdownBlock(s: string): string {
  return visibleText(s).split(/\r?\n|\r/).map((line) => escapeMarkdown(line, true)).join('  \n');
}

/** A fenced code block whose fence no line of `code` can close. */
export function markdownCodeBlock(code: string, info = ''): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${visibleText(code)}\n${fence}`;
}

/** Inline code whose delimiters no run of backticks in `code` can close. */
export function markdownInlineCode(code: string): string {
  const one = visibleText(code).replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((run) => run.length));
  const tick = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') || one.startsWith(' ') ? ' ' : '';
  return `${tick}${pad}${one}${pad}${tick}`;
}
