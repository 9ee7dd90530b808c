/**
 * Whether a capture has any event to list at all. Some captures hold only internal records
 * (the process and file tables, container and user metadata that sysdig writes at the start)
 * and no system call: sysdig prints nothing for them, and the app says so instead of showing
 * an event count beside an empty list. One cheap question per capture (the first listable
 * event, unfiltered), asked once and shared by the header and the events list.
 */
import { useEffect, useState } from 'react';
import type { Client } from '../api/client';
import { useCapture, useClient } from '../state/context';

const asked = new WeakMap<Client, Map<string, Promise<boolean | undefined>>>();

function ask(client: Client, captureId: string): Promise<boolean | undefined> {
  let byCapture = asked.get(client);
  if (!byCapture) { byCapture = new Map(); asked.set(client, byCapture); }
  let answer = byCapture.get(captureId);
  if (!answer) {
    // Nothing and no next page: the whole capture has nothing to list. Anything else, or an
    // error, leaves the question open (undefined), so the app claims nothing.
    answer = client.call('events', { captureId, limit: 1 })
      .then((r) => (r.events.length > 0 ? true : r.next === null ? false : undefined), () => undefined);
    byCapture.set(captureId, answer);
  }
  return answer;
}

/** true: there are events to list; false: only internal records; undefined: not known (yet). */
export function useHasListableEvents(): boolean | undefined {
  const client = useClient();
  const captureId = useCapture((s) => s.captureId);
  const [has, setHas] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void ask(client, captureId).then((v) => { if (live) setHas(v); });
    return () => { live = false; };
  }, [client, captureId]);
  return has;
}

/** The sentence the app uses for such a capture. */
export function onlyInternalRecords(records: number): string {
  return `This capture holds no system call events to list: its ${records.toLocaleString('en-US')} record${records === 1 ? ' is an internal one' : 's are internal ones'} (process and file tables, container and user metadata), which sysdig does not print either.`;
}
