import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemState } from '../state/systemState';
import { ThreadInfo } from '../state/threadInfo';
import { COUNT_ONLY, OTHER, SAME, ThreadTupleInputs } from './threadTupleInputs';

function thread(state: SystemState, tid: number, pid: number, ptid: number, comm: string): ThreadInfo {
  const t = new ThreadInfo();
  t.tid = tid; t.pid = pid; t.ptid = ptid; t.comm = comm;
  state.threads.set(tid, t);
  return t;
}

function noted(): { state: SystemState; parent: ThreadInfo; t: ThreadInfo; inputs: ThreadTupleInputs } {
  const state = new SystemState();
  const parent = thread(state, 1, 1, 0, 'init');
  const t = thread(state, 10, 10, 1, 'httpd');
  const inputs = new ThreadTupleInputs();
  inputs.noteThreadFields(state, t);
  inputs.noteFigures(t);
  return { state, parent, t, inputs };
}

test('a thread table change that touches nothing the thread shows leaves its inputs the same', () => {
  const { state, t, inputs } = noted();
  thread(state, 20, 20, 1, 'other');
  state.threadEpoch++;
  assert.equal(inputs.threadFieldsChange(state, t), SAME);
});

test('a new thread of the process changes only the thread count, and the new count is noted', () => {
  const { state, t, inputs } = noted();
  thread(state, 11, 10, 10, 'httpd');
  assert.equal(inputs.threadFieldsChange(state, t), COUNT_ONLY);
  assert.equal(inputs.threadFieldsChange(state, t), SAME);
});

test('the parent renamed, replaced or gone, the thread renamed, or the user and container tables moved: asked again', () => {
  const cases: Array<(s: ReturnType<typeof noted>) => void> = [
    ({ parent }) => { parent.comm = 'systemd'; },
    ({ state }) => { thread(state, 1, 1, 0, 'init'); },
    ({ state }) => { state.threads.delete(1); },
    ({ t }) => { t.comm = 'sh'; },
    ({ t }) => { t.args = ['-c', 'x']; },
    ({ t }) => { t.uid = 33; },
    ({ t }) => { t.ptid = 2; },
    ({ state }) => { state.changed(); },
  ];
  for (const change of cases) {
    const s = noted();
    change(s);
    assert.equal(s.inputs.threadFieldsChange(s.state, s.t), OTHER, change.toString());
  }
});

test('figures are asked again when a page fault count, a vm size or process leadership changes', () => {
  const cases: Array<(t: ThreadInfo) => void> = [
    (t) => { t.pfmajor++; }, (t) => { t.pfminor++; }, (t) => { t.vmsizeKb++; }, (t) => { t.vmrssKb++; }, (t) => { t.pid = 1; },
  ];
  for (const change of cases) {
    const { t, inputs } = noted();
    assert.equal(inputs.figuresMatch(t), true);
    change(t);
    assert.equal(inputs.figuresMatch(t), false, change.toString());
  }
});
