// The I/O streams panel when it finds nothing: under a drill-down, a filter about something
// else finds nothing in the drilled selection although the capture has it (QA walk of
// docs/story.md step 6: the DNS filter typed while the tab showed resolv.conf's I/O).
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamOperationWire, StreamsReply } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, type Mounted } from '../testing/mount';
import { focusTableAfterNavigation } from '../util/focusTable';
import { StreamsPanel } from './StreamsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const none: StreamsReply = { operations: [], next: null };

describe('StreamsPanel with nothing to show', () => {
  it('under a drill-down, names the scope and offers the whole capture with the same filter', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('files');
    store.getState().drillRow('44136c54b079:/etc/resolv.conf', 'streams');
    store.getState().setFilter('fd.sport=53');
    const client = fakeClient({ streams: () => none });
    mounted = await mount(<StreamsPanel />, client, store);
    await settle();
    const status = mounted.container.querySelector('.stream-ops [role=status]');
    expect(status?.textContent).toContain('No reads or writes with data in /etc/resolv.conf under this filter.');
    const button = [...status!.querySelectorAll('button')].find((b) => b.textContent === 'Look in the whole capture with this filter');
    expect(button).toBeDefined();
    await click(button!);
    await settle();
    expect(store.getState().trail.map((t) => t.filter)).toEqual(['']);
    expect([store.getState().panel, store.getState().filter]).toEqual(['streams', 'fd.sport=53']);
    const last = client.calls.filter((c) => c.method === 'streams').at(-1)?.request as { filter?: string };
    expect(last.filter).toBe('fd.sport=53');
  });

  it('over the whole capture, says only that there is nothing', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => none }), store);
    await settle();
    expect(mounted.container.querySelector('.stream-ops')?.textContent).toBe('No reads or writes with data here.');
  });
});

describe('StreamsPanel and the keyboard (QA 15: focus stayed on <body> after a tile\'s → into I/O Streams)', () => {
  const op = (evtNum: number): StreamOperationWire => ({
    evtNum, rawtime: '1710236469054624549', direction: 'write', eventType: 'write', procName: 'nginx', pid: 7, tid: 7,
    containerId: 'host', containerName: 'host', fd: 1, fdName: '/dev/stdout', fdTypeChar: 'f', streamKey: `7:1#${evtNum}`, length: 2, dataBase64: 'aGk=',
  });

  it('a navigation gives the operations list the focus, and ↓ ↑ End Home move the current operation', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    const reply: StreamsReply = { operations: [op(10), op(11), op(12)], next: null };
    mounted = await mount(<main className="main-panel"><StreamsPanel /></main>, fakeClient({ streams: () => reply }), store);
    await settle();
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusTableAfterNavigation()).toBe(true);
    const list = mounted.container.querySelector<HTMLElement>('.stream-ops')!;
    expect(document.activeElement).toBe(list);
    const currentIndex = () => [...list.querySelectorAll('.stream-op')].findIndex((a) => a.getAttribute('aria-current') === 'true');
    expect(currentIndex()).toBe(0);
    await press(list, 'ArrowDown');
    expect(currentIndex()).toBe(1);
    await press(list, 'End');
    expect(currentIndex()).toBe(2);
    await press(list, 'ArrowDown');
    expect(currentIndex()).toBe(2);
    await press(list, 'ArrowUp');
    await press(list, 'Home');
    expect(currentIndex()).toBe(0);
  });

  it('Enter follows the current operation\'s stream', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    const reply: StreamsReply = { operations: [op(10), op(11), op(12)], next: null };
    mounted = await mount(<main className="main-panel"><StreamsPanel /></main>, fakeClient({ streams: () => reply }), store);
    await settle();
    const list = mounted.container.querySelector<HTMLElement>('.stream-ops')!;
    await press(list, 'ArrowDown');
    await press(list, 'Enter');
    expect(store.getState().follow).toBe('7:1#11');
  });
});

describe('StreamsPanel by keyboard (QA 18 item 11: Follow dropped the focus to <body>; five formats were five Tab stops)', () => {
  const op = (evtNum: number, fd: number): StreamOperationWire => ({
    evtNum, rawtime: '1710236469054624549', direction: 'write', eventType: 'write', procName: 'nginx', pid: 7, tid: 7,
    containerId: 'host', containerName: 'host', fd, fdName: '/dev/stdout', fdTypeChar: 'f', streamKey: `7:${fd}#1`, length: 2, dataBase64: 'aGk=',
  });

  it('Follow keeps the keyboard in the list, with the followed operation current; Stop following keeps it there too', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    const all: StreamsReply = { operations: [op(10, 1), op(11, 2), op(12, 1), op(13, 2)], next: null };
    const client = fakeClient({ streams: (q: { follow?: string }) => (q.follow ? { operations: all.operations.filter((o) => o.streamKey === q.follow), next: null } : all) });
    mounted = await mount(<main className="main-panel"><StreamsPanel /></main>, client, store);
    await settle();
    const list = mounted.container.querySelector<HTMLElement>('.stream-ops')!;
    const follow = [...list.querySelectorAll<HTMLButtonElement>('button')].filter((b) => b.textContent === 'Follow')[3];
    follow.focus();
    await click(follow);
    await settle();
    expect(store.getState().follow).toBe('7:2#1');
    expect(document.activeElement).toBe(list);
    const current = list.querySelector('.stream-op[aria-current="true"]');
    expect([...list.querySelectorAll('.stream-op')].indexOf(current!)).toBe(1);
    const stop = [...mounted.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Stop following')!;
    stop.focus();
    await click(stop);
    await settle();
    expect(store.getState().follow).toBeUndefined();
    expect(document.activeElement).toBe(list);
  });

  it('Stop following keeps the operation the user was on current and in view, reading on to its page (QA 19)', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    const all = [op(10, 1), op(11, 2), op(12, 1), op(13, 2)];
    // Two pages of two: #13 is only in the second.
    const client = fakeClient({
      streams: (q: { follow?: string; fromEvtNum?: number }) => {
        if (q.follow) return { operations: all.filter((o) => o.streamKey === q.follow), next: null };
        const start = q.fromEvtNum === undefined ? 0 : all.findIndex((o) => o.evtNum >= q.fromEvtNum!);
        const page = all.slice(start, start + 2);
        return { operations: page, next: start + 2 < all.length ? all[start + 2].evtNum : null };
      },
    });
    mounted = await mount(<main className="main-panel"><StreamsPanel /></main>, client, store);
    await settle();
    const list = mounted.container.querySelector<HTMLElement>('.stream-ops')!;
    const currentNum = () => list.querySelector('.stream-op[aria-current="true"] .evt-num')?.textContent;
    await press(list, 'ArrowDown');
    await press(list, 'Enter');
    await settle();
    expect(store.getState().follow).toBe('7:2#1');
    await press(list, 'ArrowDown');
    expect(currentNum()).toBe('#13');
    const stop = [...mounted.container.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Stop following')!;
    await click(stop);
    await settle();
    await settle();
    expect(store.getState().follow).toBeUndefined();
    expect(list.querySelectorAll('.stream-op')).toHaveLength(4);
    expect(currentNum()).toBe('#13');
    expect(document.activeElement).toBe(list);
  });

  it('each card shows its event number and stream key, the numbers the story asks the user to type (QA 16, QA 18)', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => ({ operations: [op(344, 4)], next: null }) }), store);
    await settle();
    const header = mounted.container.querySelector('.stream-op header')!.textContent!;
    expect(header).toContain('#344');
    expect(header).toContain('stream 7:4#1');
  });

  it('the payload formats are one radio group: one Tab stop, the arrows move the choice and the focus', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('streams');
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => ({ operations: [], next: null }) }), store);
    await settle();
    const radios = () => [...mounted!.container.querySelectorAll<HTMLElement>('[role=radiogroup] [role=radio]')];
    expect(radios().map((r) => r.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    radios()[0].focus();
    await press(radios()[0], 'ArrowRight');
    expect(store.getState().streamMode).toBe('printable');
    expect(radios().map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1, -1]);
    expect(document.activeElement).toBe(radios()[1]);
    await press(radios()[1], 'ArrowLeft');
    await press(radios()[0], 'ArrowLeft');
    expect(store.getState().streamMode).toBe('text');
    expect(document.activeElement).toBe(radios()[4]);
  });
});

describe('StreamsPanel under a log tile\'s → (QA 15 item 1: the tile said 34, the list held 9 writes, and nothing said why)', () => {
  const write = (evtNum: number, text: string): StreamOperationWire => ({
    evtNum, rawtime: '1710236469054624549', direction: 'write', eventType: 'write', procName: 'nginx', pid: 7, tid: 7,
    containerId: 'host', containerName: 'host', fd: 3, fdName: '/var/log/nginx/error.log', fdTypeChar: 'f', streamKey: `7:3#${evtNum}`,
    length: text.length, dataBase64: btoa(text),
  });
  const tilesReply = [{ id: 'logs.app.errors', category: 'logs', title: 'App Log Error Messages', total: 3, max: 3, series: [3] }];

  it('says the tile counts lines, and how many lines are in how many listed writes', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openTile('echo', 'fd.type=file', 'App Log Error Messages');
    const reply: StreamsReply = { operations: [write(10, 'a error\nb error\n'), write(11, 'c error\n')], next: null };
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => reply, tiles: () => tilesReply }), store);
    await settle();
    expect(mounted.container.querySelector('.tile-lines-note')?.textContent)
      .toBe('The App Log Error Messages tile counts lines: 3 lines in the 2 writes listed here; one write can carry several lines.');
  });

  it('says nothing under a tile that counts events', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openTile('echo', 'fd.type=ipv4', 'HTTP Requests');
    mounted = await mount(<StreamsPanel />, fakeClient({ streams: () => ({ operations: [write(10, 'GET /')], next: null }), tiles: () => tilesReply }), store);
    await settle();
    expect(mounted.container.querySelector('.tile-lines-note')).toBeNull();
  });
});
