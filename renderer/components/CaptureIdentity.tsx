/** Which capture this is: file, size, time span, host. */
import { useCapture, useCaptureStore, useClient } from '../state/context';
import { useApp } from '../state/appStore';
import { messageOf } from '../api/client';
import { exportCurrent } from '../exportTable';
import { FindingsToggle } from '../findings/FindingsPanel';
import { CaptureWarnings } from './CaptureWarnings';
import { onlyInternalRecords, useHasListableEvents } from './listableEvents';
import { countOf, formatBytes, formatCount, formatDuration, formatTimestamp, hasTimestamps } from '../util/format';

export function CaptureIdentity({ onClose }: { onClose(): void }) {
  const info = useCapture((s) => s.info);
  const client = useClient();
  const store = useCaptureStore();
  const listable = useHasListableEvents();
  if (!info) return null;
  const exportNow = () => exportCurrent(client, store).then(useApp.getState().setNotice, (e) => useApp.getState().setNotice(messageOf(e)));
  const span = Number(BigInt(info.lastTs) - BigInt(info.firstTs));
  return (
    <header className="identity" aria-label="Capture">
      <strong className="file" title={info.path}>{info.fileName}</strong>
      <span>{formatBytes(info.sizeBytes)}</span>
      {listable === false
        ? <span className="warning" title={onlyInternalRecords(info.events)}>no system call events ({countOf(info.events, 'internal record')})</span>
        : <span>{formatCount(info.events)} event{info.events === 1 ? '' : 's'}</span>}
      {hasTimestamps(info)
        ? <span title={`${formatTimestamp(info.firstTs)} – ${formatTimestamp(info.lastTs)}`}>{formatTimestamp(info.firstTs)} · {formatDuration(span)}</span>
        : <span className="warning">no timestamped events</span>}
      <span>host {info.hostname || '—'}{info.numCpus > 0 ? ` · ${countOf(info.numCpus, 'CPU')}` : ''}</span>
      <CaptureWarnings warnings={info.warnings} />
      <span className="spacer" />
      <FindingsToggle />
      <button type="button" className="small" onClick={() => void exportNow()} title="Save what is shown as a file">Export</button>
      <button type="button" className="small" onClick={onClose}>Close capture</button>
    </header>
  );
}
