/**
 * --from/--to as every command reads them (one rule, QA 17: only write took offsets): a time
 * parseTime reads, or an offset from the capture's first event (60s, 1500ms), measured from the
 * same first event as `write` measures it. Both ends are included; one before the other is a
 * usage error.
 */
import { parseTimeOrOffset, UsageError, windowProblem } from '../engine/evidence/commandLine';
import { firstEventTimestamp } from '../engine/writer/blockStream';
import { requireCaptureFile } from './inputFile';

export async function timeBounds(capture: string, from: string | undefined, to: string | undefined,
  names: { from: string; to: string } = { from: 'from', to: 'to' }): Promise<{ from?: bigint; to?: bigint }> {
  // Both read before the capture is opened: a mistyped time is a usage error, whatever the file.
  const f = from === undefined ? undefined : parseTimeOrOffset(from, names.from);
  const t = to === undefined ? undefined : parseTimeOrOffset(to, names.to);
  let origin = 0n;
  if (f?.offset || t?.offset) {
    requireCaptureFile(capture);
    const first = await firstEventTimestamp(capture);
    if (first === null) throw new UsageError(`${capture} has no timed events to measure an offset from`);
    origin = first;
  }
  const bounds = { from: f && (f.offset ? origin + f.ns : f.ns), to: t && (t.offset ? origin + t.ns : t.ns) };
  const problem = windowProblem(bounds.from, bounds.to, names.from, names.to);
  if (problem !== undefined) throw new UsageError(problem);
  return bounds;
}
