/** An open capture: identity, breadcrumb and filter, the overview or the views, the timeline. */
import { useEffect, type RefObject } from 'react';
import { focusTableAfterNavigation } from '../util/focusTable';
import { useCapture } from '../state/context';
import type { DataGridHandle } from '../grid/DataGrid';
import { Breadcrumb } from './Breadcrumb';
import { CaptureIdentity } from './CaptureIdentity';
import { FilterBar } from './FilterBar';
import { LoadProgress } from './LoadProgress';
import { Overview } from './Overview';
import { Timeline } from './Timeline';
import { ViewsPanel } from './ViewsPanel';
import { EventsPanel } from './EventsPanel';
import { StreamsPanel } from './StreamsPanel';
import { ProcessTreePanel } from './ProcessTreePanel';
import { FindingsPanel, useFindingsOpen } from '../findings/FindingsPanel';

export function Inspector({ onClose, onCancel, gridRef }: { onClose(): void; onCancel(): void; gridRef: RefObject<DataGridHandle | null> }) {
  const status = useCapture((s) => s.status);
  const panel = useCapture((s) => s.panel);
  const trail = useCapture((s) => s.trail);
  const switchView = useCapture((s) => s.switchView);
  const showOverview = useCapture((s) => s.showOverview);
  const showPanel = useCapture((s) => s.showPanel);
  const findingsOpen = useFindingsOpen();
  // Each place the user goes (panel or drill step) that shows a table gets the keyboard.
  useEffect(() => { if (status === 'ready') focusTableAfterNavigation(); }, [status, panel, trail]);
  if (status !== 'ready') return <LoadProgress onCancel={onCancel} onClose={onClose} />;
  return (
    <div className={`inspector${findingsOpen ? ' findings-open' : ''}`}>
      <CaptureIdentity onClose={onClose} />
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label="Panels">
          <button type="button" role="tab" aria-selected={panel === 'overview'} onClick={showOverview}>Overview</button>
          <button type="button" role="tab" aria-selected={panel === 'views'} onClick={() => switchView(trail[trail.length - 1]?.viewId ?? 'procs')}>Views</button>
          <button type="button" role="tab" aria-selected={panel === 'events'} onClick={() => showPanel('events')}>Events</button>
          <button type="button" role="tab" aria-selected={panel === 'streams'} onClick={() => showPanel('streams')}>I/O Streams</button>
          <button type="button" role="tab" aria-selected={panel === 'tree'} onClick={() => showPanel('tree')}>Processes</button>
        </div>
        <Breadcrumb />
      </div>
      <FilterBar />
      <main className="main-panel">
        {panel === 'overview' ? <Overview />
          : panel === 'events' ? <EventsPanel />
            : panel === 'streams' ? <StreamsPanel />
              : panel === 'tree' ? <ProcessTreePanel />
                : <ViewsPanel gridRef={gridRef} />}
      </main>
      <Timeline />
      <FindingsPanel />
    </div>
  );
}
