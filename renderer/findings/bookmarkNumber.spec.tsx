// Bookmarking by number in the Findings panel (QA 16 F1, F2): a stream operation's stream was
// typed by hand and taken as is (the report then mixed two streams and printed reproduce
// commands that failed); an event number the capture lacks was "Bookmarked"; a duplicate was
// dropped silently while the status still said "Bookmarked".
import { afterEach, describe, expect, it } from 'vitest';
import { ClientError } from '../api/client';
import type { StreamOperationWire } from '../../shared/streams/evidenceApi';
import { createCaptureStore } from '../state/captureStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, typeInto, type Mounted } from '../testing/mount';
import { FindingsPanel } from './FindingsPanel';
import { findingsStoreFor } from './findingsStore';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

function operation(evtNum: number, streamKey: string): StreamOperationWire {
  return {
    evtNum, rawtime: '1', direction: 'write', eventType: 'sendto', procName: 'nginx', pid: 5253, tid: 5253, containerId: '', containerName: '',
    fd: 5, fdName: '10.244.1.17:54733->10.96.0.10:53', fdTypeChar: '4', streamKey, length: 3, dataBase64: 'YWJj',
  };
}

/** The engine of a capture with events 1..1000, whose reads and writes are 294 (stream 5253:5#8) and 344 (5253:4#7). */
const engine = {
  eventDetail: ({ evtNum }: { evtNum: number }) => {
    if (evtNum > 1000) throw new ClientError('not-found', `no event #${evtNum} in this capture`);
    return { evtNum, fields: {}, partner: null, latencyNs: null };
  },
  streams: ({ fromEvtNum }: { fromEvtNum?: number }) => {
    const ops = [operation(294, '5253:5#8'), operation(344, '5253:4#7')].filter((o) => o.evtNum >= (fromEvtNum ?? 0));
    return { operations: ops.slice(0, 1), next: null };
  },
};

async function openPanel(path: string): Promise<Mounted> {
  const store = createCaptureStore('c', path);
  findingsStoreFor(path).getState().setPanelOpen(true);
  const m = await mount(<FindingsPanel />, fakeClient(engine), store);
  await settle();
  return m;
}

function button(m: Mounted, name: string): HTMLButtonElement {
  return [...m.container.querySelectorAll('button')].find((b) => b.textContent === name)!;
}
const input = (m: Mounted, label: string) => m.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
const status = (m: Mounted) => m.container.querySelector('[role=status]')?.textContent;

async function bookmark(m: Mounted, kind: 'event' | 'stream', n: string): Promise<void> {
  await typeInto(input(m, kind === 'event' ? 'Event number' : 'Stream operation event number'), n);
  await click(button(m, kind === 'event' ? 'Bookmark event' : 'Bookmark stream operation'));
  await settle();
}

describe('bookmarking by number in Findings', () => {
  it("takes a stream operation's stream from the engine, and asks for no key", async () => {
    const path = '/x/bookmark-number-stream.scap';
    mounted = await openPanel(path);
    expect(input(mounted, 'Stream key')).toBeNull();
    await bookmark(mounted, 'stream', '294');
    expect(findingsStoreFor(path).getState().findings.bookmarks).toEqual([{ kind: 'stream', evtNum: 294, streamKey: '5253:5#8', note: '' }]);
    expect(status(mounted)).toBe('Bookmarked stream operation #294 (5253:5#8).');
  });

  it('refuses a number that is not a read or write', async () => {
    const path = '/x/bookmark-number-notio.scap';
    mounted = await openPanel(path);
    await bookmark(mounted, 'stream', '295');
    expect(findingsStoreFor(path).getState().findings.bookmarks).toEqual([]);
    expect(status(mounted)).toBe('Event #295 is not a read or write with data in this capture; nothing was bookmarked.');
  });

  it('a stream operation number the capture does not have is said so, not as "not a read or write" (QA 20)', async () => {
    const path = '/x/bookmark-number-stream-missing.scap';
    mounted = await openPanel(path);
    await bookmark(mounted, 'stream', '999999');
    expect(findingsStoreFor(path).getState().findings.bookmarks).toEqual([]);
    expect(status(mounted)).toBe('There is no event #999999 in this capture; nothing was bookmarked.');
  });

  it('refuses an event number the capture does not have', async () => {
    const path = '/x/bookmark-number-missing.scap';
    mounted = await openPanel(path);
    await bookmark(mounted, 'event', '99999999');
    expect(findingsStoreFor(path).getState().findings.bookmarks).toEqual([]);
    expect(status(mounted)).toBe('There is no event #99999999 in this capture; nothing was bookmarked.');
    await bookmark(mounted, 'event', '12');
    expect(status(mounted)).toBe('Bookmarked event #12.');
  });

  it('says a second bookmark of the same evidence is already there', async () => {
    const path = '/x/bookmark-number-twice.scap';
    mounted = await openPanel(path);
    await bookmark(mounted, 'stream', '344');
    await bookmark(mounted, 'stream', '344');
    expect(findingsStoreFor(path).getState().findings.bookmarks).toHaveLength(1);
    expect(status(mounted)).toBe('Stream operation #344 (5253:4#7) is already bookmarked (evidence 1); nothing was added.');
    await bookmark(mounted, 'event', '7');
    await bookmark(mounted, 'event', '7');
    expect(status(mounted)).toBe('Event #7 is already bookmarked (evidence 2); nothing was added.');
  });
});
