/** What the user is looking at now, as an investigation step of the findings. */
import type { InvestigationStep } from '../../shared/findings/schema';
import { findView } from '../../shared/views/catalog';
import type { CaptureState } from '../state/captureStore';

export function currentStep(s: Pick<CaptureState, 'panel' | 'trail' | 'filter' | 'window' | 'pinned'>): InvestigationStep {
  if (s.panel === 'overview') {
    return { title: 'Overview', viewId: 'overview', trail: [], filter: s.filter, window: s.window, tiles: [...s.pinned], note: '' };
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
