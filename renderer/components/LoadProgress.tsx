/** Loading a capture: percent, events per second, time left, and Cancel. */
import { useCapture } from '../state/context';
import { formatBytes, formatCount, formatSeconds } from '../util/format';

export function LoadProgress({ onCancel, onClose }: { onCancel(): void; onClose(): void }) {
  const progress = useCapture((s) => s.progress);
  const status = useCapture((s) => s.status);
  const error = useCapture((s) => s.error);
  const path = useCapture((s) => s.path);
  const percent = progress && progress.totalBytes > 0 ? Math.min(100, (100 * progress.bytesRead) / progress.totalBytes) : 0;
  const failed = status === 'failed' || status === 'cancelled';
  return (
    <main className="loading" aria-labelledby="loading-title">
      <h1 id="loading-title">{failed ? (status === 'cancelled' ? 'Loading cancelled' : 'Could not open the capture') : 'Indexing capture…'}</h1>
      <p className="dim">{path}</p>
      {failed ? (
        <>
          {error && <p role="alert" className="error-line">{error}</p>}
          <button type="button" onClick={onClose}>Back</button>
        </>
      ) : (
        <>
          <div role="progressbar" aria-label="Loading" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} className="progress">
            <div className="progress-fill" style={{ width: `${percent}%` }} />
          </div>
          <dl className="progress-figures">
            <div><dt>Done</dt><dd>{percent.toFixed(0)}%</dd></div>
            <div><dt>Read</dt><dd>{progress ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.totalBytes)}` : '—'}</dd></div>
            <div><dt>Events</dt><dd>{progress ? formatCount(progress.events) : '—'}</dd></div>
            <div><dt>Events/s</dt><dd>{progress ? formatCount(Math.round(progress.eventsPerSecond)) : '—'}</dd></div>
            <div><dt>Time left</dt><dd>{progress ? formatSeconds(progress.secondsLeft) : '—'}</dd></div>
          </dl>
          <button type="button" onClick={onCancel}>Cancel</button>
        </>
      )}
    </main>
  );
}
