/**
 * Everything a findings report shows, resolved from the capture by the engine
 * (electron/engine/export/findingsReport.ts) and rendered here as HTML and as Markdown by pure
 * functions. All strings are raw (possibly hostile) text; the renderers escape them.
 */

export interface ReportChart {
  title: string;
  /** Why the chart has no data, when it has none to draw ("none under this filter"): said instead of a flat chart and a total of 0. */
  absent?: string;
  /** Values per equal slice of [from, to]. */
  series: number[];
  total: number;
  /** Nanoseconds since the epoch, decimal strings. */
  from: string;
  to: string;
}

export interface ReportCapture {
  fileName: string;
  /** How the commands name the capture (the path the report was made from). */
  commandPath: string;
  sizeBytes: number;
  sha256: string;
  hostname: string;
  numCpus: number;
  events: number;
  firstTs: string;
  lastTs: string;
}

export interface ReportStep {
  title: string;
  viewId: string;
  viewName: string;
  /** The drill-down path: each level's view and what was selected to get there. */
  trail: Array<{ viewName: string; selection?: string; keyField?: string }>;
  filter: string;
  window?: { from: string; to: string };
  note: string;
  /** Why the step cannot be reproduced as recorded (an unknown view, a filter that does not parse, a window that ends before it starts). */
  problem?: string;
  charts: ReportChart[];
  commands: string[];
}

export interface ReportEvidence {
  kind: 'event' | 'row' | 'stream';
  heading: string;
  note: string;
  /** Key facts (field → value), in order. */
  facts: Array<[string, string]>;
  /** A table (a view row in context). */
  table?: { columns: string[]; rows: string[][] };
  /** A verbatim excerpt: event lines or stream text. */
  excerpt?: { label: string; text: string };
  commands: string[];
  /** Why some of this evidence could not be shown (event not in the capture, ...). */
  problem?: string;
}

export interface ReportModel {
  title: string;
  summary: string;
  /** ISO-8601 time the report was generated. */
  generatedAt: string;
  generator: string;
  capture: ReportCapture;
  steps: ReportStep[];
  evidence: ReportEvidence[];
  subset?: {
    fileName: string; events: number; command: string;
    /** Each kept event's number in the original and in the subset (sysdig numbers a file's events from 1): absent when not known. */
    renumbered?: Array<{ original: number; inSubset: number }>;
  };
  warnings: string[];
}
