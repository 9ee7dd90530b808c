/**
 * Opening and closing captures from the renderer: one store per capture, progress routed to
 * it, the capture info fetched once loading is done, and the URL hash kept in step.
 *
 * The hash and the screen agree both ways. The app writes a new history entry for each place
 * the user goes (another capture, panel or drill-down step) and replaces the entry for any
 * other change (filter, window, pins), so browser Back returns to the previous step. When the
 * hash changes under the app (Back/Forward, an edited #open=…), the app shows what it names:
 * the same capture's state, another capture, or the welcome screen.
 *
 * A capture that cannot be opened, whether refused at once (no such file) or failing while it
 * loads (not a capture, damaged), returns to the welcome screen with the reason: one place for
 * every such error, cleared by the next attempt or by returning from a capture.
 */
import type { Client } from '../api/client';
import { messageOf } from '../api/client';
import type { LoadProgress } from '../../shared/ipc/contract';
import { createCaptureStore, toHashState, type CaptureStore } from './captureStore';
import { useApp } from './appStore';
import { findingsStoreFor } from '../findings/findingsStore';
import { readHash, writeHash, type HashState } from './hashState';

export interface Session {
  /** Opens a capture; `restored` (from the URL) also means the URL already names it. */
  open(path: string, restored?: HashState): Promise<void>;
  close(): Promise<void>;
  cancel(): Promise<void>;
  /** Follows URL hash changes (Back/Forward, an edited hash) until the returned function is called. */
  followLocation(): () => void;
}

/** Whether going from one URL state to another is a step of its own in the browser's history. */
function isNewPlace(from: HashState, to: HashState): boolean {
  return from.open !== to.open || from.panel !== to.panel || JSON.stringify(from.trail) !== JSON.stringify(to.trail);
}

function setUrlHash(hash: string, newEntry: boolean): void {
  if (hash === location.hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (newEntry) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

export function startSession(client: Client): Session {
  const stores = new Map<string, CaptureStore>();
  const early = new Map<string, LoadProgress>();
  let unsubscribeHash: (() => void) | null = null;
  /** The hash as the app last wrote or followed it: a change to anything else came from outside. */
  let knownHash = location.hash;

  client.bridge.onEvent('loadProgress', (p) => {
    const store = stores.get(p.captureId);
    if (!store) { early.set(p.captureId, p); return; }
    apply(store, p);
  });

  function apply(store: CaptureStore, p: LoadProgress): void {
    const s = store.getState();
    if (s.status !== 'loading') return;
    s.setProgress(p);
    if (p.error && /cancel/i.test(p.error)) s.setFailed(p.error, true);
    else if (p.error) void failed(store, p.error);
    else if (p.done) void fetchInfo(store);
  }

  async function fetchInfo(store: CaptureStore): Promise<void> {
    const s = store.getState();
    try {
      s.setReady(await client.call('captureInfo', { captureId: s.captureId }));
    } catch (err) {
      await failed(store, messageOf(err));
    }
  }

  /** A capture that failed to load: back to the welcome screen, which says why. */
  async function failed(store: CaptureStore, message: string): Promise<void> {
    const s = store.getState();
    s.setFailed(message);
    if (useApp.getState().capture !== store) return;
    // Said before the welcome screen comes back, so it finds the path to put back in its box,
    // and the URL is cleared before it too (as close() does): not an entry to come back to, a
    // reload or Back would only fail again.
    useApp.getState().setOpenError({ path: s.path, message });
    writeUrl('', false);
    await release();
  }

  function writeUrl(hash: string, newEntry: boolean): void {
    setUrlHash(hash, newEntry);
    knownHash = location.hash;
  }

  /** Frees the open capture, leaving the URL to the caller. */
  async function release(): Promise<void> {
    const current = useApp.getState().capture;
    if (!current) return;
    unsubscribeHash?.();
    unsubscribeHash = null;
    const { captureId, path } = current.getState();
    // The capture's findings stay for its next opening; what their drawer last said does not (QA 20).
    findingsStoreFor(path).getState().setStatus(null);
    stores.delete(captureId);
    useApp.getState().setCapture(null);
    await client.call('closeCapture', { captureId }).catch(() => undefined);
  }

  async function close(): Promise<void> {
    if (!useApp.getState().capture) return;
    useApp.getState().setNotice(null); // a message about this capture is not the welcome screen's
    useApp.getState().setOpenError(null);
    // Its own history entry, so Back reopens the capture where the user was.
    writeUrl('', true);
    await release();
  }

  async function open(path: string, restored?: HashState): Promise<void> {
    await release();
    useApp.getState().setNotice(null);
    useApp.getState().setOpenError(null);
    let captureId: string;
    try {
      ({ captureId } = await client.call('openCapture', { path }));
    } catch (err) {
      useApp.getState().setOpenError({ path, message: messageOf(err) });
      writeUrl('', false);
      return;
    }
    const store = createCaptureStore(captureId, path, restored);
    stores.set(captureId, store);
    useApp.getState().setCapture(store);
    const last = early.get(captureId);
    early.delete(captureId);
    if (last) apply(store, last);
    const writeState = () => {
      const state = toHashState(store.getState());
      writeUrl(writeHash(state), isNewPlace(readHash(location.hash), state));
    };
    // A capture named by the URL is already its entry; one the user opened is a new one.
    if (restored) writeUrl(writeHash(toHashState(store.getState())), false);
    else writeState();
    unsubscribeHash = store.subscribe(writeState);
  }

  /** Shows what the URL names now, when it changed under the app. */
  function follow(): void {
    if (location.hash === knownHash) return;
    knownHash = location.hash;
    const wanted = readHash(location.hash);
    const current = useApp.getState().capture;
    if (!wanted.open) {
      // Back to the welcome screen: what was said there before the capture is old news.
      if (current) { useApp.getState().setNotice(null); useApp.getState().setOpenError(null); }
      void release();
      return;
    }
    if (current && current.getState().path === wanted.open) current.getState().restore(wanted);
    else void open(wanted.open, wanted);
  }

  function followLocation(): () => void {
    // Back/Forward fire popstate (and hashchange when the hash differs); an edited hash fires both.
    globalThis.addEventListener('popstate', follow);
    globalThis.addEventListener('hashchange', follow);
    return () => {
      globalThis.removeEventListener('popstate', follow);
      globalThis.removeEventListener('hashchange', follow);
    };
  }

  async function cancel(): Promise<void> {
    const current = useApp.getState().capture;
    if (!current) return;
    await client.call('cancelLoad', { captureId: current.getState().captureId }).catch(() => undefined);
    current.getState().setFailed('loading was cancelled', true);
  }

  return { open, close, cancel, followLocation };
}

export function initialHash(): HashState {
  return readHash(location.hash);
}
