// The tiles whose number differs by design from another number on screen say why (QA 16 R4, R5).
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureInfo, TileValue } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, settle, type Mounted } from '../testing/mount';
import { Overview } from './Overview';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const tiles: TileValue[] = [
  { id: 'procs', category: 'general', title: 'Running Processes', total: 31, max: 31, series: [], drillView: 'procs' },
  { id: 'syscalls', category: 'general', title: 'System Calls', total: 2184, max: 300, series: [], drillView: 'syscalls' },
];
const info = (events: number): CaptureInfo => ({
  captureId: 'c', path: '/x.scap', fileName: 'x.scap', sizeBytes: 1, events, firstTs: '1', lastTs: '2', hostname: 'h', numCpus: 1, warnings: [],
});
/** The engine's Processes view: asked for its pid −1 row, it has one or none. */
const withPidMinusOneRow = (has: boolean) => (q: { viewId: string; filter?: string }) => {
  expect(q.viewId).toBe('procs');
  expect(q.filter).toMatch(/proc\.pid=-1$/);
  return { columns: [], rows: has ? [[-1]] : [], totalRows: has ? 1 : 0, offset: 0, keys: has ? ['-1'] : [] };
};
const tile = (title: string) => mounted!.container.querySelector(`button[aria-label="${title}"]`)!;

describe('Overview tile notes', () => {
  it('System Calls above the header\'s event count says it counts internal events; Running Processes names the pid −1 row', async () => {
    const store = createCaptureStore('c', '/x.scap');
    await act(async () => store.getState().setReady(info(204)));
    mounted = await mount(<Overview />, fakeClient({ tiles: () => tiles, view: withPidMinusOneRow(true) }), store);
    await settle();
    expect(tile('System Calls').textContent).toContain("incl. sysdig's internal events");
    expect(tile('System Calls').getAttribute('title')).toContain("the header's 204 events");
    expect(tile('System Calls').getAttribute('aria-describedby')).toBe('tile-note-syscalls');
    expect(tile('Running Processes').textContent).toContain('not counting pid −1');
    expect(tile('Running Processes').getAttribute('title')).toContain('pid −1, where csysdig puts the capture\'s container metadata');
  });

  it('System Calls within the header\'s count has no note', async () => {
    const store = createCaptureStore('c', '/x.scap');
    await act(async () => store.getState().setReady(info(13363)));
    mounted = await mount(<Overview />, fakeClient({ tiles: () => tiles }), store);
    await settle();
    expect(tile('System Calls').querySelector('.tile-note')).toBeNull();
  });

  it('Running Processes says nothing of pid −1 on a capture whose Processes view has no such row (QA 17)', async () => {
    const store = createCaptureStore('c', '/x.scap');
    await act(async () => store.getState().setReady(info(13363)));
    const client = fakeClient({ tiles: () => tiles, view: withPidMinusOneRow(false) });
    mounted = await mount(<Overview />, client, store);
    await settle();
    expect(client.calls.some((c) => c.method === 'view')).toBe(true);
    expect(tile('Running Processes').querySelector('.tile-note')).toBeNull();
    expect(tile('Running Processes').getAttribute('title')).not.toContain('pid −1');
  });

  it('Running Containers under a filter says the filter does not narrow it, and says nothing without one (QA 20: "9" beside "0 system calls")', async () => {
    const containers: TileValue[] = [...tiles, { id: 'containers', category: 'general', title: 'Running Containers', total: 9, max: 9, series: [], drillView: 'containers' }];
    const store = createCaptureStore('c', '/x.scap');
    await act(async () => store.getState().setReady(info(13363)));
    mounted = await mount(<Overview />, fakeClient({ tiles: () => containers, view: withPidMinusOneRow(false) }), store);
    await settle();
    expect(tile('Running Containers').querySelector('.tile-note')).toBeNull();
    await act(async () => store.getState().setFilter('proc.name=doesnotexist'));
    await settle();
    expect(tile('Running Containers').querySelector('.tile-note')?.textContent).toBe('not narrowed by the filter');
    expect(tile('Running Containers').getAttribute('title')).toContain('the filter does not narrow it');
    expect(tile('Running Processes').querySelector('.tile-note')).toBeNull();
  });
});
