/**
 * The investigator's findings for one capture: the steps recorded, the bookmarked evidence
 * (events, view rows, stream operations) with a note on each, a title and a summary. Kept per
 * capture path in localStorage so they survive a reload; "Export findings" sends them to the
 * engine, which writes the report. Other panels bookmark through `bookmark()`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bookmark, Findings, InvestigationStep } from '../../shared/findings/schema';
import { checkFindings, emptyFindings } from '../../shared/findings/schema';

export interface FindingsState {
  findings: Findings;
  panelOpen: boolean;
  /** The drawer was closed by the user (Close, Esc): the header's Findings button takes the focus back. */
  focusToggle: boolean;
  /** Opens or closes the drawer; closing with `returnFocus` gives the focus back to the Findings button. */
  setPanelOpen(open: boolean, returnFocus?: boolean): void;
  toggleFocused(): void;
  /** The drawer's status line: what the last action did (bookmarking from any panel says it here too). */
  status: FindingsStatus | null;
  setStatus(status: FindingsStatus | null): void;
  setTitle(title: string): void;
  setSummary(summary: string): void;
  setIncludeSubset(on: boolean): void;
  /**
   * Adds a bookmark (the same evidence twice is kept once). It records no step: only a
   * bookmark was asked for, and steps are recorded with "Record this step" (QA 14 B).
   * Says whether it was added, and the bookmark's place in the list (0-based), so a duplicate is
   * not reported as "Bookmarked" (QA 16 F2).
   */
  bookmark(b: Bookmark): { added: boolean; index: number };
  setBookmarkNote(index: number, note: string): void;
  removeBookmark(index: number): void;
  /**
   * Adds the step unless the same step is recorded already. Says which it was, and the step's
   * place in the list (0-based): "Step recorded." for a duplicate misled (QA 15).
   */
  recordStep(step: InvestigationStep): { added: boolean; index: number };
  setStepNote(index: number, note: string): void;
  removeStep(index: number): void;
  clear(): void;
}

export type FindingsStore = StoreApi<FindingsState>;
export interface FindingsStatus { text: string; error?: boolean }

const storageKey = (path: string) => `syscope.findings:${path}`;

function load(path: string, fileName: string): Findings {
  try {
    const text = globalThis.localStorage?.getItem(storageKey(path));
    if (text) {
      const r = checkFindings(JSON.parse(text));
      if (r.ok) return r.findings;
    }
  } catch { /* unreadable entry: start afresh */ }
  return emptyFindings(fileName);
}

export function sameEvidence(a: Bookmark, b: Bookmark): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'row' && b.kind === 'row') return a.viewId === b.viewId && a.key === b.key && a.filter === b.filter && JSON.stringify(a.window) === JSON.stringify(b.window);
  return (a as { evtNum: number }).evtNum === (b as { evtNum: number }).evtNum;
}

/** The same place: a followed stream is a step apart from the list it was followed from. */
function sameStep(a: InvestigationStep, b: InvestigationStep): boolean {
  return a.viewId === b.viewId && a.filter === b.filter && a.follow === b.follow && a.mode === b.mode && JSON.stringify(a.trail) === JSON.stringify(b.trail)
    && JSON.stringify(a.window) === JSON.stringify(b.window) && JSON.stringify(a.tiles) === JSON.stringify(b.tiles);
}

const stores = new Map<string, FindingsStore>();

export function findingsStoreFor(path: string): FindingsStore {
  let s = stores.get(path);
  if (s) return s;
  const fileName = path.split(/[\\/]/).pop() ?? path;
  s = createStore<FindingsState>()((set, get) => {
    const update = (f: Partial<Findings>) => set({ findings: { ...get().findings, ...f } });
    return {
      findings: load(path, fileName),
      panelOpen: false,
      focusToggle: false,
      setPanelOpen: (panelOpen, returnFocus = false) => set({ panelOpen, focusToggle: !panelOpen && returnFocus }),
      toggleFocused: () => set({ focusToggle: false }),
      status: null,
      setStatus: (status) => set({ status }),
      setTitle: (title) => update({ title }),
      setSummary: (summary) => update({ summary }),
      setIncludeSubset: (includeSubset) => update({ includeSubset }),
      bookmark: (b) => {
        const f = get().findings;
        const known = f.bookmarks.findIndex((x) => sameEvidence(x, b));
        if (known >= 0) return { added: false, index: known };
        update({ bookmarks: [...f.bookmarks, b] });
        return { added: true, index: f.bookmarks.length };
      },
      setBookmarkNote: (i, note) => update({ bookmarks: get().findings.bookmarks.map((b, j) => (j === i ? { ...b, note } : b)) }),
      removeBookmark: (i) => update({ bookmarks: get().findings.bookmarks.filter((_, j) => j !== i) }),
      recordStep: (step) => {
        const f = get().findings;
        const known = f.steps.findIndex((s2) => sameStep(s2, step));
        if (known >= 0) return { added: false, index: known };
        update({ steps: [...f.steps, step] });
        return { added: true, index: f.steps.length };
      },
      setStepNote: (i, note) => update({ steps: get().findings.steps.map((s2, j) => (j === i ? { ...s2, note } : s2)) }),
      removeStep: (i) => update({ steps: get().findings.steps.filter((_, j) => j !== i) }),
      clear: () => set({ findings: emptyFindings(fileName) }),
    };
  });
  s.subscribe((state, prev) => {
    if (state.findings === prev.findings) return;
    try { globalThis.localStorage?.setItem(storageKey(path), JSON.stringify(state.findings)); } catch { /* storage full or private mode: kept in memory only */ }
  });
  stores.set(path, s);
  return s;
}

/** For the events and streams panels: bookmark evidence in the open capture's findings. */
export function bookmarkEvidence(path: string, b: Bookmark): void {
  findingsStoreFor(path).getState().bookmark(b);
}
