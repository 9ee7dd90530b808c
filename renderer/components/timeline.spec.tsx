// The timeline's legend in a DOM against a fake bridge: a pinned tile is named by its title,
// also when the user's filter leaves it without data.
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import type { CaptureInfo, TileValue } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, typeInto, type Mounted } from '../testing/mount';
import { Timeline } from './Timeline';
import { CaptureIdentity } from './CaptureIdentity';
import { shortcuts } from '../keyboard';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const info: CaptureInfo = {
  captureId: 'c', path: '/x.scap', fileName: 'x.scap', sizeBytes: 10, events: 3,
  firstTs: '1710236467250001000', lastTs: '1710236805000000000', hostname: 'h', numCpus: 1, warnings: [],
};

const deaths: TileValue = { id: 'infra.containers.died', category: 'infrastructure', title: 'Container Deaths', total: 5, max: 1, series: [0, 1] };
const syscalls: TileValue = { id: 'syscalls', category: 'general', title: 'System Calls', total: 9, max: 4, series: [4, 5] };

/** Tiles as the engine answers them: a filter that matches no container death drops that tile. */
function tilesUnder(req: { filter?: string }): TileValue[] {
  return req.filter ? [syscalls] : [syscalls, deaths];
}

function legends(root: HTMLElement): string[] {
  return [...root.querySelectorAll('.timeline-head .legend')].map((b) => b.textContent ?? '');
}

describe('Timeline legend', () => {
  it('names a pinned tile by its title, and says when the filter leaves it no data', async () => {
    const store = createCaptureStore('c', '/x.scap', { trail: [], filter: 'evt.type=sendto', pinned: ['infra.containers.died'], panel: 'overview' });
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    expect(legends(mounted.container)).toEqual(['Container Deaths: none under this filter ×']);
    expect(mounted.container.textContent).not.toContain('infra.containers.died');

    await act(async () => { store.getState().setFilter(''); });
    await settle();
    expect(legends(mounted.container)[0]).toMatch(/^Container Deaths: 5/);
  });

  it('with a window set, gives a pinned tile its total in the window beside the whole capture\'s, which the line draws (QA 20: 5 beside the tile\'s 4)', async () => {
    const store = createCaptureStore('c', '/x.scap', { trail: [], filter: '', pinned: ['infra.containers.died'], panel: 'overview' });
    store.getState().setReady(info);
    const tiles = (req: { window?: unknown }) => (req.window ? [syscalls, { ...deaths, total: 4 }] : [syscalls, deaths]);
    mounted = await mount(<Timeline />, fakeClient({ tiles }), store);
    await settle();
    expect(legends(mounted.container)).toEqual(['Container Deaths: 5 ×']);
    await act(async () => { store.getState().setWindow({ from: '1710236467250001000', to: '1710236550000000000' }); });
    await settle();
    expect(legends(mounted.container)).toEqual(['Container Deaths: 4 in the window, 5 in all ×']);
  });

  it('says over the chart that a pinned tile has nothing under the filter, instead of a blank chart (QA H79)', async () => {
    const store = createCaptureStore('c', '/x.scap', { trail: [], filter: 'fd.port=53', pinned: ['infra.containers.died'], panel: 'overview' });
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    const status = () => mounted!.container.querySelector('.timeline-empty[role=status]')?.textContent ?? null;
    expect(status()).toBe('No Container Deaths under this filter: nothing to draw.');
    expect(mounted.container.querySelectorAll('svg path.series')).toHaveLength(0);
    // A tile the engine keeps with only zeros draws nothing either.
    await act(async () => { store.getState().togglePin('syscalls'); });
    const zeros = (req: { filter?: string }) => (req.filter ? [{ ...syscalls, total: 0, max: 0, series: [0, 0] }] : [syscalls, deaths]);
    mounted.unmount();
    mounted = await mount(<Timeline />, fakeClient({ tiles: zeros }), store);
    await settle();
    expect(status()).toBe('No System Calls or Container Deaths under this filter: nothing to draw.');
    // With the filter cleared the lines are drawn and nothing is said.
    await act(async () => { store.getState().setFilter(''); });
    await settle();
    expect(status()).toBeNull();
    expect(mounted.container.querySelectorAll('svg path.series')).toHaveLength(2);
  });

  it('says nothing over the chart while one pinned tile draws a line', async () => {
    const store = createCaptureStore('c', '/x.scap', { trail: [], filter: 'fd.port=53', pinned: ['infra.containers.died', 'syscalls'], panel: 'overview' });
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    expect(mounted.container.querySelector('.timeline-empty')).toBeNull();
    expect(legends(mounted.container)).toContain('Container Deaths: none under this filter ×');
  });

  it('says a pinned id the capture does not have is not in this capture', async () => {
    const store = createCaptureStore('c', '/x.scap', { trail: [], filter: '', pinned: ['no.such.tile'], panel: 'overview' });
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    expect(legends(mounted.container)).toEqual(['no.such.tile: not in this capture ×']);
  });
});

describe('a capture with no timestamped events (QA 14 A8: header only, cut after 100 bytes)', () => {
  const headerOnly: CaptureInfo = { ...info, events: 0, firstTs: '0', lastTs: '0', hostname: '', numCpus: 0, warnings: ['capture is cut off at byte 28'] };

  it('the timeline says so instead of drawing a 1970 axis', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(headerOnly);
    mounted = await mount(<Timeline />, fakeClient({ tiles: () => [] }), store);
    await settle();
    expect(mounted.container.textContent).toContain('No timestamped events');
    expect(mounted.container.querySelector('svg')).toBeNull();
  });

  it('the header says "no timestamped events", with no 1970 date, no 0 ns span and no 0 CPUs', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(headerOnly);
    mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => ({ fields: ['evt.num'], events: [], next: null }) }), store);
    await settle();
    const header = mounted.container.querySelector('header')!.textContent!;
    expect(header).toContain('no timestamped events');
    expect(header).not.toMatch(/1970|0 ns|0 CPUs/);
  });

  it('a capture with events keeps its date and span', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(info);
    mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => ({ fields: ['evt.num'], events: [], next: null }) }), store);
    await settle();
    const header = mounted.container.querySelector('header')!.textContent!;
    // To the second in the bar (QA 16 R8); the microseconds are in the tooltip.
    expect(header).toContain('2024-03-12 09:41:07 UTC');
    expect(mounted.container.querySelector('header [title*="2024-03-12 09:41:07.250001 UTC"]')).not.toBeNull();
    expect(header).not.toContain('no timestamped events');
  });
});

describe('the time window by keyboard (QA 18 item 5: only a drag on the timeline set it)', () => {
  const fieldsOf = (root: HTMLElement) => [...root.querySelectorAll<HTMLInputElement>('form[aria-label="Time window"] input')];

  it('Set window… opens From and To, filled with the capture\'s span; typed times apply on Enter, Esc closes', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    const open = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Set window…')!;
    await click(open);
    const [from, to] = fieldsOf(mounted.container);
    expect(from.value).toBe('2024-03-12 09:41:07.250001 UTC');
    expect(to.value).toBe('2024-03-12 09:46:45.000000 UTC');
    await typeInto(from, '09:41:30.39');
    await typeInto(to, '60s');
    await act(async () => { from.form!.requestSubmit(); });
    expect(store.getState().window).toEqual({ from: '1710236490390000000', to: (BigInt(info.firstTs) + 60_000_000_000n).toString() });
    expect(fieldsOf(mounted.container)).toEqual([]);

    // Reopened, the fields show the window; an untouched field keeps its exact nanoseconds.
    await click([...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Set window…')!);
    const [from2, to2] = fieldsOf(mounted.container);
    expect(from2.value).toBe('2024-03-12 09:41:30.390000 UTC');
    await typeInto(from2, 'soon');
    await act(async () => { to2.form!.requestSubmit(); });
    expect(mounted.container.querySelector('[role=alert]')?.textContent).toMatch(/^From: 'soon' is not a time/);
    await press(to2, 'Escape');
    expect(fieldsOf(mounted.container)).toEqual([]);
    expect(store.getState().window?.from).toBe('1710236490390000000');
  });

  it('a window that ends before it starts is refused; the whole span is the whole capture', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    await click([...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Set window…')!);
    const [from, to] = fieldsOf(mounted.container);
    await typeInto(from, '2m');
    await typeInto(to, '1m');
    await act(async () => { from.form!.requestSubmit(); });
    expect(mounted.container.querySelector('[role=alert]')?.textContent).toBe('The window ends before it starts');
    await typeInto(from, '0s');
    await typeInto(to, '2024-03-12 09:46:45.000000 UTC');
    await act(async () => { from.form!.requestSubmit(); });
    expect(store.getState().window).toBeUndefined();
  });

  it("a window past the capture's end is cut to it and says so; one wholly outside it is refused with its reason (QA 19)", async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    const opener = () => [...mounted!.container.querySelectorAll('button')].find((b) => b.textContent === 'Set window…')!;
    await click(opener());
    let [from, to] = fieldsOf(mounted.container);
    await typeInto(from, '1500ms');
    await typeInto(to, '400s');
    await act(async () => { from.form!.requestSubmit(); });
    expect(store.getState().window).toEqual({ from: (BigInt(info.firstTs) + 1_500_000_000n).toString(), to: info.lastTs });
    expect(mounted.container.querySelector('[role=status]')?.textContent).toBe("To cut to the capture's end (2024-03-12 09:46:45.000000 UTC).");

    // Only From typed, after the end: the reason is the start, not a reversed window.
    await click(opener());
    [from, to] = fieldsOf(mounted.container);
    expect(mounted.container.querySelector('[role=status]')).toBeNull();
    await typeInto(from, '09:50:00');
    await act(async () => { from.form!.requestSubmit(); });
    expect(mounted.container.querySelector('[role=alert]')?.textContent).toBe("The window starts after the capture's end (2024-03-12 09:46:45.000000 UTC)");
    await typeInto(from, '2024-03-12 09:00:00');
    await typeInto(to, '2024-03-12 09:10:00');
    await act(async () => { from.form!.requestSubmit(); });
    expect(mounted.container.querySelector('[role=alert]')?.textContent).toBe("The window ends before the capture's first event (2024-03-12 09:41:07.250001 UTC)");
    await typeInto(to, '1m');
    await act(async () => { from.form!.requestSubmit(); });
    expect(store.getState().window).toEqual({ from: info.firstTs, to: (BigInt(info.firstTs) + 60_000_000_000n).toString() });
    expect(mounted.container.querySelector('[role=status]')?.textContent).toBe("From cut to the capture's first event (2024-03-12 09:41:07.250001 UTC).");
  });

  it("the keyboard help says where Set window… is: in the timeline's head, above the chart (QA 19: it said under the timeline)", async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setReady(info);
    mounted = await mount(<Timeline />, fakeClient({ tiles: tilesUnder }), store);
    await settle();
    const button = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Set window…')!;
    const head = button.closest('.timeline-head')!;
    const chart = mounted.container.querySelector('.timeline svg')!;
    expect(head).not.toBeNull();
    expect(head.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(shortcuts.find((s) => s.keys.startsWith('Set window…'))!.keys).toBe("Set window… (in the timeline's head, above its chart)");
  });
});
