// Keyboard use of the Findings drawer (QA 16 R13): opening it left the focus on <body>, its first
// field 44 Tabs away, and Esc did not close it.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, type Mounted } from '../testing/mount';
import { FindingsPanel, FindingsToggle } from './FindingsPanel';
import { findingsStoreFor } from './findingsStore';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

async function drawer(path: string): Promise<Mounted> {
  const m = await mount(<><FindingsToggle /><FindingsPanel /></>, fakeClient({}), createCaptureStore('c', path));
  await settle();
  return m;
}
const toggle = (m: Mounted) => m.container.querySelector<HTMLButtonElement>('button.findings-toggle');
const panel = (m: Mounted) => m.container.querySelector('aside[aria-label=Findings]');

describe('the Findings drawer and the keyboard', () => {
  it('takes the focus when it opens, and gives it back to the Findings button on Esc', async () => {
    mounted = await drawer('/x/findings-focus-esc.scap');
    await click(toggle(mounted)!);
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Report title');
    await press(document.activeElement!, 'Escape');
    await settle();
    expect(panel(mounted)).toBeNull();
    expect(document.activeElement).toBe(toggle(mounted));
  });

  it('gives the focus back to the Findings button on Close', async () => {
    mounted = await drawer('/x/findings-focus-close.scap');
    await click(toggle(mounted)!);
    await settle();
    await click(mounted.container.querySelector('button[aria-label="Close findings"]')!);
    await settle();
    expect(panel(mounted)).toBeNull();
    expect(document.activeElement).toBe(toggle(mounted));
  });

  it('the Findings button names both counts, steps and bookmarks (QA 20: "Findings (2)" with 5 steps and 2 bookmarks)', async () => {
    const path = '/x/findings-toggle-counts.scap';
    mounted = await drawer(path);
    expect(toggle(mounted)!.textContent).toBe('Findings');
    const f = findingsStoreFor(path).getState();
    for (const viewId of ['procs', 'files']) f.recordStep({ title: viewId, viewId, trail: [], filter: '', tiles: [], note: '' });
    await settle();
    expect(toggle(mounted)!.textContent).toBe('Findings (2 steps)');
    f.bookmark({ kind: 'event', evtNum: 344, note: '' });
    await settle();
    expect(toggle(mounted)!.textContent).toBe('Findings (2 steps, 1 ☆)');
    expect(toggle(mounted)!.getAttribute('aria-label')).toBe('Findings (2 steps, 1 bookmarked)');
  });
});
