/**
 * The first screen: open a capture by path (browser) or dialog (Electron), recent captures, the
 * sample. Why the last capture could not be opened is said here, under the path box, whatever
 * the reason (refused at once or failed while loading), until the user tries again.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useClient } from '../state/context';
import { useApp } from '../state/appStore';
import { openErrorLine } from './openErrorLine';

export function Welcome({ onOpen }: { onOpen(path: string): void }) {
  const client = useClient();
  const notice = useApp((s) => s.notice);
  const openError = useApp((s) => s.openError);
  // A capture that fails while loading leaves this screen and comes back to it: the path it
  // was opened with is put back in the box to be fixed (QA 20: the typed path was lost).
  const [path, setPath] = useState(() => openError?.path ?? '');
  const [recent, setRecent] = useState<string[]>([]);
  const [sample, setSample] = useState<string | null>(null);
  const electron = client.bridge.platform === 'electron';

  useEffect(() => {
    client.call('recentCaptures', {}).then(setRecent, () => setRecent([]));
    client.call('sampleCapture', {}).then(setSample, () => setSample(null));
  }, [client]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (path.trim()) onOpen(path.trim());
  }

  async function choose() {
    const picked = await client.call('chooseCapture', {}).catch(() => null);
    if (picked) onOpen(picked);
  }

  return (
    <main className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Syscope</h1>
      <p className="tagline">Inspect sysdig and Falco system-call captures (.scap)</p>
      {notice && <p role="status" className="hint">{notice}</p>}
      <section aria-label="Open a capture" className="welcome-open">
        {electron && <button type="button" className="primary" onClick={() => void choose()}>Open capture…</button>}
        <form onSubmit={submit} className="path-form">
          <label htmlFor="capture-path">Capture path</label>
          <input id="capture-path" type="text" value={path} spellCheck={false} autoFocus={!electron}
            placeholder="/path/to/capture.scap" onChange={(e) => { setPath(e.target.value); useApp.getState().setOpenError(null); }} />
          <button type="submit" disabled={!path.trim()}>Open</button>
        </form>
        {openError && <p role="alert" className="error-line open-error" title={openError.path}>{openErrorLine(openError.path, openError.message)}</p>}
        <p className="hint">{electron ? 'or drop a .scap file anywhere on this window' : 'Type the full path of a capture on the machine running `syscope serve`.'}</p>
      </section>
      <section aria-labelledby="sample-title" className="welcome-list">
        <h2 id="sample-title">Sample</h2>
        {sample
          ? <button type="button" className="link" onClick={() => onOpen(sample)}>CrashLoopBackOff of an nginx container (bundled sample)</button>
          : <p className="hint">The bundled sample is not built (run <code>npm run build</code>).</p>}
      </section>
      <section aria-labelledby="recent-title" className="welcome-list">
        <h2 id="recent-title">Recent captures</h2>
        {recent.length === 0 ? <p className="hint">None yet.</p> : (
          <ul>
            {recent.map((p) => (
              <li key={p}>
                <button type="button" className="recent-capture" title={`Open ${p}`} onClick={() => onOpen(p)}>
                  <span className="recent-name">{p.split('/').pop()}</span> <span className="dim">{p}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
