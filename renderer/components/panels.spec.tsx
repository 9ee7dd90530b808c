// The panels in a DOM against a fake bridge (renderer/testing/fakeClient.ts): what a user and
// a screen reader find in them, and what they change in the capture's store.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TableWindow, TileValue } from '../../shared/ipc/contract';
import { createCaptureStore } from '../state/captureStore';
import { emptyHashState } from '../state/hashState';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, press, settle, typeInto, type Mounted } from '../testing/mount';
import { Breadcrumb } from './Breadcrumb';
import { FilterBar } from './FilterBar';
import { Overview } from './Overview';
import { ViewsPanel } from './ViewsPanel';
import { focusTableAfterNavigation } from '../util/focusTable';
import { MAX_FILTER_CHARS } from '../../shared/ipc/schemas';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; });

const tiles: TileValue[] = [
  { id: 'containers', category: 'general', title: 'Running Containers', total: 2, max: 2, series: [1, 2], drillView: 'containers' },
  { id: 'syscalls', category: 'general', title: 'System Calls', total: 22359, max: 1312, series: [3, 4] },
  { id: 'net', category: 'Network', title: 'Network Connections', total: 0, max: 0, series: [] },
];

function table(rows: number): TableWindow {
  return {
    columns: [
      { name: 'proc.pid', title: 'PID', type: 'number' },
      { name: 'proc.name', title: 'NAME', type: 'string' },
      { name: 'thread.tid', title: 'NA', type: 'number', isKey: true },
    ],
    rows: Array.from({ length: rows }, (_, i) => [1000 + i, `proc${i}`, 1000 + i]),
    totalRows: rows, offset: 0,
  };
}

describe('FilterBar', () => {
  it('is a combobox labelled "Filter"', async () => {
    mounted = await mount(<FilterBar />, fakeClient({}), createCaptureStore('c', '/x.scap'));
    const input = mounted.container.querySelector('input')!;
    const label = mounted.container.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toBe('Filter');
    expect(input.getAttribute('role')).toBe('combobox');
  });

  it('shows the error under the column of the mistyped field and does not apply it', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    const text = 'proc.name = haproxy and evt.tyep = open';
    await typeInto(input, text);
    const error = mounted.container.querySelector('#filter-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('evt.tyep');
    const caret = error!.querySelector('.caret-pad')!.textContent!;
    expect(caret.indexOf('^')).toBe(text.indexOf('evt.tyep'));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('filter-error');
    await press(input, 'Enter');
    expect(store.getState().filter).toBe('');
  });

  it('applies a valid filter on Enter and clears the error', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    await typeInto(input, 'proc.nmae = x');
    expect(mounted.container.querySelector('#filter-error')).not.toBeNull();
    await typeInto(input, 'proc.name = haproxy');
    expect(mounted.container.querySelector('#filter-error')).toBeNull();
    const apply = [...mounted.container.querySelectorAll('button')].find((b) => b.textContent === 'Apply')!;
    await click(apply);
    expect(store.getState().filter).toBe('proc.name = haproxy');
  });
});

describe('FilterBar: Enter and the suggestions (QA 18 item 4)', () => {
  it('applies on Enter when the last word is already whole (an operator, a keyword), instead of taking the suggestion', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    await typeInto(input, 'proc.name exists');
    expect(mounted.container.querySelector('[role="listbox"]')).not.toBeNull();
    await press(input, 'Enter');
    expect(store.getState().filter).toBe('proc.name exists');
    await typeInto(input, 'proc.name=nginx and');
    await press(input, 'Enter');
    expect(input.value).toBe('proc.name=nginx and');
    expect(mounted.container.querySelector('#filter-error')?.textContent).toContain('at column 20,');
  });

  it('Enter on an invalid filter closes the suggestions, so the error under the box can be read (QA 19)', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    for (const invalid of ['proc.name=nginx and', 'proc.name=nginx or', 'not']) {
      await typeInto(input, invalid);
      expect(mounted.container.querySelector('[role="listbox"]'), invalid).not.toBeNull();
      await press(input, 'Enter');
      expect(mounted.container.querySelector('[role="listbox"]'), invalid).toBeNull();
      expect(input.getAttribute('aria-expanded'), invalid).toBe('false');
      expect(mounted.container.querySelector('#filter-error'), invalid).not.toBeNull();
      expect(store.getState().filter).toBe('');
    }
  });

  it('takes a suggestion on Tab, and on Enter for a word not yet whole', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    await typeInto(input, 'proc.name exi');
    await press(input, 'Enter');
    expect(input.value).toBe('proc.name exists ');
    expect(store.getState().filter).toBe('');
    await typeInto(input, 'proc.name exists');
    await press(input, 'Tab');
    expect(input.value).toBe('proc.name exists ');
  });
});

describe('FilterBar and long filters (QA 14 A4)', () => {
  it('applies 3,000 pasted evt.num terms (47,624 characters)', async () => {
    const store = createCaptureStore('c', '/x.scap');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    const long = Array.from({ length: 3000 }, (_, i) => `evt.num=${i * 3}`).join(' or ');
    await typeInto(input, long);
    expect(mounted.container.querySelector('#filter-error')).toBeNull();
    await press(input, 'Enter');
    expect(store.getState().filter).toBe(long);
  });

  it('refuses a filter over the cap in its own words, marks the box invalid and keeps the applied filter', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().setFilter('proc.name=nginx');
    mounted = await mount(<FilterBar />, fakeClient({}), store);
    const input = mounted.container.querySelector('input')!;
    const huge = Array.from({ length: 11_000 }, (_, i) => `evt.num=${i}`).join(' or ');
    expect(huge.length).toBeGreaterThan(MAX_FILTER_CHARS);
    await typeInto(input, huge);
    const error = mounted.container.querySelector('#filter-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toBe(`The filter has ${huge.length.toLocaleString('en-US')} characters; a filter may have at most 160,000. Shorten it, e.g. with "in (…)" lists.`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await press(input, 'Enter');
    expect(store.getState().filter).toBe('proc.name=nginx');
  });
});

describe('keyboard focus after leaving the filter box or navigating (QA 14 A3)', () => {
  const withTable = () => (<><FilterBar /><main className="main-panel"><div role="grid" aria-label="Containers" tabIndex={0} /></main></>);

  it('Esc in the filter box hands focus to the table on screen, not to <body>', async () => {
    mounted = await mount(withTable(), fakeClient({}), createCaptureStore('c', '/x.scap'));
    const input = mounted.container.querySelector('input')!;
    input.focus();
    await press(input, 'Escape');
    expect(document.activeElement?.getAttribute('role')).toBe('grid');
  });

  it('a navigation that dropped focus to <body> or left it on a crumb gives it to the table; focus elsewhere stays', async () => {
    mounted = await mount(<><nav aria-label="Breadcrumb"><button type="button">Whole capture</button></nav>{withTable()}</>, fakeClient({}), createCaptureStore('c', '/x.scap'));
    (document.activeElement as HTMLElement | null)?.blur();
    expect(focusTableAfterNavigation()).toBe(true);
    expect(document.activeElement?.getAttribute('role')).toBe('grid');
    (mounted.container.querySelector('nav button') as HTMLButtonElement).focus();
    expect(focusTableAfterNavigation()).toBe(true);
    const input = mounted.container.querySelector('input')!;
    input.focus();
    expect(focusTableAfterNavigation()).toBe(false);
    expect(document.activeElement).toBe(input);
  });
});

describe('Breadcrumb', () => {
  it('is a navigation landmark named "Breadcrumb" with one crumb per step; a crumb walks back', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('containers');
    store.getState().drillRow('59fd49aa4072');
    mounted = await mount(<Breadcrumb />, fakeClient({}), store);
    const nav = mounted.container.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Breadcrumb');
    const items = nav!.querySelectorAll('li');
    expect([...items].map((li) => li.textContent)).toEqual(['Whole capture', 'Containers', expect.stringContaining('59fd49aa4072')]);
    expect(items[2].querySelector('button')?.getAttribute('aria-current')).toBe('page');
    await click(items[1].querySelector('button')!);
    expect(store.getState().trail.map((s) => s.viewId)).toEqual(['containers']);
    expect(nav!.querySelectorAll('li')).toHaveLength(2);
  });

  it('e on a Files row names the I/O it opened, not the Processes view it never showed (QA 13: "Processes: fd.containername = …")', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('containers');
    store.getState().drillRow('44136c54b079');
    store.getState().switchView('files');
    store.getState().drillRow('44136c54b079:/var/log/nginx/error.log', 'streams');
    mounted = await mount(<Breadcrumb />, fakeClient({}), store);
    const crumbs = () => [...mounted!.container.querySelectorAll('li')].map((li) => li.textContent);
    expect(crumbs()).toEqual(['Whole capture', 'Containers', 'Files in container 44136c54b079', 'I/O of /var/log/nginx/error.log']);
    expect(crumbs().join(' ')).not.toContain('Processes');
    await click(mounted.container.querySelectorAll('li button')[3] as HTMLButtonElement);
    // The crumb walks back to its step, shown as the view it is.
    expect(store.getState().panel).toBe('views');
    // In the user's words (QA 16 R6), with the exact filter one hover away.
    expect(crumbs()[3]).toBe('Processes using /var/log/nginx/error.log');
    expect(mounted.container.querySelectorAll('li button')[3].getAttribute('title')).toContain('fd.containername="44136c54b079:/var/log/nginx/error.log"');
  });

  it('the events tab names its scope, and leaves out a first step that scopes nothing', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().showPanel('events');
    mounted = await mount(<Breadcrumb />, fakeClient({}), store);
    const crumbs = () => [...mounted!.container.querySelectorAll('li')].map((li) => li.textContent);
    expect(crumbs()).toEqual(['Whole capture']);
    await act(async () => {
      store.getState().openView('procs');
      store.getState().drillRow('5253', 'events');
    });
    expect(crumbs()).toEqual(['Whole capture', 'Processes', 'Events of process 5253']);
  });

  it('"Whole capture" drops a tile drill in every tab, with the stream followed in it', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('containers', 'container.id in ("44136c54b079")', 'Container Deaths');
    store.getState().drillRow('44136c54b079');
    store.getState().setFollow('5253:5#8');
    store.getState().setStreamMode('hex');
    mounted = await mount(<Breadcrumb />, fakeClient({}), store);
    const first = mounted.container.querySelector('nav li button') as HTMLButtonElement;
    expect(first.textContent).toBe('Whole capture');
    await click(first);
    const s = store.getState();
    expect(s.trail).toEqual([{ viewId: 'containers', filter: '' }]);
    expect(s.panel).toBe('streams');
    expect(s.follow).toBeUndefined();
    expect(s.streamMode).toBe('dotted');
  });
});

describe('Overview', () => {
  it('shows the tiles as buttons named by their title, grouped in labelled regions', async () => {
    const store = createCaptureStore('c', '/x.scap');
    const client = fakeClient({ tiles: () => tiles });
    mounted = await mount(<Overview />, client, store);
    await settle();
    const groups = [...mounted.container.querySelectorAll('section')].map((s) => s.getAttribute('aria-label'));
    expect(groups).toEqual(['general', 'Network']);
    const tile = mounted.container.querySelector('button[aria-label="Running Containers"]')!;
    expect(tile.querySelector('.tile-value')?.textContent).toBe('2');
    expect(client.calls[0]).toMatchObject({ method: 'tiles', request: { captureId: 'c' } });
    await click(tile);
    expect(store.getState().pinned).toEqual(['containers']);
    expect(tile.getAttribute('aria-pressed')).toBe('true');
    expect(mounted.container.querySelector('button[aria-label="Open System Calls in a view"]')).toBeNull();
    await click(mounted.container.querySelector('button[aria-label="Open Running Containers in a view"]')!);
    expect(store.getState().panel).toBe('views');
    expect(store.getState().trail[0].viewId).toBe('containers');
  });

  it("drills a 'dig' tile to the Events tab and an 'echo' tile to I/O Streams, with the tile's filter (QA 14 A1)", async () => {
    const store = createCaptureStore('c', '/x.scap');
    const client = fakeClient({ tiles: () => [
      { id: 'perf.signals', category: 'performance', title: 'Received Signals', total: 4, max: 2, series: [2, 2], drillView: 'dig', drillFilter: 'evt.type=signaldeliver' },
      { id: 'logs.app.errors', category: 'logs', title: 'App Log Error Messages', total: 5, max: 1, series: [1], drillView: 'echo', drillFilter: 'evt.is_io_write=true' },
    ] });
    mounted = await mount(<><Breadcrumb /><Overview /></>, client, store);
    await settle();
    await click(mounted.container.querySelector('button[aria-label="Open Received Signals in Events"]')!);
    expect(store.getState().panel).toBe('events');
    expect(store.getState().trail.at(-1)?.filter).toBe('evt.type=signaldeliver');
    expect([...mounted.container.querySelectorAll('nav li')].map((li) => li.textContent)).toEqual(['Whole capture', 'Events of Received Signals']);
    store.getState().showOverview();
    await settle();
    await click(mounted.container.querySelector('button[aria-label="Open App Log Error Messages in I/O Streams"]')!);
    expect(store.getState().panel).toBe('streams');
    expect(store.getState().trail.at(-1)?.filter).toBe('evt.is_io_write=true');
  });

  it('gives its first tile the focus once the tiles are shown, when focus was lost on the way (QA 15: Backspace left it on <body>)', async () => {
    (document.activeElement as HTMLElement | null)?.blur();
    mounted = await mount(<main className="main-panel"><Overview /></main>, fakeClient({ tiles: () => tiles }), createCaptureStore('c', '/x.scap'));
    await settle();
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Running Containers');
  });

  it('shows the engine\'s one-line error as an alert', async () => {
    const client = fakeClient({ tiles: () => { throw new Error('capture closed'); } });
    mounted = await mount(<Overview />, client, createCaptureStore('c', '/x.scap'));
    await settle();
    expect(mounted.container.querySelector('[role=alert]')?.textContent).toBe('capture closed');
  });
});

describe('ViewsPanel table', () => {
  it("says in one line, where the table would be, that a link's view does not exist, and asks the engine nothing (QA 20)", async () => {
    const store = createCaptureStore('c', '/x.scap', { ...emptyHashState, panel: 'views', trail: [{ viewId: 'nosuchview', filter: '' }] });
    let asked = 0;
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => { asked++; return table(1); } }), store);
    await settle();
    expect(mounted.container.querySelector('[role=grid]')).toBeNull();
    const alerts = [...mounted.container.querySelectorAll('[role=alert]')];
    expect(alerts.map((a) => a.textContent)).toEqual(["There is no view 'nosuchview'. Choose one from the list of views on the left."]);
    expect(asked).toBe(0);
  });

  it('is a grid named by the view, with column headers that sort', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('procs');
    const client = fakeClient({ view: () => table(3) });
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, client, store);
    await settle();
    const grid = mounted.container.querySelector('[role=grid]')!;
    expect(grid.getAttribute('aria-label')).toBe('Processes');
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    const headers = [...grid.querySelectorAll('[role=columnheader]')];
    expect(headers.map((h) => h.textContent)).toEqual(['PID', 'NAME']);
    const dataRows = [...grid.querySelectorAll('[role=row]')].slice(1);
    expect(dataRows.map((r) => r.querySelectorAll('[role=gridcell]')[1].textContent)).toEqual(['proc0', 'proc1', 'proc2']);
    await click(headers[1].querySelector('button')!);
    expect(store.getState().sort).toEqual({ column: 'proc.name', descending: true });
    await settle();
    expect(grid.querySelector('[role=columnheader][aria-sort=descending]')?.textContent).toContain('NAME');
    expect(client.calls.at(-1)).toMatchObject({ method: 'view', request: { viewId: 'procs', sort: { column: 'proc.name', descending: true } } });
  });

  it('moves the selection with the arrow keys and drills down on Enter', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('procs');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => table(3) }), store);
    await settle();
    const grid = mounted.container.querySelector('[role=grid]')!;
    await press(grid, 'ArrowDown');
    expect(store.getState().selectedRow).toBe(1);
    await press(grid, 'Enter');
    const trail = store.getState().trail;
    expect(trail).toHaveLength(2);
    expect(trail[1].filter).toContain('1001');
  });
});

describe('ViewsPanel: a tile drill with no rows (QA 14 A5)', () => {
  it('says why the table is empty and offers the tabs that show the tile\'s events', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openTile('containers', 'container.id in (e7a89f97e548)', 'Container Deaths');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => table(0) }), store);
    await settle();
    const note = mounted.container.querySelector('.empty-drill[role=status]');
    expect(note?.textContent).toContain('No Containers rows for the Container Deaths tile.');
    expect(note?.textContent).toContain('keeps only events where container.name != host');
    expect(note?.textContent).toContain('holds no metadata');
    await click([...note!.querySelectorAll('button')].find((b) => b.textContent === 'Processes')!);
    expect(store.getState().panel).toBe('tree');
    expect(store.getState().trail.at(-1)?.filter).toBe('container.id in (e7a89f97e548)');
  });

  it('says nothing more when the table has rows, or when the step is not a tile\'s', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openTile('containers', 'container.id in (e7a89f97e548)', 'Container Deaths');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => table(3) }), store);
    await settle();
    expect(mounted.container.querySelector('.empty-drill')).toBeNull();
    mounted.unmount();
    const plain = createCaptureStore('c', '/x.scap');
    plain.getState().openView('containers');
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => table(0) }), plain);
    await settle();
    // An empty view that is not a tile's says why in its own words (emptyView.spec), not the tile's.
    expect(mounted.container.querySelector('.empty-drill')?.textContent).not.toContain('tile');
  });
});

describe('ViewsPanel coming back', () => {
  it('shows the table with the sort and the selected row the user left, scrolled to it', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('procs');
    store.getState().setSort({ column: 'proc.name', descending: true });
    store.getState().selectRow(40);
    store.getState().drillRow('1040');
    store.getState().walkBack(0);
    const client = fakeClient({ view: () => table(60) });
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, client, store);
    await settle();
    const grid = mounted.container.querySelector('[role=grid]') as HTMLElement;
    expect(grid.querySelector('[role=columnheader][aria-sort=descending]')?.textContent).toContain('NAME');
    expect(grid.querySelector('[role=row][aria-selected=true]')?.textContent).toContain('proc40');
    expect(grid.scrollTop).toBeGreaterThan(0);
  });
});

describe('ViewsPanel default sort', () => {
  it('marks the column the rows are sorted by before the user picks one; a click flips it', async () => {
    const store = createCaptureStore('c', '/x.scap');
    store.getState().openView('procs');
    const procs: TableWindow = {
      columns: [{ name: 'PID', title: 'PID', type: 'number' }, { name: 'CPU', title: 'CPU', type: 'percent' }, { name: 'Command', title: 'Command', type: 'string' }],
      rows: [[1, 9, 'a'], [2, 3, 'b']], totalRows: 2, offset: 0,
    };
    mounted = await mount(<ViewsPanel gridRef={{ current: null }} />, fakeClient({ view: () => procs }), store);
    await settle();
    const sorted = [...mounted.container.querySelectorAll('[role=columnheader]')].filter((h) => h.getAttribute('aria-sort') !== 'none');
    expect(sorted.map((h) => [h.textContent, h.getAttribute('aria-sort')])).toEqual([['CPU ▼', 'descending']]);
    await click(sorted[0].querySelector('button')!);
    expect(store.getState().sort).toEqual({ column: 'CPU', descending: false });
  });
});
