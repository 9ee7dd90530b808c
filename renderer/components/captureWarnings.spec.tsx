// The capture's warnings in the header: a button that opens a readable list, by click or by
// keyboard, with the warning that says where reading stopped first (QA 14 B).
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureInfo } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, type Mounted } from '../testing/mount';
import { CaptureIdentity } from './CaptureIdentity';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const skipped = 'event block at offset 812 is malformed (bad params); the rest of that block was skipped';
const stopped = 'event block at offset 90120 says it is 4096 bytes long but its trailer says 12; the rest of the capture was not read';

async function header(warnings: string[]) {
  const info: CaptureInfo = {
    captureId: 'c', path: '/x/corrupt.scap', fileName: 'corrupt.scap', sizeBytes: 100000, events: 500,
    firstTs: '1710236469054624549', lastTs: '1710236479054624549', hostname: 'h', numCpus: 2, warnings,
  };
  const store = createCaptureStore('c', info.path);
  store.getState().setReady(info);
  mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => ({ fields: ['evt.num'], events: [], next: null }) }), store);
  await settle();
  return mounted.container;
}

describe('the capture warnings in the header', () => {
  it('count a gzip break once, without the cut-off it causes', async () => {
    const cut = 'capture is cut off at byte 4990, inside an EV block; the 12 events before it were read';
    const gzip = 'the gzip stream ends early or is damaged after 5000 decompressed bytes (unexpected end of file); the events before it were read';
    const root = await header([cut, gzip]);
    const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('warning'));
    expect(toggle!.textContent).toContain('1 warning ');
    await click(toggle!);
    expect([...root.querySelectorAll('[role=dialog] li')].map((li) => li.textContent)).toEqual([gzip]);
  });

  it('are a button that opens the list on click, where reading stopped first', async () => {
    const root = await header([skipped, skipped, stopped]);
    const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('3 warnings'));
    expect(toggle).toBeDefined();
    expect(toggle!.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    await click(toggle!);
    const items = [...root.querySelectorAll('[role=dialog] li')].map((li) => li.textContent);
    expect(items).toEqual([stopped, skipped, skipped]);
    expect(toggle!.getAttribute('aria-expanded')).toBe('true');
  });

  it('the list takes the focus when opened and Esc closes it, giving the focus back to the button', async () => {
    const root = await header([stopped]);
    const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('1 warning'))!;
    toggle.focus();
    await click(toggle);
    const dialog = root.querySelector<HTMLElement>('[role=dialog]')!;
    expect(document.activeElement).toBe(dialog);
    await press(dialog, 'Escape');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('Esc still closes the list once Tab has taken the focus out of it, and leaves the focus where it went', async () => {
    const root = await header([stopped]);
    const toggle = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('1 warning'))!;
    await click(toggle);
    const elsewhere = [...root.querySelectorAll('button')].find((b) => b !== toggle && !b.closest('[role=dialog]'))!;
    elsewhere.focus();
    expect(root.querySelector('[role=dialog]')).not.toBeNull();
    await press(elsewhere, 'Escape');
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(elsewhere);
  });

  it('a capture without warnings shows no such button', async () => {
    const root = await header([]);
    expect(root.textContent).not.toContain('warning');
  });
});
