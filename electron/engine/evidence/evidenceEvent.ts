/**
 * What the evidence builders need to know about one event, once the state engine has parsed
 * it: the raw event, its number, its thread and the fd it refers to. The state engine's own
 * objects (ThreadInfo, FdInfo) satisfy these shapes, so no copy is made per event.
 */
import type { CaptureEvent } from '../capture/types';

export interface EvidenceThread {
  tid: number;
  pid: number;
  ptid: number;
  comm: string;
  exe: string;
  args: string[];
  uid: number;
  containerId: string;
  vtid: number;
  vpid: number;
}

export interface EvidenceFd {
  name: string;
  /** sysdig's fd type character ('f', '4', '6', 'u', 'p', ...). */
  typeChar: string;
}

export interface EvidenceEvent {
  evtNum: number;
  /** The event in the newest layout (the ids and parameter positions the builders decode). */
  raw: CaptureEvent;
  /**
   * The event as recorded in the file (old captures: enter events, old ids). Enter/exit
   * pairing follows it, as sysdig 0.29.3 does.
   */
  recorded: CaptureEvent;
  thread: EvidenceThread | undefined;
  /** fd.num: the fd the event refers to, -1 for none. */
  fdNum: number;
  /** The fd's table entry, when the state knows it. A new object each time the fd is (re)created. */
  fd: EvidenceFd | undefined;
}

/** What the evidence needs from the state engine's tables. */
export interface EvidenceLookup {
  /** Container metadata, when the capture carried it. */
  container(containerId: string): { name: string; image: string } | undefined;
  userName(uid: number, containerId: string): string;
  /** A thread of the state's thread table (after the current event was parsed). */
  thread(tid: number): EvidenceThread | undefined;
  /** Every container the capture described, seen running or not. */
  containerIds?(): string[];
}

/** container.name as sysdig shows it: 'host' on the host, '<NA>' without metadata. */
export function containerNameOf(lookup: EvidenceLookup, containerId: string): string {
  if (!containerId) return 'host';
  return lookup.container(containerId)?.name || '<NA>';
}
