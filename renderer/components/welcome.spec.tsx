// The welcome screen: a recent capture is one button (name and path), and why the last capture
// could not be opened is said in one place, under the path box, until the user tries again.
import { afterEach, describe, expect, it } from 'vitest';
import { createCaptureStore } from '../state/captureStore';
import { useApp } from '../state/appStore';
import { fakeClient } from '../testing/fakeClient';
import { click, mount, settle, typeInto, type Mounted } from '../testing/mount';
import { Welcome } from './Welcome';

let mounted: Mounted | undefined;
afterEach(() => { mounted?.unmount(); mounted = undefined; useApp.setState({ openError: null, notice: null }); });

const recent = ['/work/shared/captures/inspect_502Error.scap', '/tmp/b/other.scap'];
const client = () => fakeClient({ recentCaptures: () => recent, sampleCapture: () => null });

describe('Welcome', () => {
  it('opens a recent capture from a click anywhere on its row, the path included', async () => {
    const opened: string[] = [];
    mounted = await mount(<Welcome onOpen={(p) => opened.push(p)} />, client(), createCaptureStore('c', '/x.scap'));
    await settle();
    const path = [...mounted.container.querySelectorAll('.welcome-list li .dim')].find((e) => e.textContent === recent[1]);
    expect(path).toBeTruthy();
    await click(path!);
    expect(opened).toEqual([recent[1]]);
    const row = path!.closest('button');
    expect(row?.textContent).toContain('other.scap');
  });

  it('says why the last capture could not be opened under the path box, and forgets it when the user types', async () => {
    useApp.setState({ openError: { path: '/tmp/qa/bad/zero.scap', message: 'zero.scap: empty file, not a scap capture' } });
    mounted = await mount(<Welcome onOpen={() => {}} />, client(), createCaptureStore('c', '/x.scap'));
    await settle();
    const alerts = mounted.container.querySelectorAll('[role=alert]');
    expect(alerts).toHaveLength(1);
    // In the CLI's form, the path first (QA 16: the app mixed "zero.scap: empty file…" with "no such file: /full/path").
    expect(alerts[0].textContent).toBe('/tmp/qa/bad/zero.scap: empty file, not a scap capture');
    expect(alerts[0].closest('section')?.getAttribute('aria-label')).toBe('Open a capture');
    await typeInto(mounted.container.querySelector('#capture-path') as HTMLInputElement, '/tmp/other.scap');
    expect(mounted.container.querySelector('[role=alert]')).toBeNull();
  });

  it("says every reason in the CLI's form, the full path first, once", async () => {
    const cases: Array<[string, string, string]> = [
      ['/tmp/qa/bad/cut.scap', 'cut.scap: cannot open capture: permission denied', '/tmp/qa/bad/cut.scap: permission denied'],
      ['/tmp/qa/dir.scap', '/tmp/qa/dir.scap: is a directory, not a capture file', '/tmp/qa/dir.scap: is a directory, not a capture file'],
      ['/nonexistent/capture.scap', '/nonexistent/capture.scap: no such file', '/nonexistent/capture.scap: no such file'],
    ];
    for (const [path, message, shown] of cases) {
      useApp.setState({ openError: { path, message } });
      mounted = await mount(<Welcome onOpen={() => {}} />, client(), createCaptureStore('c', '/x.scap'));
      await settle();
      expect(mounted.container.querySelector('[role=alert]')?.textContent).toBe(shown);
      mounted.unmount();
      mounted = undefined;
    }
  });
});
