// The overview's tiles are one Tab stop with arrow keys inside (QA 16 R9).
import { afterEach, describe, expect, it } from 'vitest';
import type { TileValue } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, press, settle, type Mounted } from '../testing/mount';
import { Overview } from './Overview';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const tiles: TileValue[] = [
  { id: 'procs', category: 'General', title: 'Running Processes', total: 31, max: 31, series: [], drillView: 'procs' },
  { id: 'syscalls', category: 'General', title: 'System Calls', total: 22359, max: 1312, series: [] },
  { id: 'net', category: 'Network', title: 'Network Connections', total: 3, max: 1, series: [], drillView: 'connections' },
  { id: 'deaths', category: 'Infrastructure', title: 'Container Deaths', total: 5, max: 1, series: [], drillView: 'containers' },
];

const focused = () => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label');

describe('Overview keyboard', () => {
  it('has one Tab stop; arrows, PgDn and End move focus and the Tab stop with it', async () => {
    mounted = await mount(<Overview />, fakeClient({ tiles: () => tiles }), createCaptureStore('c', '/x.scap'));
    await settle();
    const stops = () => [...mounted!.container.querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(stops().map((b) => b.getAttribute('aria-label'))).toEqual(['Running Processes']);
    stops()[0].focus();
    await press(document.activeElement!, 'ArrowRight');
    expect(focused()).toBe('Open Running Processes in a view');
    await press(document.activeElement!, 'ArrowDown');
    expect(focused()).toBe('System Calls');
    // Infrastructure comes right after General on the page (see the order test below).
    await press(document.activeElement!, 'PageDown');
    expect(focused()).toBe('Container Deaths');
    await press(document.activeElement!, 'PageDown');
    expect(focused()).toBe('Network Connections');
    await press(document.activeElement!, 'ArrowRight');
    expect(focused()).toBe('Open Network Connections in a view');
    expect(stops().map((b) => b.getAttribute('aria-label'))).toEqual(['Open Network Connections in a view']);
    await press(document.activeElement!, 'Home');
    expect(focused()).toBe('Running Processes');
    await press(document.activeElement!, 'End');
    expect(focused()).toBe('Network Connections');
    await press(document.activeElement!, 'PageUp');
    expect(focused()).toBe('Container Deaths');
  });
});

describe('Overview order (QA 16 and QA 18: Container Deaths and Restarts were the last category, two screens down)', () => {
  it('shows Infrastructure right after General, the rest in the engine\'s order, and the keys follow the page', async () => {
    const engineOrder: TileValue[] = [
      { id: 'procs', category: 'General', title: 'Running Processes', total: 31, max: 31, series: [], drillView: 'procs' },
      { id: 'files', category: 'File', title: 'Accessed Files', total: 3, max: 1, series: [] },
      { id: 'conns', category: 'Network', title: 'Network Connections', total: 3, max: 1, series: [] },
      { id: 'infra.containers.died', category: 'Infrastructure', title: 'Container Deaths', total: 5, max: 1, series: [] },
      { id: 'infra.containers.restarted', category: 'Infrastructure', title: 'Container Restarts', total: 4, max: 1, series: [] },
    ];
    mounted = await mount(<Overview />, fakeClient({ tiles: () => engineOrder }), createCaptureStore('c', '/x.scap'));
    await settle();
    expect([...mounted.container.querySelectorAll('.tile-group h2')].map((h) => h.textContent)).toEqual(['General', 'Infrastructure', 'File', 'Network']);
    const first = [...mounted.container.querySelectorAll('button')].find((b) => b.tabIndex === 0)!;
    first.focus();
    await press(first, 'PageDown');
    expect(focused()).toBe('Container Deaths');
    await press(document.activeElement!, 'PageDown');
    expect(focused()).toBe('Accessed Files');
  });
});
