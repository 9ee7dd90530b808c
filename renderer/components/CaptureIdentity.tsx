/**
 * Which capture this is: file, size, time span, host. In a narrow bar the file name and the host
 * give way first; size, event count and span keep their room (QA 16 R8), and each item's tooltip
 * holds its exact figure.
 */
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
  const hostTitle = `host ${info.hostname || 'unknown'}${info.numCpus > 0 ? `, ${countOf(info.numCpus, 'CPU')}` : ''}`;
  return (
    <header className="identity" aria-label="Capture">
      <strong className="file" title={info.path}>{info.fileName}</strong>
      <span className="fact" title={countOf(info.sizeBytes, 'byte')}>{formatBytes(info.sizeBytes)}</span>
      {listable === false
        ? <span className="warning" title={onlyInternalRecords(info.events)}>no system call events ({countOf(info.events, 'internal record')})</span>
        : <span className="fact" title={countOf(info.events, 'event')}>{formatCount(info.events)} event{info.events === 1 ? '' : 's'}</span>}
      {hasTimestamps(info)
        ? <span className="fact span" title={`${formatTimestamp(info.firstTs)} – ${formatTimestamp(info.lastTs)} (${formatDuration(span)})`}>{startToTheSecond(info.firstTs)} · {formatDuration(span)}</span>
        : <span className="warning">no timestamped events</span>}
      {/* The host's name may be cut (its tooltip holds it), its CPU count never: "4 C…" beside the open Findings drawer read as nothing (QA 20 item 6). */}
      <span className="host" title={hostTitle}>host {info.hostname || '—'}</span>
      {info.numCpus > 0 && <span className="cpus" title={hostTitle}>· {countOf(info.numCpus, 'CPU')}</span>}
      <CaptureWarnings warnings={info.warnings} />
      <span className="spacer" />
      <FindingsToggle />
      <button type="button" className="small" onClick={() => void exportNow()} title="Save what is shown as a file">Export</button>
      <button type="button" className="small" onClick={onClose}>Close capture</button>
    </header>
  );
}

/** "2024-03-12 09:41:07 UTC": the start to the second (the microseconds are in the tooltip). */
function startToTheSecond(ns: string): string {
  return formatTimestamp(ns).replace(/\.\d+ UTC$/, ' UTC');
}
