/**
 * The engine API: every question the renderer may ask about an open capture.
 *
 * One definition serves three transports: the Electron preload bridge (validated in main),
 * the browser host's WebSocket (validated in the host), and direct calls in tests. Requests
 * and replies are plain JSON-able data; bulk rows travel as windows (offset/limit), never as
 * whole tables. Calls are additive: add a method here first, then implement it in the engine
 * (electron/engine/api) and expose it in both transports.
 */

export type CaptureId = string;

/** A time window in nanoseconds since the epoch, as decimal strings (JSON has no bigint). */
export interface TimeWindow { from: string; to: string }

export interface LoadProgress {
  captureId: CaptureId;
  bytesRead: number;
  totalBytes: number;
  events: number;
  eventsPerSecond: number;
  secondsLeft: number | null;
  done: boolean;
  error?: string;
}

export interface CaptureInfo {
  captureId: CaptureId;
  path: string;
  fileName: string;
  sizeBytes: number;
  events: number;
  firstTs: string;
  lastTs: string;
  hostname: string;
  numCpus: number;
  warnings: string[];
}

export interface SortSpec { column: string; descending: boolean }

export interface ColumnInfo { name: string; title: string; type: 'string' | 'number' | 'bytes' | 'time' | 'duration' | 'percent'; isKey?: boolean; description?: string }

export interface TableWindow {
  columns: ColumnInfo[];
  rows: Array<Array<string | number | null>>;
  totalRows: number;
  offset: number;
  /** Views: per row, the value a drill-down on it filters on (csysdig's row key). */
  keys?: string[];
  /** Views: the field a drill-down filters on (e.g. proc.pid), absent for lists. */
  drillKeyField?: string;
  /** Views: the view a drill-down on a row leads to (see shared/views/drilldown.ts). */
  drillTarget?: string;
  /** Views: csysdig's filter template for a drill-down, KEY_PLACEHOLDER where the key goes. */
  filterTemplate?: string;
}

export interface ViewQuery {
  viewId: string;
  filter?: string;
  window?: TimeWindow;
  sort?: SortSpec;
  offset: number;
  limit: number;
}

/**
 * Free-text search over every row of a view (not just a window), in the order `view` lists them
 * for the same filter, window and sort. Cells are searched as `view` returns them (numbers as
 * their decimal text, before the renderer's formatting).
 */
export interface ViewSearchQuery {
  viewId: string;
  filter?: string;
  window?: TimeWindow;
  sort?: SortSpec;
  text: string;
  regex?: boolean;
  caseSensitive?: boolean;
}

/** Every match, uncapped: `row` is the row's position in the view (an `offset` for `view`). */
export interface ViewSearchReply {
  matches: Array<{ row: number; column: number; start: number; end: number }>;
  totalRows: number;
}

export interface TileQuery { filter?: string; window?: TimeWindow; samples: number }

export interface TileValue {
  id: string;
  category: string;
  title: string;
  total: number;
  max: number;
  series: number[];
  drillView?: string;
  drillFilter?: string;
}

/** Every call: name → (request, reply). */
export interface EngineApi {
  openCapture(req: { path: string }): Promise<{ captureId: CaptureId }>;
  cancelLoad(req: { captureId: CaptureId }): Promise<void>;
  closeCapture(req: { captureId: CaptureId }): Promise<void>;
  captureInfo(req: { captureId: CaptureId }): Promise<CaptureInfo>;
  tiles(req: { captureId: CaptureId } & TileQuery): Promise<TileValue[]>;
  view(req: { captureId: CaptureId } & ViewQuery): Promise<TableWindow>;
  searchView(req: { captureId: CaptureId } & ViewSearchQuery): Promise<ViewSearchReply>;
}

/** Events pushed from the engine to the renderer. */
export interface EngineEvents {
  loadProgress: LoadProgress;
}

/** Every API failure reaches the renderer as one line, never a stack trace. */
export interface ApiError { message: string; code: 'bad-request' | 'not-found' | 'bad-capture' | 'bad-filter' | 'cancelled' | 'internal' }
