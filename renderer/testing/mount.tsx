/** Component-test helpers: render into a detached DOM under the app's contexts, and type like a user. */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Client } from '../api/client';
import type { CaptureStore } from '../state/captureStore';
import { CaptureContext, ClientContext } from '../state/context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted { container: HTMLElement; root: Root; unmount(): void }

export async function mount(ui: ReactElement, client: Client, store: CaptureStore): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <ClientContext.Provider value={client}>
        <CaptureContext.Provider value={store}>{ui}</CaptureContext.Provider>
      </ClientContext.Provider>,
    );
  });
  return { container, root, unmount: () => { act(() => root.unmount()); container.remove(); } };
}

/** Sets an input's value the way typing does, so React's onChange fires. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, value);
    input.setSelectionRange(value.length, value.length);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function press(target: Element, key: string): Promise<void> {
  await act(async () => { target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })); });
}

export async function click(target: Element): Promise<void> {
  await act(async () => { (target as HTMLElement).click(); });
}

/** Lets pending promises (fake API replies) settle and React re-render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}
