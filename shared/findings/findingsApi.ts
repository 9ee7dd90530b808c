/**
 * The findings and export calls as the renderer asks them, with their zod schemas (spread
 * into shared/ipc/schemas.ts like the evidence calls). The engine side is
 * electron/engine/export/exportService.ts, served per open capture by electron/host/appApi.ts.
 * Files come back as content (text, or base64 for raw bytes) for the renderer to save.
 */
import { z } from 'zod';
import { findingsSchema, type Findings } from './schema';
import { filterSchema } from '../filterLimit';

type TimeWindow = { from: string; to: string };
/** The table's order on screen (shared/ipc/contract.ts SortSpec): a view export lists its rows in it. */
type SortSpec = { column: string; descending: boolean };

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Text content, or base64 when `encoding` is 'base64' (raw stream bytes). */
  content: string;
  encoding: 'utf8' | 'base64';
}

export interface FindingsExportRequest { captureId: string; findings: Findings }

/** report.html, report.md and the findings file itself (so `syscope report` can remake the report). */
export interface FindingsExportReply {
  files: ExportedFile[];
  steps: number;
  evidence: number;
  warnings: string[];
}

export type DataExportRequest =
  | { captureId: string; what: 'view'; viewId: string; format: 'csv' | 'json'; filter?: string; window?: TimeWindow; sort?: SortSpec }
  | { captureId: string; what: 'events'; format: 'jsonl' | 'csv'; fields?: string[]; filter?: string; window?: TimeWindow }
  | { captureId: string; what: 'stream'; format: 'raw' | 'text'; follow: string; filter?: string; window?: TimeWindow }
  | { captureId: string; what: 'tree'; format: 'json'; filter?: string };

export interface DataExportReply { file: ExportedFile; items: number }

export interface FindingsApi {
  exportFindings(req: FindingsExportRequest): Promise<FindingsExportReply>;
  exportData(req: DataExportRequest): Promise<DataExportReply>;
}

const captureId = z.string().min(1).max(200);
const nanoseconds = z.string().regex(/^\d{1,20}$/, 'a time must be nanoseconds as a decimal string');
const timeWindow = z.strictObject({ from: nanoseconds, to: nanoseconds });
const filter = filterSchema;
const sortSpec = z.strictObject({ column: z.string().min(1).max(200), descending: z.boolean() });

export const findingsRequestSchemas = {
  exportFindings: z.strictObject({ captureId, findings: findingsSchema }),
  exportData: z.discriminatedUnion('what', [
    z.strictObject({ captureId, what: z.literal('view'), viewId: z.string().min(1).max(200), format: z.enum(['csv', 'json']), filter: filter.optional(), window: timeWindow.optional(), sort: sortSpec.optional() }),
    z.strictObject({ captureId, what: z.literal('events'), format: z.enum(['jsonl', 'csv']), fields: z.array(z.string().min(1).max(200)).min(1).max(400).optional(), filter: filter.optional(), window: timeWindow.optional() }),
    z.strictObject({ captureId, what: z.literal('stream'), format: z.enum(['raw', 'text']), follow: z.string().min(1).max(4096), filter: filter.optional(), window: timeWindow.optional() }),
    z.strictObject({ captureId, what: z.literal('tree'), format: z.literal('json'), filter: filter.optional() }),
  ]),
} satisfies { [K in keyof FindingsApi]: z.ZodType<Parameters<FindingsApi[K]>[0]> };

export type FindingsMethod = keyof FindingsApi;
