// End and Home in the events list (QA 14 B): End (or "Go to end") shows the selection's last
// events, however far they lie beyond what is loaded; Home (or "Go to start") the first.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureInfo } from '../../shared/ipc/contract';
import type { EventsReply, EventsRequest } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, type Mounted } from '../testing/mount';
import { EventsPanel } from './EventsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const lastEvtNum = 35_860;
/** A forward-only pager over events 1..35,860, as the engine pages. */
function events(req: EventsRequest): EventsReply {
  const from = Math.max(1, req.fromEvtNum ?? 1);
  const nums: number[] = [];
  for (let n = from; n <= lastEvtNum && nums.length < req.limit; n++) nums.push(n);
  const after = from + nums.length;
  return {
    fields: ['evt.num', 'evt.type'],
    events: nums.map((evtNum) => ({ evtNum, values: [evtNum, 'read'], partner: null, latencyNs: null })),
    next: after <= lastEvtNum ? after : null,
  };
}

async function panel() {
  const info: CaptureInfo = {
    captureId: 'c', path: '/x/mpm.scap', fileName: 'mpm.scap', sizeBytes: 2687188, events: 34_681,
    firstTs: '1555011816573996153', lastTs: '1555011820821731171', hostname: 'canaris', numCpus: 1, warnings: [],
  };
  const store = createCaptureStore('c', info.path);
  store.getState().setReady(info);
  mounted = await mount(<EventsPanel />, fakeClient({ events, eventDetail: () => { throw new Error('none'); } }), store);
  await settle();
  return mounted.container;
}

const selectedEvt = (root: HTMLElement) => root.querySelector('.event-row.selected [role=gridcell]')?.textContent;

describe('End and Home in the events list', () => {
  it('End selects the capture\'s last event, not the last loaded one', async () => {
    const root = await panel();
    expect(selectedEvt(root)).toBe('1');
    await press(root.querySelector('[role=grid]')!, 'End');
    await settle();
    expect(selectedEvt(root)).toBe(String(lastEvtNum));
    expect(root.querySelector('.grid-status')?.textContent).toContain('the last');
  });

  it('Home after End goes back to the first event', async () => {
    const root = await panel();
    const grid = root.querySelector('[role=grid]')!;
    await press(grid, 'End');
    await settle();
    await press(grid, 'Home');
    await settle();
    expect(selectedEvt(root)).toBe('1');
  });

  it('the "Go to end" and "Go to start" buttons do the same', async () => {
    const root = await panel();
    const button = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!;
    await click(button('Go to end'));
    await settle();
    expect(selectedEvt(root)).toBe(String(lastEvtNum));
    await click(button('Go to start'));
    await settle();
    expect(selectedEvt(root)).toBe('1');
  });
});
