/**
 * One store per open capture: what is loading, what the user is looking at (panel, drill-down
 * trail, time window, filter, sort, pinned timelines). Rows and tile data are not kept here;
 * panels fetch them for the current state and drop them when it changes.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaptureInfo, LoadProgress, SortSpec, TimeWindow } from '../../shared/ipc/contract';
import { drillDown, startTrail, switchView, walkBack, type DrillStep } from '../../shared/views/drilldown';
import type { HashState, Panel } from './hashState';
import type { StreamMode } from '../../shared/streams/render';

export interface CaptureState {
  captureId: string;
  path: string;
  status: 'loading' | 'ready' | 'failed' | 'cancelled';
  progress: LoadProgress | null;
  info: CaptureInfo | null;
  error: string | null;
  panel: Panel;
  /** The I/O stream followed in the streams panel, if any. */
  follow: string | undefined;
  streamMode: StreamMode;
  /** The user's filter as applied (the box may hold an unapplied edit). */
  filter: string;
  window: TimeWindow | undefined;
  trail: DrillStep[];
  sort: SortSpec | undefined;
  pinned: string[];
  /** Selected row of the current table (index in sorted order). */
  selectedRow: number;

  setProgress(p: LoadProgress): void;
  setReady(info: CaptureInfo): void;
  setFailed(message: string, cancelled?: boolean): void;
  showOverview(): void;
  showPanel(panel: Panel): void;
  setFollow(follow: string | undefined): void;
  setStreamMode(mode: StreamMode): void;
  openView(viewId: string, filter?: string, label?: string): void;
  /** Drills on a row; `panel` shows the new step's events or I/O instead of its table. */
  drillRow(key: string, panel?: Panel): void;
  walkBack(index: number): void;
  switchView(viewId: string): void;
  setFilter(filter: string): void;
  setWindow(window: TimeWindow | undefined): void;
  setSort(sort: SortSpec | undefined): void;
  togglePin(tileId: string): void;
  selectRow(index: number): void;
  /** One step back: the previous drill-down step, or the overview from the first view. */
  goBack(): void;
}

export type CaptureStore = StoreApi<CaptureState>;

export const defaultViewId = 'procs';

export function createCaptureStore(captureId: string, path: string, restored?: HashState): CaptureStore {
  return createStore<CaptureState>()((set, get) => ({
    captureId,
    path,
    status: 'loading',
    progress: null,
    info: null,
    error: null,
    panel: restored?.panel ?? 'overview',
    follow: restored?.follow,
    streamMode: restored?.mode ?? 'dotted',
    filter: restored?.filter ?? '',
    window: restored?.window,
    trail: restored?.trail.length ? restored.trail : startTrail(defaultViewId),
    sort: undefined,
    pinned: restored?.pinned ?? [],
    selectedRow: 0,

    setProgress: (progress) => set({ progress }),
    setReady: (info) => set({ info, status: 'ready', error: null }),
    setFailed: (message, cancelled = false) => set({ status: cancelled ? 'cancelled' : 'failed', error: message }),
    showOverview: () => set({ panel: 'overview' }),
    showPanel: (panel) => set({ panel }),
    setFollow: (follow) => set({ follow, panel: 'streams' }),
    setStreamMode: (streamMode) => set({ streamMode }),
    openView: (viewId, filter = '', label) => set({
      panel: 'views', sort: undefined, selectedRow: 0,
      trail: filter ? [{ viewId, filter, keyField: label ? 'tile' : undefined, selection: label }] : startTrail(viewId),
    }),
    drillRow: (key, panel = 'views') => {
      const trail = drillDown(get().trail, key);
      set({ trail, sort: undefined, selectedRow: 0, panel, follow: undefined });
    },
    walkBack: (index) => set({ trail: walkBack(get().trail, index), sort: undefined, selectedRow: 0, panel: 'views' }),
    switchView: (viewId) => set({ trail: switchView(get().trail, viewId), sort: undefined, selectedRow: 0, panel: 'views' }),
    setFilter: (filter) => set({ filter, selectedRow: 0 }),
    setWindow: (window) => set({ window, selectedRow: 0 }),
    setSort: (sort) => set({ sort, selectedRow: 0 }),
    togglePin: (tileId) => {
      const pinned = get().pinned;
      set({ pinned: pinned.includes(tileId) ? pinned.filter((p) => p !== tileId) : [...pinned, tileId] });
    },
    selectRow: (selectedRow) => set({ selectedRow }),
    goBack: () => {
      const { trail, panel } = get();
      if (panel === 'events' || panel === 'streams' || panel === 'tree') { set({ panel: 'views' }); return; }
      if (panel !== 'views') return;
      if (trail.length > 1) set({ trail: walkBack(trail, trail.length - 2), sort: undefined, selectedRow: 0 });
      else set({ panel: 'overview' });
    },
  }));
}

/** The filter the engine gets for the current step: the user's filter and the drill filter. */
export function effectiveFilter(userFilter: string, step: DrillStep | undefined): string | undefined {
  const parts = [userFilter.trim(), step?.filter.trim() ?? ''].filter(Boolean);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' and ');
}

export function toHashState(s: CaptureState): HashState {
  return {
    open: s.path, panel: s.panel, trail: s.trail, window: s.window, filter: s.filter, pinned: s.pinned,
    follow: s.follow, mode: s.streamMode === 'dotted' ? undefined : s.streamMode,
  };
}
