/**
 * Which capture this is: file, size, time span, host. In a narrow bar the file name and the host
 * give way first; size, event count and span keep their room (QA 16 R8), and each item's tooltip
 * holds its exact figure.
 */
import { useLayoutEffect, useRef } from 'react';
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
      <GivingWay strong className="file" title={info.path} least="min(8em, 25%)">{info.fileName}</GivingWay>
      <span className="fact" title={countOf(info.sizeBytes, 'byte')}>{formatBytes(info.sizeBytes)}</span>
      {listable === false
        ? <span className="warning" title={onlyInternalRecords(info.events)}>no system call events ({countOf(info.events, 'internal record')})</span>
        : <span className="fact" title={countOf(info.events, 'event')}>{formatCount(info.events)} event{info.events === 1 ? '' : 's'}</span>}
      {hasTimestamps(info)
        ? <span className="fact span" title={`${formatTimestamp(info.firstTs)} – ${formatTimestamp(info.lastTs)} (${formatDuration(span)})`}>{startToTheSecond(info.firstTs)} · {formatDuration(span)}</span>
        : <span className="warning">no timestamped events</span>}
      {/* The host's name may be cut (its tooltip holds it), its CPU count never: "4 C…" beside the open Findings drawer read as nothing (QA 20 item 6). */}
      <GivingWay className="host" title={hostTitle} least="5em">{`host ${info.hostname || '—'}`}</GivingWay>
      {info.numCpus > 0 && <span className="cpus" title={hostTitle}>· {countOf(info.numCpus, 'CPU')}</span>}
      <CaptureWarnings warnings={info.warnings} />
      <span className="spacer" />
      <FindingsToggle />
      <button type="button" className="small" onClick={() => void exportNow()} title="Save what is shown as a file">Export</button>
      <button type="button" className="small" onClick={onClose}>Close capture</button>
    </header>
  );
}

/**
 * A header item that gives way (cut with an ellipsis, its tooltip whole) down to `least`, but a
 * shorter text asks for no more than its own width: 'cut.scap' kept an empty 8em while the host
 * beside it was cut, and a 100-character capture name squeezed the host to nothing (QA H79).
 */
function GivingWay({ className, title, least, strong, children }: { className: string; title: string; least: string; strong?: boolean; children: string }) {
  const el = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const e = el.current;
    if (!e) return;
    // At no least width the box is no wider than its text: scrollWidth is then the whole text's width, cut or not.
    e.style.minWidth = '0';
    e.style.minWidth = `min(${least}, ${Math.ceil(e.scrollWidth)}px)`;
  }, [children, least]);
  return strong ? <strong ref={el} className={className} title={title}>{children}</strong> : <span ref={el} className={className} title={title}>{children}</span>;
}

/** "2024-03-12 09:41:07 UTC": the start to the second (the microseconds are in the tooltip). */
function startToTheSecond(ns: string): string {
  return formatTimestamp(ns).replace(/\.\d+ UTC$/, ' UTC');
}
