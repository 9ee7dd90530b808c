// The events list and the capture header on what a capture holds: a capture of internal
// records only says so (no "80 events" beside an empty list), and the evt.rawtime column
// shows the raw nanoseconds its name promises.
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
  it('evt.rawtime shows the raw nanoseconds (the time of day is its tooltip)', async () => {
    const detail = { evtNum: 105, fields: {}, partner: null, latencyNs: null };
    mounted = await mount(<EventsPanel />, fakeClient({ events: () => one, eventDetail: () => detail }), storeWith(13364));
    await settle();
    const headers = [...mounted.container.querySelectorAll('[role=columnheader]')].map((h) => h.textContent);
    const cell = mounted.container.querySelectorAll('.event-row [role=gridcell]')[headers.indexOf('evt.rawtime')];
    expect(cell.textContent).toBe('1710236469054624549');
    expect(cell.getAttribute('title')).toBe('2024-03-12 09:41:09.054624 UTC');
  });
});
