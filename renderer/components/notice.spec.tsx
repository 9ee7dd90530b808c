// The passing message over an open capture: shown as a status, gone by itself after a while.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { useApp } from '../state/appStore';
import { fakeClient } from '../testing/fakeClient';
import { mount, type Mounted } from '../testing/mount';
import { Notice, noticeMs } from './Notice';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; vi.useRealTimers(); useApp.setState({ notice: null }); });

describe('Notice', () => {
  it('shows the export message as a status and clears it by itself', async () => {
    vi.useFakeTimers();
    mounted = await mount(<Notice />, fakeClient({}), createCaptureStore('c', '/x.scap'));
    await act(async () => { useApp.getState().setNotice('206 items exported to bencer_capture-procs.csv'); });
    expect(mounted.container.querySelector('[role=status]')?.textContent).toBe('206 items exported to bencer_capture-procs.csv');
    await act(async () => { vi.advanceTimersByTime(noticeMs - 100); });
    expect(mounted.container.querySelector('[role=status]')).not.toBeNull();
    await act(async () => { vi.advanceTimersByTime(200); });
    expect(mounted.container.querySelector('[role=status]')).toBeNull();
    expect(useApp.getState().notice).toBeNull();
  });
});
