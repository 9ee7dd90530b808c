/** What the user is looking at now, as an investigation step of the findings. */
import type { InvestigationStep } from '../../shared/findings/schema';
import { findView } from '../../shared/views/catalog';
import { effectiveFilter, type CaptureState } from '../state/captureStore';

const panelTitles: Record<string, string> = { events: 'Events', streams: 'I/O streams', tree: 'Process tree' };

export function currentStep(s: Pick<CaptureState, 'panel' | 'trail' | 'filter' | 'window' | 'pinned'> & { follow?: string }): InvestigationStep {
  if (s.panel === 'overview') {
    return { title: 'Overview', viewId: 'overview', trail: [], filter: s.filter, window: s.window, tiles: [...s.pinned], note: '' };
  }
  const panel = s.panel as string;
  if (panel in panelTitles) {
    // The panels read the events of the current drill-down step, under the user's filter.
    const filter = effectiveFilter(s.filter, s.trail[s.trail.length - 1]) ?? '';
    const follow = panel === 'streams' ? s.follow : undefined;
    return { title: follow ? `${panelTitles[panel]}: ${follow}` : panelTitles[panel], viewId: panel, trail: [], filter, window: s.window, tiles: [...s.pinned], note: '', ...(follow ? { follow } : {}) };
  }
  const last = s.trail[s.trail.length - 1];
  const viewId = last?.viewId ?? 'procs';
  const selections = s.trail.map((t) => t.selection).filter(Boolean);
  const name = findView(viewId)?.name ?? viewId;
  return {
    title: selections.length ? `${name} of ${selections[selections.length - 1]}` : name,
    viewId, trail: s.trail.map((t) => ({ ...t })), filter: s.filter, window: s.window, tiles: [...s.pinned], note: '',
  };
}
