/**
 * Opening and closing captures from the renderer: one store per capture, progress routed to
 * it, the capture info fetched once loading is done, and the URL hash kept in step.
 */
import type { Client } from '../api/client';
import { messageOf } from '../api/client';
import type { LoadProgress } from '../../shared/ipc/contract';
import { createCaptureStore, toHashState, type CaptureStore } from './captureStore';
import { useApp } from './appStore';
import { readHash, writeHash, type HashState } from './hashState';

export function startSession(client: Client): { open(path: string, restored?: HashState): Promise<void>; close(): Promise<void>; cancel(): Promise<void> } {
  const stores = new Map<string, CaptureStore>();
  const early = new Map<string, LoadProgress>();
  let unsubscribeHash: (() => void) | null = null;

  client.bridge.onEvent('loadProgress', (p) => {
    const store = stores.get(p.captureId);
    if (!store) { early.set(p.captureId, p); return; }
    apply(store, p);
  });

  function apply(store: CaptureStore, p: LoadProgress): void {
    const s = store.getState();
    if (s.status !== 'loading') return;
    s.setProgress(p);
    if (p.error) s.setFailed(p.error, /cancel/i.test(p.error));
    else if (p.done) void fetchInfo(store);
  }

  async function fetchInfo(store: CaptureStore): Promise<void> {
    const s = store.getState();
    try {
      s.setReady(await client.call('captureInfo', { captureId: s.captureId }));
    } catch (err) {
      s.setFailed(messageOf(err));
    }
  }

  async function close(): Promise<void> {
    const current = useApp.getState().capture;
    if (!current) return;
    unsubscribeHash?.();
    unsubscribeHash = null;
    const { captureId } = current.getState();
    stores.delete(captureId);
    useApp.getState().setCapture(null);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    await client.call('closeCapture', { captureId }).catch(() => undefined);
  }

  async function open(path: string, restored?: HashState): Promise<void> {
    await close();
    useApp.getState().setNotice(null);
    let captureId: string;
    try {
      ({ captureId } = await client.call('openCapture', { path }));
    } catch (err) {
      useApp.getState().setNotice(messageOf(err));
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      return;
    }
    const store = createCaptureStore(captureId, path, restored);
    stores.set(captureId, store);
    useApp.getState().setCapture(store);
    const last = early.get(captureId);
    early.delete(captureId);
    if (last) apply(store, last);
    const writeState = () => {
      const hash = writeHash(toHashState(store.getState()));
      if (hash !== location.hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    };
    writeState();
    unsubscribeHash = store.subscribe(writeState);
  }

  async function cancel(): Promise<void> {
    const current = useApp.getState().capture;
    if (!current) return;
    await client.call('cancelLoad', { captureId: current.getState().captureId }).catch(() => undefined);
    current.getState().setFailed('loading was cancelled', true);
  }

  return { open, close, cancel };
}

export function initialHash(): HashState {
  return readHash(location.hash);
}
