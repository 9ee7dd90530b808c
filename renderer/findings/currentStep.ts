/**
 * What the user is looking at now, as an investigation step of the findings. The step's title
 * says what the user did in their words (the view or tab, what was drilled into, the tiles
 * pinned, the stream followed and how it was shown); its filter stays the exact statement, as
 * the detail and for the reproducing commands.
 */
import type { InvestigationStep } from '../../shared/findings/schema';
import { findView } from '../../shared/views/catalog';
import { tileDefinition } from '../../shared/tiles/definitions';
import type { StreamMode } from '../../shared/streams/render';
import { effectiveFilter, type CaptureState } from '../state/captureStore';
import { selectionLabel, stepTile } from '../util/scopeLabel';
import type { DrillStep } from '../../shared/views/drilldown';

const panelTitles: Record<string, string> = { events: 'Events', streams: 'I/O streams', tree: 'Process tree' };
const modeNames: Record<StreamMode, string> = { dotted: 'dotted', printable: 'printable', hex: 'hex', json: 'JSON', text: 'text' };
/** The schema's bound on a title; a long file name or key is cut, the filter keeps it whole. */
const titleMax = 500;

type StepSource = Pick<CaptureState, 'panel' | 'trail' | 'filter' | 'window' | 'pinned'> & { follow?: string; streamMode?: StreamMode };

export function currentStep(s: StepSource): InvestigationStep {
  const filtered = s.filter.trim() ? ' (filtered)' : '';
  if (s.panel === 'overview') {
    const tiles = s.pinned.map((id) => tileDefinition(id)?.title ?? id);
    const title = `Overview${tiles.length ? `: ${tiles.join(', ')} over time` : ''}${filtered}`;
    return { title: clip(title), viewId: 'overview', trail: [], filter: s.filter, window: s.window, tiles: [...s.pinned], note: '' };
  }
  const panel = s.panel as string;
  const last = s.trail[s.trail.length - 1];
  const scope = scopeWords(last);
  if (panel in panelTitles) {
    // The panels read the events of the current drill-down step, under the user's filter.
    const filter = effectiveFilter(s.filter, last) ?? '';
    const follow = panel === 'streams' ? s.follow : undefined;
    const mode = panel === 'streams' && s.streamMode && s.streamMode !== 'dotted' ? `, in ${modeNames[s.streamMode]}` : '';
    const title = `${panelTitles[panel]}${scope}${follow ? `, following ${follow}` : ''}${mode}${filtered}`;
    return {
      title: clip(title), viewId: panel, trail: [], filter, window: s.window, tiles: [...s.pinned], note: '',
      ...(follow ? { follow } : {}), ...(mode ? { mode: s.streamMode } : {}),
    };
  }
  const viewId = last?.viewId ?? 'procs';
  const name = findView(viewId)?.name ?? viewId;
  return {
    title: clip(`${name}${scope}${filtered}`),
    viewId, trail: s.trail.map((t) => ({ ...t })), filter: s.filter, window: s.window, tiles: [...s.pinned], note: '',
  };
}

/** " from the Container Deaths tile", " of container 44136c54b079", or '' for the whole capture. */
function scopeWords(step: DrillStep | undefined): string {
  const tile = stepTile(step);
  if (tile !== undefined) return ` from the ${tile} tile`;
  const label = selectionLabel(step);
  return label ? ` of ${label}` : '';
}

function clip(title: string): string {
  return title.length <= titleMax ? title : `${title.slice(0, titleMax - 1)}…`;
}
