/**
 * The zod schemas every request is checked against before it reaches the engine, in both
 * transports (Electron main and the browser host). A request that does not match is refused
 * with a one-line `bad-request` error; nothing unchecked crosses a trust boundary.
 */
import { z } from 'zod';
import type { EngineApi } from './contract';
import type { ShellApi } from './shell';
import { evidenceRequestSchemas, type EvidenceApi } from '../streams/evidenceApi';
import { findingsRequestSchemas, type FindingsApi } from '../findings/findingsApi';
import { ApiFailure } from './errors';
import { filterSchema } from '../filterLimit';

const captureId = z.string().min(1).max(200);
// zod v4 runs refinements even after a field failed, so the refinement re-checks its input.
const isDecimal = (s: unknown) => typeof s === 'string' && /^\d{1,20}$/.test(s);
const nanoseconds = z.string().regex(/^\d{1,20}$/, 'a time must be nanoseconds as a decimal string');
const timeWindow = z.strictObject({ from: nanoseconds, to: nanoseconds })
  .refine((w) => !isDecimal(w.from) || !isDecimal(w.to) || BigInt(w.from) <= BigInt(w.to),
    'a time window must not end before it starts');
/** The longest filter any call takes (shared/filterLimit.ts says why). */
export { MAX_FILTER_CHARS } from '../filterLimit';
const filter = filterSchema;

/**
 * The evidence and export schemas (shared/streams, shared/findings) each cap their filter; every
 * call that takes a filter gets this one cap, so the Events list, I/O and exports accept what the
 * views and tiles accept.
 */
function withAppFilterCap<T extends Record<string, z.ZodType>>(schemas: T): T {
  const capped = (schema: z.ZodType): z.ZodType => {
    if (schema instanceof z.ZodObject && 'filter' in schema.shape) return schema.extend({ filter: filter.optional() });
    if (schema instanceof z.ZodDiscriminatedUnion) {
      const options = (schema.options as z.ZodObject[]).map((o) => capped(o) as z.ZodObject);
      return z.discriminatedUnion(schema.def.discriminator, options as [z.ZodObject, ...z.ZodObject[]]);
    }
    return schema;
  };
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, capped(schema)])) as T;
}
const sort = z.strictObject({ column: z.string().min(1).max(200), descending: z.boolean() });

/** One schema per call; the mapped type keeps the list in step with the contract. */
export const requestSchemas = {
  openCapture: z.strictObject({ path: z.string().min(1).max(4096) }),
  cancelLoad: z.strictObject({ captureId }),
  closeCapture: z.strictObject({ captureId }),
  captureInfo: z.strictObject({ captureId }),
  tiles: z.strictObject({
    captureId, filter: filter.optional(), window: timeWindow.optional(),
    samples: z.number().int().min(1).max(2000),
  }),
  view: z.strictObject({
    captureId, viewId: z.string().min(1).max(200), filter: filter.optional(), window: timeWindow.optional(),
    sort: sort.optional(), offset: z.number().int().min(0), limit: z.number().int().min(0).max(10_000),
  }),
  searchView: z.strictObject({
    captureId, viewId: z.string().min(1).max(200), filter: filter.optional(), window: timeWindow.optional(),
    sort: sort.optional(), text: z.string().min(1).max(10_000), regex: z.boolean().optional(), caseSensitive: z.boolean().optional(),
  }),
  // The evidence calls (events, one event's fields, I/O streams, process tree, search).
  ...withAppFilterCap(evidenceRequestSchemas),
  // Findings report and file exports (shared/findings/findingsApi.ts).
  ...withAppFilterCap(findingsRequestSchemas),
  recentCaptures: z.strictObject({}),
  sampleCapture: z.strictObject({}),
  chooseCapture: z.strictObject({}),
} satisfies { [K in keyof AppApi]: z.ZodType<Parameters<AppApi[K]>[0]> };

/** Everything the renderer may call: the engine, its evidence calls and the app shell. */
export type AppApi = EngineApi & EvidenceApi & FindingsApi & ShellApi;
export type AppMethod = keyof AppApi;
export const appMethods = Object.keys(requestSchemas) as AppMethod[];

export function isAppMethod(name: unknown): name is AppMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/** Checks a call by name; returns the typed request or throws a one-line bad-request failure. */
export function parseRequest<M extends AppMethod>(method: M, params: unknown): Parameters<AppApi[M]>[0];
export function parseRequest(method: unknown, params: unknown): unknown;
export function parseRequest(method: unknown, params: unknown): unknown {
  if (!isAppMethod(method)) throw new ApiFailure('bad-request', `unknown call '${String(method).slice(0, 60)}'`);
  const checked = requestSchemas[method].safeParse(params ?? {});
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first.path.length ? `${first.path.join('.')}: ` : '';
    throw new ApiFailure('bad-request', `${method}: ${where}${first.message}`);
  }
  return checked.data;
}
