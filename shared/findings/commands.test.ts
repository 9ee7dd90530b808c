import { test } from 'node:test';
import assert from 'node:assert/strict';
import { andFilters, bookmarkCommands, rowEventsFilter, shellCommand, shellQuote, stepCommands } from './commands';

test('shell words are single-quoted unless plainly safe; embedded quotes survive', () => {
  assert.equal(shellQuote('capture.scap'), 'capture.scap');
  assert.equal(shellQuote('evt.num=5'), 'evt.num=5');
  assert.equal(shellQuote('proc.name=nginx and fd.num>3'), `'proc.name=nginx and fd.num>3'`);
  assert.equal(shellQuote(`it's $(rm -rf ~)`), `'it'\\''s $(rm -rf ~)'`);
  assert.equal(shellQuote(''), `''`);
  assert.equal(shellCommand(['a b', 'c']), `'a b' c`);
});

test('filters are combined with parentheses, empty parts dropped', () => {
  assert.equal(andFilters('', ' a ', undefined), 'a');
  assert.equal(andFilters('a', 'b or c'), '(a) and (b or c)');
});

test('an event bookmark reproduces with syscope dump, syscope events and sysdig', () => {
  const c = bookmarkCommands('/tmp/my capture.scap', { kind: 'event', evtNum: 42, note: '' });
  assert.deepEqual(c, [`syscope dump '/tmp/my capture.scap' evt.num=42`, `syscope events '/tmp/my capture.scap' evt.num=42 --json`, `sysdig -r '/tmp/my capture.scap' evt.num=42`]);
});

test('a row bookmark filters on the row key, quoting hostile keys for the filter and the shell', () => {
  const b = { kind: 'row' as const, viewId: 'procs', filter: 'container.name contains "web"', key: `x"y'z`, note: '' };
  assert.equal(rowEventsFilter('proc.name', b), '(container.name contains "web") and (proc.name="x\\"y\'z")');
  const [view, dump] = bookmarkCommands('c.scap', b, 'proc.name');
  assert.equal(view, `syscope view c.scap procs --filter 'container.name contains "web"'`);
  assert.equal(dump, `syscope dump c.scap '(container.name contains "web") and (proc.name="x\\"y'\\''z")'`);
});

test('a step over a view reproduces the view and its events in the time window', () => {
  const cmds = stepCommands('c.scap', { title: '', viewId: 'procs', trail: [{ viewId: 'containers', filter: '' }, { viewId: 'procs', filter: 'container.id="abc"' }], filter: 'proc.name=nginx', window: { from: '10', to: '20' }, tiles: [], note: '' });
  assert.deepEqual(cmds, [
    `syscope view c.scap procs --filter '(proc.name=nginx) and (container.id="abc")' --from 10 --to 20`,
    `syscope dump c.scap '((proc.name=nginx) and (container.id="abc")) and (evt.rawtime >= 10 and evt.rawtime <= 20)'`,
  ]);
});

test('steps on the events, streams and tree panels reproduce with those commands', () => {
  const base = { title: '', trail: [], tiles: [], note: '' };
  assert.deepEqual(stepCommands('c.scap', { ...base, viewId: 'events', filter: 'proc.name=nginx', window: { from: '1', to: '2' } }), [`syscope events c.scap proc.name=nginx --from-time 1 --to-time 2`]);
  assert.deepEqual(stepCommands('c.scap', { ...base, viewId: 'streams', filter: '', follow: '42:5#2' }), [`syscope streams c.scap --follow '42:5#2'`, `syscope export c.scap stream --follow '42:5#2' --format text -o stream.txt`]);
  assert.deepEqual(stepCommands('c.scap', { ...base, viewId: 'tree', filter: 'container.id!=host' }), [`syscope tree c.scap 'container.id!=host'`]);
});

test('a streams step shown in hex reproduces in hex (QA 13: the commands dropped the mode); dotted is the default and not said', () => {
  const base = { title: '', trail: [], tiles: [], note: '', viewId: 'streams', filter: 'fd.sport=53', follow: '5253:5#8' };
  assert.equal(stepCommands('c.scap', { ...base, mode: 'hex' })[0], `syscope streams c.scap fd.sport=53 --follow '5253:5#8' --mode hex`);
  assert.equal(stepCommands('c.scap', { ...base, mode: 'dotted' })[0], `syscope streams c.scap fd.sport=53 --follow '5253:5#8'`);
});

test('a followed stream is exported to the same file whether a step or a bookmark reproduces it (QA 18: the step printed to stdout)', () => {
  const step = stepCommands('c.scap', { title: '', trail: [], tiles: [], note: '', viewId: 'streams', filter: 'fd.sport=53', follow: '5253:5#8' });
  const bookmark = bookmarkCommands('c.scap', { kind: 'stream', evtNum: 274, streamKey: '5253:5#8' } as Parameters<typeof bookmarkCommands>[1]);
  const exportOf = (cmds: string[]) => cmds.find((c) => c.startsWith('syscope export '))!;
  assert.equal(exportOf(step), `syscope export c.scap stream --follow '5253:5#8' --format text -o stream.txt fd.sport=53`);
  assert.equal(exportOf(bookmark), `syscope export c.scap stream --follow '5253:5#8' --format text -o stream.txt`);
});
