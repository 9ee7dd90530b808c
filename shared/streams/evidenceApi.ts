/**
 * The evidence calls (events list, I/O streams, process tree, search) as the renderer asks
 * them: requests, replies and their zod schemas. They are meant to be added to EngineApi
 * (shared/ipc/contract.ts) as `events`, `eventDetail`, `streams`, `tree` and `search`; the
 * engine side is electron/engine/evidence/evidenceService.ts. Payload bytes travel as base64.
 */
import { z } from 'zod';
import type { ContainerLifetime, ProcessNode, RestartGroup } from './evidenceTypes';
import type { SearchMatch } from './search';
import type { StreamMode } from './render';
import { filterSchema } from '../filterLimit';

type TimeWindow = { from: string; to: string };
export type EvidenceScalar = string | number | boolean | null;

export interface EventsRequest {
  captureId: string;
  filter?: string;
  window?: TimeWindow;
  /** First event number; or `fromTs` (ns as a decimal string) for the first event at or after a time. */
  fromEvtNum?: number;
  fromTs?: string;
  /**
   * Instead of a start: the page of the `limit` events just before this event number, or
   * 'end' for the selection's last events (End, and scrolling up from there).
   */
  before?: number | 'end';
  limit: number;
  /** Field names (catalog spelling); default: sysdig's default line as fields. */
  fields?: string[];
}

export interface EventsReply {
  fields: string[];
  events: Array<{ evtNum: number; values: Array<EvidenceScalar | EvidenceScalar[]>; partner: number | null; latencyNs: string | null }>;
  /** Event number to ask for next, or null at the end of the capture. */
  next: number | null;
  /** For a `before` page: whether the selection may have events before the page's first (false: it has none). */
  earlier?: boolean;
}

export interface EventDetailRequest { captureId: string; evtNum: number }

/** Every catalog field that has a value for the event, with its partner and latency. */
export interface EventDetailReply {
  evtNum: number;
  fields: Record<string, EvidenceScalar | EvidenceScalar[]>;
  partner: number | null;
  latencyNs: string | null;
}

export interface StreamsRequest {
  captureId: string;
  filter?: string;
  window?: TimeWindow;
  fromEvtNum?: number;
  limit: number;
  /** Only one stream: `pid:fd`, `pid:fd#n` or an fd name. */
  follow?: string;
}

export interface StreamOperationWire {
  evtNum: number;
  rawtime: string;
  direction: 'read' | 'write';
  eventType: string;
  procName: string;
  pid: number;
  tid: number;
  containerId: string;
  containerName: string;
  fd: number;
  fdName: string;
  fdTypeChar: string;
  streamKey: string;
  length: number;
  dataBase64: string;
}

export interface StreamsReply { operations: StreamOperationWire[]; next: number | null }

export interface TreeRequest { captureId: string; filter?: string }
export interface TreeReply { processes: ProcessNode[]; containers: ContainerLifetime[]; restartGroups: RestartGroup[] }

export interface EvidenceSearchRequest {
  captureId: string;
  /** What to search: the events list (its text lines) or the stream payloads. */
  target: 'events' | 'streams';
  text: string;
  regex?: boolean;
  caseSensitive?: boolean;
  filter?: string;
  window?: TimeWindow;
  /** For streams: the rendering the match positions refer to. */
  mode?: StreamMode;
}

/** Every match, uncapped; `row` is the event number of the event or operation. */
export interface EvidenceSearchReply { matches: SearchMatch[] }

const captureId = z.string().min(1).max(200);
const nanoseconds = z.string().regex(/^\d{1,20}$/, 'a time must be nanoseconds as a decimal string');
const timeWindow = z.strictObject({ from: nanoseconds, to: nanoseconds });
const filter = filterSchema;
const evtNum = z.number().int().min(0);

export const evidenceRequestSchemas = {
  events: z.strictObject({
    captureId, filter: filter.optional(), window: timeWindow.optional(), fromEvtNum: evtNum.optional(),
    fromTs: nanoseconds.optional(), before: z.union([evtNum, z.literal('end')]).optional(), limit: z.number().int().min(0).max(10_000), fields: z.array(z.string().min(1).max(200)).max(400).optional(),
  }),
  eventDetail: z.strictObject({ captureId, evtNum }),
  streams: z.strictObject({
    captureId, filter: filter.optional(), window: timeWindow.optional(), fromEvtNum: evtNum.optional(),
    limit: z.number().int().min(0).max(10_000), follow: z.string().min(1).max(1000).optional(),
  }),
  tree: z.strictObject({ captureId, filter: filter.optional() }),
  search: z.strictObject({
    captureId, target: z.enum(['events', 'streams']), text: z.string().min(1).max(10_000), regex: z.boolean().optional(),
    caseSensitive: z.boolean().optional(), filter: filter.optional(), window: timeWindow.optional(),
    mode: z.enum(['dotted', 'printable', 'hex', 'json', 'text']).optional(),
  }),
};

/** The calls, as they would sit in EngineApi. */
export interface EvidenceApi {
  events(req: EventsRequest): Promise<EventsReply>;
  eventDetail(req: EventDetailRequest): Promise<EventDetailReply>;
  streams(req: StreamsRequest): Promise<StreamsReply>;
  tree(req: TreeRequest): Promise<TreeReply>;
  search(req: EvidenceSearchRequest): Promise<EvidenceSearchReply>;
}

export type EvidenceMethod = keyof EvidenceApi;
export const evidenceMethods = Object.keys(evidenceRequestSchemas) as EvidenceMethod[];

export function isEvidenceMethod(name: unknown): name is EvidenceMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(evidenceRequestSchemas, name);
}
