/**
 * The capture writer's public surface for the rest of the engine (API, CLI): write a subset of
 * a capture — a time window, a filter, or both — and the building blocks for new captures.
 */
import { writeSubset, type SubsetSummary } from './subsetWriter';
import { selectEvents } from './selectEvents';

export { CaptureWriter, type CaptureWriterOptions } from './captureWriter';
export { writeSubset, type SubsetOptions, type SubsetSummary, type EventSelection } from './subsetWriter';
export { selectEvents } from './selectEvents';

export interface ExportRequest {
  /** Inclusive window in epoch nanoseconds. */
  fromNs?: bigint;
  toNs?: bigint;
  /** A sysdig filter; only matching events are shown by the new capture. */
  filter?: string;
  gzip?: boolean;
  signal?: AbortSignal;
  onProgress?(bytesRead: number, totalBytes: number): void;
}

/** Writes `input`'s window/filter subset to `output` (a bad filter rejects with a one-line Error). */
export async function exportSubset(input: string, output: string, req: ExportRequest): Promise<SubsetSummary> {
  const filter = req.filter?.trim();
  const selection = filter ? await selectEvents(input, filter, req.fromNs, req.toNs, req.signal) : undefined;
  return writeSubset(input, output, { fromNs: req.fromNs, toNs: req.toNs, selection, gzip: req.gzip, signal: req.signal, onProgress: req.onProgress });
}
