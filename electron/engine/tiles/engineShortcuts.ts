/**
 * The tile classifier's shortcuts for the engine's events (see EventShortcuts): event kinds
 * from evtFields.ts's eventKind, and notes kept per fd table entry under the same rule the
 * indexer's fd tuples follow (eventValues.ts): an entry's fd fields stand while the state's
 * fdEpoch, the entry's revision and the reading thread's container stand.
 */
import type { EventContext } from '../inspector/eventContext';
import type { SystemState } from '../state/systemState';
import type { FdInfo } from '../state/fdInfo';
import { EVENT_KIND_COUNT, eventKind } from '../fields/evtFields';
import { fdFieldsSource } from '../fields/fdFields';
import { FdNotes, type EventShortcuts } from './eventShortcuts';

class KeptFdNotes extends FdNotes {
  fd: FdInfo | undefined = undefined;
  state: SystemState | undefined = undefined;
  epoch = -1;
  revision = -1;
  container = '';
}

/** Notes are kept in a small table by thread and fd number: an fd meeting another's slot takes it over. */
const KEPT_NOTES = 1024;

export function engineShortcuts(): EventShortcuts<EventContext> {
  const kept = Array.from({ length: KEPT_NOTES }, () => new KeptFdNotes());
  return {
    kindCount: EVENT_KIND_COUNT,
    kindOf: eventKind,
    fdNotes(ctx) {
      const fd = fdFieldsSource(ctx);
      // An fd table entry means a thread (fdFieldsSource answers for events with one only).
      const t = ctx.es.thread;
      if (fd === undefined || t === undefined) return undefined;
      const notes = kept[((t.tid << 5) ^ t.lastEventFd) & (KEPT_NOTES - 1)];
      const state = ctx.state;
      const container = t.containerId;
      if (notes.fd !== fd || notes.state !== state || notes.epoch !== state.fdEpoch || notes.revision !== fd.revision || notes.container !== container) {
        notes.clear();
        notes.fd = fd;
        notes.state = state;
        notes.epoch = state.fdEpoch;
        notes.revision = fd.revision;
        notes.container = container;
      }
      return notes;
    },
  };
}
