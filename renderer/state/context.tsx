/** The open capture's store and the API client, handed down by React context. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Client } from '../api/client';
import type { CaptureState, CaptureStore } from './captureStore';

export const ClientContext = createContext<Client | null>(null);
export const CaptureContext = createContext<CaptureStore | null>(null);

export function useClient(): Client {
  const c = useContext(ClientContext);
  if (!c) throw new Error('no API client');
  return c;
}

export function useCaptureStore(): CaptureStore {
  const s = useContext(CaptureContext);
  if (!s) throw new Error('no open capture');
  return s;
}

export function useCapture<T>(selector: (s: CaptureState) => T): T {
  return useStore(useCaptureStore(), selector);
}
