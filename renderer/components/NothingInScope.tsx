/**
 * What an evidence panel says when it finds nothing. Under a drill-down the panel reads only
 * the drilled selection's events, so a filter about something else (the DNS traffic, while the
 * tab is scoped to resolv.conf's I/O) finds nothing although the capture has it: the message
 * names the scope and offers the whole capture, keeping the filter.
 */
import { useCapture } from '../state/context';
import { selectionLabel, stepTile } from '../util/scopeLabel';

export function NothingInScope({ what }: { what: string }) {
  const scope = useCapture((s) => {
    const last = s.trail[s.trail.length - 1];
    if (!last?.filter) return '';
    const tile = stepTile(last);
    return tile !== undefined ? `what the ${tile} tile selects` : selectionLabel(last) || 'the drill-down';
  });
  const filtered = useCapture((s) => s.filter.trim() !== '');
  const showWholeCapture = useCapture((s) => s.showWholeCapture);
  if (!scope) return <p className="dim">No {what} here.</p>;
  return (
    <p className="dim" role="status">
      No {what} in {scope}{filtered ? ' under this filter' : ''}.{' '}
      <button type="button" className="link" onClick={showWholeCapture}>Look in the whole capture{filtered ? ' with this filter' : ''}</button>
    </p>
  );
}
