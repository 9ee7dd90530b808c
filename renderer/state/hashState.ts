/**
 * What survives a reload lives in the URL hash: the capture to open, the drill-down trail
 * (view + filter per step), the time window, the user's filter and the pinned timelines.
 * Reading is forgiving: anything malformed is dropped, never thrown.
 */
import type { DrillStep } from '../../shared/views/drilldown';
import type { TimeWindow } from '../../shared/ipc/contract';
import { streamModes, type StreamMode } from '../../shared/streams/render';

export interface HashState {
  open?: string;
  trail: DrillStep[];
  window?: TimeWindow;
  filter: string;
  pinned: string[];
  /** Which panel is showing. */
  panel: Panel;
  /** The I/O stream followed in the streams panel (`pid:fd`, `pid:fd#n` or an fd name). */
  follow?: string;
  /** How stream payloads are shown. */
  mode?: StreamMode;
}

export const panels = ['overview', 'views', 'events', 'streams', 'tree'] as const;
export type Panel = (typeof panels)[number];

export const emptyHashState: HashState = { trail: [], filter: '', pinned: [], panel: 'overview' };

function parseTrail(text: string | null): DrillStep[] {
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (!Array.isArray(data)) return [];
    return data.flatMap((s): DrillStep[] => {
      if (!s || typeof s !== 'object') return [];
      const { viewId, filter, keyField, selection, opened } = s as Record<string, unknown>;
      if (typeof viewId !== 'string' || typeof filter !== 'string') return [];
      const step: DrillStep & { opened?: string } = { viewId, filter };
      if (typeof keyField === 'string') step.keyField = keyField;
      if (typeof selection === 'string') step.selection = selection;
      // A tile's drill to its events or I/O (captureStore's TileEvidenceStep).
      if (opened === 'events' || opened === 'streams') step.opened = opened;
      return [step];
    });
  } catch {
    return [];
  }
}

export function readHash(hash: string): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const from = p.get('from');
  const to = p.get('to');
  const decimal = /^\d{1,20}$/;
  const state: HashState = {
    trail: parseTrail(p.get('trail')),
    filter: p.get('filter') ?? '',
    pinned: (p.get('pin') ?? '').split(',').filter(Boolean),
    panel: (panels as readonly string[]).includes(p.get('panel') ?? '') ? (p.get('panel') as Panel) : 'overview',
  };
  const follow = p.get('follow');
  if (follow) state.follow = follow;
  const mode = p.get('mode');
  if (mode && (streamModes as readonly string[]).includes(mode)) state.mode = mode as StreamMode;
  const open = p.get('open');
  if (open) state.open = open;
  if (from && to && decimal.test(from) && decimal.test(to) && BigInt(from) <= BigInt(to)) state.window = { from, to };
  return state;
}

export function writeHash(state: HashState): string {
  const p = new URLSearchParams();
  if (state.open) p.set('open', state.open);
  if (state.panel !== 'overview') p.set('panel', state.panel);
  if (state.trail.length) p.set('trail', JSON.stringify(state.trail));
  if (state.window) { p.set('from', state.window.from); p.set('to', state.window.to); }
  if (state.filter) p.set('filter', state.filter);
  if (state.pinned.length) p.set('pin', state.pinned.join(','));
  if (state.follow) p.set('follow', state.follow);
  if (state.mode) p.set('mode', state.mode);
  const s = p.toString();
  return s ? `#${s}` : '';
}
