/**
 * Which events of a capture a filter selects, as the subset writer wants them: the stream
 * offsets of the matching events, ascending, in one Float64Array (no object per event).
 * The filter sees each event with the state the inspector rebuilt up to it, as sysdig would.
 */
import { readCapture } from '../capture';
import { Inspector } from '../inspector/inspector';
import type { EventContext } from '../inspector/eventContext';
import { compileFilter } from '../filter/compile';
import { fieldResolver } from '../fields/registry';
import type { EventSelection } from './subsetWriter';

export async function selectEvents(path: string, filter: string, fromNs?: bigint, toNs?: bigint, signal?: AbortSignal): Promise<EventSelection> {
  const compiled = compileFilter<EventContext>(filter, fieldResolver);
  if (!compiled.ok) throw new Error(`bad filter: ${compiled.error.message.split('\n')[0]}`);
  const matches = compiled.predicate;
  let offsets = new Float64Array(1 << 12);
  let count = 0;
  const inspector = new Inspector((ctx) => {
    const ts = ctx.ev.ts;
    if ((fromNs !== undefined && ts < fromNs) || (toNs !== undefined && ts > toNs)) return;
    if (!matches(ctx)) return;
    if (count === offsets.length) { const next = new Float64Array(count * 2); next.set(offsets); offsets = next; }
    offsets[count++] = ctx.ev.fileOffset;
  }, { all: true });
  await readCapture(path, inspector, { layout: 'file', signal });
  return { offsets, count };
}
