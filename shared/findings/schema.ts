/**
 * The findings file: what an investigator marked in a capture, as the app saves it and
 * `syscope report <capture> <findings.json>` reads it. It names evidence (event numbers, view
 * rows, stream operations) and the steps taken, never copies of capture data: the report
 * generator reads the capture again, so a findings file cannot smuggle text into a report.
 * Untrusted input either way; every field is bounded.
 */
import { z } from 'zod';

const nanoseconds = z.string().regex(/^\d{1,20}$/, 'a time must be nanoseconds since the epoch, as a decimal string');
const text = (max: number) => z.string().max(max);
const filter = text(20_000);
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
    sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
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
  const r = findingsSchema.safeParse(raw);
  if (r.success) return { ok: true, findings: r.data };
  const first = r.error.issues[0];
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  return { ok: false, error: `${where}${first.message}`.split('\n')[0] };
}

export function emptyFindings(fileName: string): Findings {
  return { format: 'syscope-findings', version: 1, title: '', summary: '', capture: { fileName }, steps: [], bookmarks: [], includeSubset: false };
}
