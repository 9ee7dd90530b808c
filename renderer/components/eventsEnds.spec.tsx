// End and Home in the events list (QA 14 B): End (or "Go to end") shows the selection's last
// events, however far they lie beyond what is loaded; Home (or "Go to start") the first.
// Scrolling up from the end reads the earlier events; the buttons go when every event is on screen.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureInfo } from '../../shared/ipc/contract';
import type { EventsReply, EventsRequest } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { act } from 'react';
import { click, mount, press, settle, type Mounted } from '../testing/mount';
import { EventsPanel } from './EventsPanel';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

let lastEvtNum = 35_860;
const asked: EventsRequest[] = [];
/** Events 1..lastEvtNum, paged as the engine pages: forward from a number, or the page before one or the end. */
function events(req: EventsRequest): EventsReply {
  asked.push(req);
  const bound = req.before === 'end' ? lastEvtNum + 1 : req.before;
  const from = bound !== undefined ? Math.max(1, bound - req.limit) : Math.max(1, req.fromEvtNum ?? 1);
  const nums: number[] = [];
  for (let n = from; n <= lastEvtNum && n < (bound ?? Infinity) && nums.length < req.limit; n++) nums.push(n);
  const after = from + nums.length;
  return {
    fields: ['evt.num', 'evt.type'],
    events: nums.map((evtNum) => ({ evtNum, values: [evtNum, 'read'], partner: null, latencyNs: null })),
    next: after <= lastEvtNum ? after : null,
    ...(bound !== undefined ? { earlier: from > 1 } : {}),
  };
}

async function panel(last = 35_860, warnings: string[] = []) {
  lastEvtNum = last;
  asked.length = 0;
  const info: CaptureInfo = {
    captureId: 'c', path: '/x/mpm.scap', fileName: 'mpm.scap', sizeBytes: 2687188, events: 34_681,
    firstTs: '1555011816573996153', lastTs: '1555011820821731171', hostname: 'canaris', numCpus: 1, warnings,
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

  it('at the end of a cut-off capture, the list says the capture is cut off there; a whole capture\'s end says nothing (QA 20)', async () => {
    const cut = 'capture is cut off at byte 99984, inside an EV_V2 block of 52 bytes (16 present); the 858 events before it were read';
    let root = await panel(35_860, [cut]);
    expect(root.querySelector('.cut-off')).toBeNull();
    await press(root.querySelector('[role=grid]')!, 'End');
    await settle();
    expect(root.querySelector('.cut-off')?.textContent).toBe('The capture is cut off after these events');
    expect(root.querySelector('.cut-off')?.getAttribute('title')).toContain('cut off at byte 99984');
    mounted?.unmount();
    root = await panel();
    await press(root.querySelector('[role=grid]')!, 'End');
    await settle();
    expect(root.querySelector('.cut-off')).toBeNull();
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

describe('Scrolling up after End', () => {
  it('reads the events before the loaded ones, keeping the selected event where it was', async () => {
    const root = await panel();
    const grid = root.querySelector<HTMLElement>('[role=grid]')!;
    await press(grid, 'End');
    await settle();
    expect(asked.at(-1)?.before).toBe('end');
    expect(root.querySelector('.grid-status')?.textContent).toContain('earlier ones as you scroll up');
    await act(async () => { grid.scrollTop = 0; grid.dispatchEvent(new Event('scroll')); });
    await settle();
    expect(asked.at(-1)?.before).toBe(lastEvtNum - 499);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(1000 + 1));
    // The selection stays on the last event, now the 1,000th loaded row.
    expect(grid.getAttribute('aria-activedescendant')).toBe('event-row-999');
  });
});

describe('Go to start and Go to end', () => {
  const buttons = (root: HTMLElement) => [...root.querySelectorAll('button')].map((b) => b.textContent).filter((t) => t?.startsWith('Go to'));

  it('are not offered when every event of the selection is on screen', async () => {
    const root = await panel(5);
    expect(root.querySelectorAll('.event-row')).toHaveLength(5);
    expect(buttons(root)).toEqual([]);
  });

  it('are offered when the events run past the screen', async () => {
    const root = await panel(60);
    expect(buttons(root)).toEqual(['Go to start', 'Go to end']);
  });
});
