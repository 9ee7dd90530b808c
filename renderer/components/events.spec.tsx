// The events list and the capture header on what a capture holds: a capture of internal
// records only says so (no "80 events" beside an empty list), and the time column says it
// shows the time of day.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureInfo } from '../../shared/ipc/contract';
import type { EventsReply } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, settle, type Mounted } from '../testing/mount';
import { CaptureIdentity } from './CaptureIdentity';
import { EventsPanel } from './EventsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const info = (events: number): CaptureInfo => ({
  captureId: 'c', path: '/x/falco_empty_2016.scap', fileName: 'falco_empty_2016.scap', sizeBytes: 129696, events,
  firstTs: '1468429857999999999', lastTs: '1468429857999999999', hostname: 'ubuntu', numCpus: 1, warnings: [],
});

const nothing: EventsReply = { fields: ['evt.num', 'evt.rawtime', 'evt.cpu', 'proc.name', 'evt.dir', 'evt.type', 'evt.info'], events: [], next: null };
const one: EventsReply = {
  fields: nothing.fields,
  events: [{ evtNum: 105, values: [105, '1710236469054624549', 2, 'nginx', '<', 'openat', 'fd=3'], partner: 104, latencyNs: '2000' }],
  next: null,
};

function storeWith(events: number) {
  const store = createCaptureStore('c', '/x/falco_empty_2016.scap');
  store.getState().setReady(info(events));
  return store;
}

describe('a capture with internal records only', () => {
  it('the events list says there are no system call events to list, and why', async () => {
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => nothing, eventDetail: () => { throw new Error('none'); } }), storeWith(80));
    await settle();
    const status = mounted.container.querySelector('[role=status].empty-capture');
    expect(status?.textContent).toContain('no system call events to list');
    expect(status?.textContent).toContain('80 records are internal ones');
  });

  it('the header says "no system call events (80 internal records)", not "80 events"', async () => {
    mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => nothing }), storeWith(80));
    await settle();
    const text = mounted.container.textContent ?? '';
    expect(text).toContain('no system call events (80 internal records)');
    expect(text).not.toContain('80 events');
  });

  it('a capture with events keeps its plain count and no such note', async () => {
    mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => one }), storeWith(13364));
    await settle();
    expect(mounted.container.textContent).toContain('13.4k events');
    expect(mounted.container.textContent).not.toContain('internal');
  });
});

describe('the events list columns', () => {
  it('the time column reads the UTC time of day, with the date and evt.rawtime\'s nanoseconds as its tooltip (QA 16 R7)', async () => {
    const detail = { evtNum: 105, fields: {}, partner: null, latencyNs: null };
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => one, eventDetail: () => detail }), storeWith(13364));
    await settle();
    const headers = [...mounted.container.querySelectorAll('[role=columnheader]')];
    const time = headers.findIndex((h) => h.getAttribute('title') === 'evt.rawtime');
    expect(headers[time].textContent).toBe('time (UTC)');
    const cell = mounted.container.querySelectorAll('.event-row [role=gridcell]')[time];
    expect(cell.textContent).toBe('09:41:09.054624549');
    expect(cell.getAttribute('title')).toBe('2024-03-12 09:41:09.054624 UTC · evt.rawtime 1710236469054624549');
  });

  it('at any width the type and arguments come right after the time; process and cpu after them', async () => {
    const detail = { evtNum: 105, fields: {}, partner: null, latencyNs: null };
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => one, eventDetail: () => detail }), storeWith(13364));
    await settle();
    const cells = [...mounted.container.querySelectorAll('.event-row [role=gridcell]')].map((c) => c.textContent);
    expect(cells).toEqual(['105', '09:41:09.054624549', '<', 'openat', 'fd=3', 'nginx', '2']);
  });

  it('the detail panel reads the partner latency as a duration and keeps numbers whole', async () => {
    const detail = { evtNum: 105, fields: { 'evt.num': 105, 'evt.datetime': '2024-03-12T09:41:07.250002414+0000', 'evt.info': 'a long text that may wrap' }, partner: 104, latencyNs: '18744444924' };
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => one, eventDetail: () => detail }), storeWith(13364));
    await settle();
    const aside = mounted.container.querySelector('.event-detail')!;
    expect(aside.textContent).toContain('latency 18.74 s');
    expect(aside.textContent).not.toContain('18744444924 ns');
    const cells = [...aside.querySelectorAll('td')];
    expect(cells.find((td) => td.textContent?.startsWith('2024-03-12T'))?.className).toBe('whole');
    expect(cells.find((td) => td.textContent?.startsWith('a long'))?.className).toBe('');
  });
});

describe('the capture header in a narrow bar (QA 16 R8)', () => {
  it('keeps size, events and span as facts that do not shrink, each with its exact figure as tooltip; the start reads to the second', async () => {
    mounted = await mount(<CaptureIdentity onClose={() => {}} />, fakeClient({ events: () => one }), storeWith(13364));
    await settle();
    const facts = [...mounted.container.querySelectorAll('.identity > .fact')];
    expect(facts.map((f) => f.getAttribute('title'))).toEqual(['129,696 bytes', '13,364 events', expect.stringContaining('2016-07-13 17:10:57.999999 UTC')]);
    expect(facts[2].textContent).toBe('2016-07-13 17:10:57 UTC · 0 ns');
    expect(mounted.container.querySelector('.identity > .host')?.getAttribute('title')).toBe('host ubuntu, 1 CPU');
  });
});

describe('an events list that a filter leaves empty (QA H79: it said only "0 events", and asked to select an event)', () => {
  const byFilter = (r: unknown) => ((r as { filter?: string }).filter ? nothing : one);

  it('over the whole capture says there are no events here, and the detail asks for no selection', async () => {
    const store = storeWith(13364);
    store.getState().showPanel('events');
    store.getState().setFilter('proc.name=nosuch');
    mounted = await mount(<EventsPanel />, fakeClient({ events: byFilter, eventDetail: () => { throw new Error('none'); } }), store);
    await settle();
    expect(mounted.container.querySelector('.events-empty')?.textContent).toBe('No events here.');
    expect(mounted.container.querySelector('.event-detail')?.textContent).toBe('');
  });

  it('under a drill-down names the scope and offers the whole capture with the same filter', async () => {
    const store = storeWith(13364);
    store.getState().openView('files');
    store.getState().drillRow('44136c54b079:/etc/resolv.conf', 'events');
    store.getState().setFilter('proc.name=nosuch');
    mounted = await mount(<EventsPanel />, fakeClient({ events: byFilter, eventDetail: () => { throw new Error('none'); } }), store);
    await settle();
    const status = mounted.container.querySelector('.events-empty [role=status]');
    expect(status?.textContent).toContain('No events in /etc/resolv.conf under this filter.');
    expect(status?.textContent).toContain('Look in the whole capture with this filter');
  });

  it('a list with events says nothing of the kind', async () => {
    const store = storeWith(13364);
    store.getState().showPanel('events');
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => one, eventDetail: () => { throw new Error('none'); } }), store);
    await settle();
    expect(mounted.container.querySelector('.events-empty')).toBeNull();
  });
});
