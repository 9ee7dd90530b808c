/**
 * One store per open capture: what is loading, what the user is looking at (panel, drill-down
 * trail, time window, filter, sort, pinned timelines). Rows and tile data are not kept here;
 * panels fetch them for the current state and drop them when it changes.
 *
 * Leaving a table (drilling, walking back, switching views or tabs) keeps the sort and the
 * selected row it had, per step, so coming back to it shows the rows as the user left them.
 *
 * The drill-down trail is the scope of every tab (views, events, I/O, processes). When the scope
 * changes, the followed stream and its display mode go with it: they named something in the
 * old scope. showWholeCapture() is the one way back to the whole capture from any depth.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaptureInfo, LoadProgress, SortSpec, TimeWindow } from '../../shared/ipc/contract';
import { drillDown, startTrail, switchView, walkBack, type DrillStep } from '../../shared/views/drilldown';
import type { HashState, Panel } from './hashState';
import type { StreamMode } from '../../shared/streams/render';
import { checkFilter } from '../../shared/filter/validate';

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
  /**
   * A filter from a link or a restored URL that does not parse: shown in the filter box with its
   * error, not applied (applied, it left every tab blank and its error shown twice: QA 16).
   * Cleared by the next filter the user applies.
   */
  filterDraft?: string;
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
  /**
   * Opens what a tile drills to: its table view, or for 'dig' / 'echo' (Sysdig Inspect's event
   * list and I/O streams) the Events or I/O Streams tab scoped to the tile's filter.
   */
  openTile(drillView: string, filter: string, title: string): void;
  /** Drills on a row; `panel` shows the new step's events or I/O instead of its table. */
  drillRow(key: string, panel?: Panel): void;
  walkBack(index: number): void;
  /** Drops the drill-down scope in every tab (and the stream followed in it); keeps the panel. */
  showWholeCapture(): void;
  switchView(viewId: string): void;
  setFilter(filter: string): void;
  setWindow(window: TimeWindow | undefined): void;
  setSort(sort: SortSpec | undefined): void;
  togglePin(tileId: string): void;
  selectRow(index: number): void;
  /** One step back: the previous drill-down step, or the overview from the first view. */
  goBack(): void;
  /** Shows what a URL hash names (browser Back/Forward, an edited hash) for this capture. */
  restore(state: HashState): void;
}

export type CaptureStore = StoreApi<CaptureState>;

export const defaultViewId = 'procs';

/**
 * A tile's drill that opened the Events or I/O Streams tab instead of a table. Its step still
 * names a view (Processes), which the Views tab shows for those events; `opened` tells Back
 * that the user came from the overview and never saw that table.
 */
export interface TileEvidenceStep extends DrillStep { opened: 'events' | 'streams' }

export function isTileEvidence(step: DrillStep | undefined): step is TileEvidenceStep {
  const opened = (step as Partial<TileEvidenceStep> | undefined)?.opened;
  return step?.keyField === 'tile' && (opened === 'events' || opened === 'streams');
}

/** The tab a tile's 'dig' / 'echo' drill shows, or undefined for a table view. */
export function tileEvidenceTab(drillView: string): 'events' | 'streams' | undefined {
  return drillView === 'dig' ? 'events' : drillView === 'echo' ? 'streams' : undefined;
}

/** The events a trail selects: what every tab is scoped to (the view shown does not change it). */
function scopeOf(trail: DrillStep[]): string {
  return trail.at(-1)?.filter ?? '';
}

/** Which table a sort and selection belong to: the steps that lead to it, the user's filter and window. */
function tableKey(s: Pick<CaptureState, 'trail' | 'filter' | 'window'>): string {
  return JSON.stringify([s.trail.map((t) => [t.viewId, t.filter]), s.filter, s.window ?? null]);
}

export function createCaptureStore(captureId: string, path: string, restored?: HashState): CaptureStore {
  const leftAt = new Map<string, { sort: SortSpec | undefined; selectedRow: number }>();
  return createStore<CaptureState>()((set, get) => {
    /** The state for showing `trail`: its table's sort and selection as last left (none when new). */
    function arrive(trail: DrillStep[], other: Partial<CaptureState> = {}): Partial<CaptureState> {
      const now = get();
      leftAt.set(tableKey(now), { sort: now.sort, selectedRow: now.selectedRow });
      const back = leftAt.get(tableKey({ trail, filter: other.filter ?? now.filter, window: 'window' in other ? other.window : now.window }));
      const scopeChanged = scopeOf(trail) !== scopeOf(now.trail);
      const leftScope: Partial<CaptureState> = scopeChanged ? { follow: undefined, streamMode: 'dotted' } : {};
      return { ...leftScope, ...other, trail, sort: back?.sort, selectedRow: back?.selectedRow ?? 0 };
    }
    return {
      captureId,
      path,
      status: 'loading',
      progress: null,
      info: null,
      error: null,
      panel: restored?.panel ?? 'overview',
      follow: restored?.follow,
      streamMode: restored?.mode ?? 'dotted',
      ...restoredFilter(restored?.filter ?? ''),
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
      openView: (viewId, filter = '', label) => set(arrive(
        filter ? [{ viewId, filter, keyField: label ? 'tile' : undefined, selection: label }] : startTrail(viewId), { panel: 'views' })),
      openTile: (drillView, filter, title) => {
        const opened = tileEvidenceTab(drillView);
        if (!opened) { get().openView(drillView, filter, title); return; }
        const step: TileEvidenceStep = { viewId: defaultViewId, filter, keyField: 'tile', selection: title, opened };
        set(arrive([step], { panel: opened, follow: undefined }));
      },
      drillRow: (key, panel = 'views') => set(arrive(drillDown(get().trail, key), { panel, follow: undefined })),
      walkBack: (index) => set(arrive(walkBack(get().trail, index), { panel: 'views' })),
      showWholeCapture: () => set(arrive(startTrail(get().trail[0]?.viewId ?? defaultViewId))),
      switchView: (viewId) => set(arrive(switchView(get().trail, viewId), { panel: 'views' })),
      setFilter: (filter) => set({ filter, filterDraft: undefined, selectedRow: 0 }),
      setWindow: (window) => set({ window, selectedRow: 0 }),
      setSort: (sort) => set({ sort, selectedRow: 0 }),
      togglePin: (tileId) => {
        const pinned = get().pinned;
        set({ pinned: pinned.includes(tileId) ? pinned.filter((p) => p !== tileId) : [...pinned, tileId] });
      },
      selectRow: (selectedRow) => set({ selectedRow }),
      goBack: () => {
        const { trail, panel } = get();
        const opened = trail.length === 1 && isTileEvidence(trail[0]) ? trail[0].opened : undefined;
        // A tile's events or I/O came straight from the overview: Back undoes that drill.
        if (opened && panel === opened) { set(arrive(startTrail(defaultViewId), { panel: 'overview' })); return; }
        if (panel === 'events' || panel === 'streams' || panel === 'tree') { set({ panel: 'views' }); return; }
        if (panel !== 'views') return;
        if (trail.length > 1) set(arrive(walkBack(trail, trail.length - 2)));
        // The overview is the whole capture: the other tabs follow it there.
        else set(arrive(startTrail(trail[0]?.viewId ?? defaultViewId), { panel: 'overview' }));
      },
      restore: (h) => set(arrive(h.trail.length ? h.trail : startTrail(defaultViewId), {
        panel: h.panel, window: h.window, ...restoredFilter(h.filter), pinned: h.pinned, follow: h.follow, streamMode: h.mode ?? 'dotted',
      })),
    };
  });
}

/** A restored filter, applied if it parses, else left in the box only (see `filterDraft`). */
function restoredFilter(filter: string): Pick<CaptureState, 'filter' | 'filterDraft'> {
  if (!filter.trim() || checkFilter(filter).ok) return { filter, filterDraft: undefined };
  return { filter: '', filterDraft: filter };
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
