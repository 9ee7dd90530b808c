/**
 * What a thread's recorded values are computed from, noted when they were last asked, so that
 * a move of SystemState.threadEpoch need not ask them again. The epoch moves at every clone,
 * execve and thread removal anywhere (about 27 k times on the 200 MB copy), and made every
 * thread seen afterwards ask its 19 thread fields and 4 figures again (83 k of the pass's 280 k
 * group lookups), although nearly every move had changed nothing those threads show.
 *
 * The thread fields (eventValues.ts THREAD_FIELDS) read: the thread's own names, ids, user and
 * container id; its process leader (proc.ppid) and the count of the process' threads
 * (proc.nthreads); its parent's name (proc.pname); and the user and container tables, which
 * change only with SystemState.tablesEpoch. The figures read the thread's page faults and vm
 * sizes, and whether it leads its process. Each is compared here as the fields read it (the
 * same helpers where they are not plain properties), so equal inputs give equal values; the
 * reference test test/reference/eventValues.test.ts checks that every recorded value still
 * equals the resolver's, event by event.
 */
import type { SystemState } from '../state/systemState';
import type { ThreadInfo } from '../state/threadInfo';
import { parentOf, threadsOfProcess } from '../fields/procFields';

export const SAME = 0;
/** Only proc.nthreads may differ (threadFieldsChange has noted the new count). */
export const COUNT_ONLY = 1;
export const OTHER = 2;
export type ThreadFieldsChange = typeof SAME | typeof COUNT_ONLY | typeof OTHER;

export class ThreadTupleInputs {
  private tablesEpoch = -1;
  private comm = '';
  private exe = '';
  private exepath = '';
  // Argument lists are replaced, never edited (procFields.ts joinedArgs relies on it too).
  private args: readonly string[] = [];
  private tid = 0;
  private pid = 0;
  private ptid = 0;
  private vpid = 0;
  private vtid = 0;
  private uid = 0;
  private containerId = '';
  private leader: ThreadInfo | undefined;
  private leaderPtid = 0;
  private parent: ThreadInfo | undefined;
  private parentComm = '';
  private threads: number | undefined;

  private pfmajor = -1;
  private pfminor = -1;
  private vmsizeKb = -1;
  private vmrssKb = -1;
  private figuresOfLeader = false;

  /**
   * Whether the thread fields' inputs are what they were when noted: SAME, only the count of the
   * process' threads differs (COUNT_ONLY: a thread of a busy process came or went), or OTHER.
   */
  threadFieldsChange(state: SystemState, t: ThreadInfo): ThreadFieldsChange {
    if (this.tablesEpoch !== state.tablesEpoch || this.comm !== t.comm || this.exe !== t.exe || this.exepath !== t.exepath
      || this.args !== t.args || this.tid !== t.tid || this.pid !== t.pid || this.ptid !== t.ptid || this.vpid !== t.vpid || this.vtid !== t.vtid
      || this.uid !== t.uid || this.containerId !== t.containerId) return OTHER;
    const leader = state.mainThreadOf(t);
    if (leader !== this.leader || (leader !== undefined && leader.ptid !== this.leaderPtid)) return OTHER;
    const parent = parentOf(state, t);
    if (parent !== this.parent || (parent !== undefined && parent.comm !== this.parentComm)) return OTHER;
    const threads = threadsOfProcess(state, t);
    if (threads === this.threads) return SAME;
    this.threads = threads;
    return COUNT_ONLY;
  }

  noteThreadFields(state: SystemState, t: ThreadInfo): void {
    this.tablesEpoch = state.tablesEpoch;
    this.comm = t.comm;
    this.exe = t.exe;
    this.exepath = t.exepath;
    this.args = t.args;
    this.tid = t.tid;
    this.pid = t.pid;
    this.ptid = t.ptid;
    this.vpid = t.vpid;
    this.vtid = t.vtid;
    this.uid = t.uid;
    this.containerId = t.containerId;
    this.leader = state.mainThreadOf(t);
    this.leaderPtid = this.leader ? this.leader.ptid : 0;
    this.parent = parentOf(state, t);
    this.parentComm = this.parent ? this.parent.comm : '';
    this.threads = threadsOfProcess(state, t);
  }

  /** The figures' inputs are what they were when noted. */
  figuresMatch(t: ThreadInfo): boolean {
    return this.pfmajor === t.pfmajor && this.pfminor === t.pfminor && this.vmsizeKb === t.vmsizeKb
      && this.vmrssKb === t.vmrssKb && this.figuresOfLeader === (t.tid === t.pid);
  }

  noteFigures(t: ThreadInfo): void {
    this.pfmajor = t.pfmajor;
    this.pfminor = t.pfminor;
    this.vmsizeKb = t.vmsizeKb;
    this.vmrssKb = t.vmrssKb;
    this.figuresOfLeader = t.tid === t.pid;
  }
}
