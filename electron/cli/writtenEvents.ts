/**
 * How `write` counts what it wrote, in the numbers the user meets next: `count` and `sysdig -r`
 * on the new file count the events sysdig prints, not every event it reads and numbers
 * (procinfo and other internal events, metadata read as initial state). QA 17: write said 228
 * where count on its file said 226.
 */
import { countOf } from '../../shared/format/plural';

/** "226 events (and 2 more that sysdig reads but does not show: internal or metadata)". */
export function writtenEventsText(shown: number, written: number): string {
  const hidden = written - shown;
  return hidden > 0
    ? `${countOf(shown, 'event')} (and ${hidden} more that sysdig reads but does not show: internal or metadata)`
    : countOf(shown, 'event');
}
