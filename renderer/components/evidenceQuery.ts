/**
 * What the evidence panels (events, streams, tree) look at: the user's filter and the current
 * drill-down step's filter, like Sysdig Inspect's "dig" and "echo" on a selection, within the
 * time window. Selected piece by piece so the store hands back stable values (a fresh object
 * from a selector would re-render forever).
 */
import type { TimeWindow } from '../../shared/ipc/contract';
import { effectiveFilter } from '../state/captureStore';
import { useCapture } from '../state/context';

export interface EvidenceScope { filter: string | undefined; window: TimeWindow | undefined; key: string }

export function useEvidenceScope(): EvidenceScope {
  const captureId = useCapture((s) => s.captureId);
  const filter = useCapture((s) => effectiveFilter(s.filter, s.trail[s.trail.length - 1]));
  const window = useCapture((s) => s.window);
  return { filter, window, key: JSON.stringify([captureId, filter, window]) };
}
