/**
 * The findings file: what an investigator marked in a capture, as the app saves it and
 * `syscope report <capture> <findings.json>` reads it. It names evidence (event numbers, view
 * rows, stream operations) and the steps taken, never copies of capture data: the report
 * generator reads the capture again, so a findings file cannot smuggle text into a report.
 * Untrusted input either way; every field is bounded.
 */
import { z } from 'zod';
import { filterSchema } from '../filterLimit';

// Messages that start with "is"/"must" follow the field's path in the one line (plainIssue).
const nanoseconds = z.string().regex(/^\d{1,20}$/, 'is not a time in nanoseconds since the epoch (a decimal string)');
const text = (max: number) => z.string().max(max);
// A step keeps any filter the app accepts (shared/filterLimit.ts), e.g. a pasted list of event numbers.
const filter = filterSchema;
const note = text(20_000).default('');

export const timeWindowSchema = z.strictObject({ from: nanoseconds, to: nanoseconds });

/** One step of the drill-down trail (shared/views/drilldown.ts). */
const drillStepSchema = z.strictObject({
  viewId: text(200).min(1),
  filter: filter.default(''),
  keyField: text(200).optional(),
  selection: text(4096).optional(),
});

/** One thing the investigator looked at: a view (after drilling), a filter, a time window. */
export const investigationStepSchema = z.strictObject({
  title: text(500).default(''),
  /** 'overview' for the tiles, 'events', 'streams' or 'tree' for those panels, else a view id. */
  viewId: text(200).min(1),
  trail: z.array(drillStepSchema).max(50).default([]),
  filter: filter.default(''),
  window: timeWindowSchema.optional(),
  /** The I/O stream followed (streams panel), if any. */
  follow: text(4096).optional(),
  /** How the streams panel showed the payloads, when not dotted: the reproducing command shows them so too. */
  mode: z.enum(['dotted', 'printable', 'hex', 'json', 'text']).optional(),
  /** Overview tiles (ids) whose timelines mattered: drawn as charts in the report. */
  tiles: z.array(text(200)).max(50).default([]),
  note,
});

const eventBookmark = z.strictObject({ kind: z.literal('event'), evtNum: z.number().int().min(1), note });
const rowBookmark = z.strictObject({
  kind: z.literal('row'),
  viewId: text(200).min(1),
  /** The filter the row's table was computed with (user filter and drill filter). */
  filter: filter.default(''),
  window: timeWindowSchema.optional(),
  /** The row's key (what a drill-down on it filters on, e.g. a pid or a container id). */
  key: text(4096),
  note,
});
const streamBookmark = z.strictObject({
  kind: z.literal('stream'),
  /** The read or write event. */
  evtNum: z.number().int().min(1),
  /** The stream (pid:fd[#n]) it belongs to, for following the whole conversation. */
  streamKey: text(4096).optional(),
  note,
});

export const bookmarkSchema = z.discriminatedUnion('kind', [eventBookmark, rowBookmark, streamBookmark]);

export const findingsSchema = z.strictObject({
  format: z.literal('syscope-findings'),
  version: z.literal(1),
  title: text(500).default(''),
  summary: text(50_000).default(''),
  /** The capture the findings were made on (checked against the one the report reads). */
  capture: z.strictObject({
    fileName: text(4096).default(''),
    sizeBytes: z.number().int().min(0).optional(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 (64 hex digits)').optional(),
  }).default({ fileName: '' }),
  steps: z.array(investigationStepSchema).max(500).default([]),
  bookmarks: z.array(bookmarkSchema).max(5000).default([]),
  /** Also write the bookmarked events as a .scap subset beside the report. */
  includeSubset: z.boolean().default(false),
});

export type Findings = z.infer<typeof findingsSchema>;
export type FindingsInput = z.input<typeof findingsSchema>;
export type Bookmark = z.infer<typeof bookmarkSchema>;
export type InvestigationStep = z.infer<typeof investigationStepSchema>;

/** A findings document from JSON text, or a one-line error naming the first problem. */
export function parseFindings(json: string): { ok: true; findings: Findings } | { ok: false; error: string } {
  let raw: unknown;
  try { raw = JSON.parse(json); } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message.split('\n')[0]}` };
  }
  return checkFindings(raw);
}

export function checkFindings(raw: unknown): { ok: true; findings: Findings } | { ok: false; error: string } {
  // The input is reported so that a missing field reads as missing, not as of the wrong kind.
  const r = findingsSchema.safeParse(raw, { reportInput: true });
  if (r.success) return { ok: true, findings: r.data };
  return { ok: false, error: plainIssue(r.error.issues[0]).split('\n')[0] };
}

const KIND_OF_VALUE: Readonly<Record<string, string>> = {
  int: 'a whole number', number: 'a number', string: 'text (a JSON string)', boolean: 'true or false',
  array: 'a list (a JSON array)', object: 'an object (a JSON object in braces)',
};

/**
 * A schema issue in the words of the findings file: `<field path> <what is wrong>`, such as
 * `capture.sha256 is not a SHA-256 (64 hex digits)` or `bookmarks.0.evtNum must be at least 1`,
 * never zod's own wording (patterns, `>=`, "received").
 */
export function plainIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const subject = path === '' ? 'the file' : path;
  const input = (issue as { input?: unknown }).input;
  const missing = 'input' in issue && input === undefined;
  const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return `${subject} is missing`;
      return `${subject} must be ${KIND_OF_VALUE[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (missing) return `${subject} is missing (it must be ${list(issue.values)})`;
      return issue.values.length === 1 ? `${subject} must be ${list(issue.values)}` : `${subject} must be one of ${list(issue.values)}`;
    case 'invalid_union': {
      const u = issue as { discriminator?: string; options?: readonly unknown[] };
      if (u.discriminator === undefined || !u.options) break;
      const given = input && typeof input === 'object' ? (input as Record<string, unknown>)[u.discriminator] : undefined;
      return `${subject} ${given === undefined ? 'is missing' : 'is not known'} (it must be one of ${list(u.options)})`;
    }
    case 'invalid_format':
      // The schema's own words where it gave some (SHA-256, times); a bare pattern helps no one.
      if (/^(is|must) /.test(issue.message)) return `${subject} ${issue.message}`;
      return `${subject} does not have the expected form`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n === 1 ? `${subject} must not be empty` : `${subject} must have at least ${n} characters`;
      if (issue.origin === 'array') return `${subject} must have at least ${n} items`;
      return `${subject} must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `${subject} is longer than ${n.toLocaleString('en-US')} characters`;
      if (issue.origin === 'array') return `${subject} has more than ${n.toLocaleString('en-US')} items`;
      return `${subject} must be at most ${n}`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      const fields = issue.keys.length === 1 ? 'field' : 'fields';
      return path === '' ? `unknown ${fields} ${keys}` : `${path} has unknown ${fields} ${keys}`;
    }
  }
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

export function emptyFindings(fileName: string): Findings {
  return { format: 'syscope-findings', version: 1, title: '', summary: '', capture: { fileName }, steps: [], bookmarks: [], includeSubset: false };
}
