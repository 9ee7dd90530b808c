/**
 * The per-event pipeline: reader → layout upgrade → state engine → callback with an EventContext.
 *
 * Decisions (checked against `sysdig -r F -p '*%evt.num %evt.type'` on the real captures; the
 * same rules count a capture's events without state in sysdigEvents.ts):
 * - Events are read as recorded (layout 'file'), because that is what sysdig 0.29.3 prints
 *   (enter events, old parameter lists); a private LayoutUpgrader gives the state engine the
 *   same event in the newest layout, built only when its parameters are read (most converted
 *   exits of an old capture are reads, futexes and the like, whose parameters no parser reads).
 * - evt.num counts every event sysdig reads, starting at 1, shown or not — except:
 *   * event ids sysdig 0.29.3 does not know (≥ 336, e.g. useradded in 2023 captures): libscap
 *     0.29 skips them silently, so they are neither counted nor shown nor parsed;
 *   * nothing else: even the container/user/group metadata events the dumper wrote at the very
 *     start of the stream count, although sysdig consumes them as initial state and never
 *     shows them (later metadata events are shown).
 * - Hidden by default (shown with `all`): events of category INTERNAL (procinfo, drop,
 *   scapevent, ...) as sysdig hides them without -d; EVF state-only events are never shown.
 * - Container metadata events are shown, on a synthetic thread `container:<id>` (tid -1).
 */
import type { CaptureEvent, CaptureVisitor, FdListEntry, GroupEntry, InterfaceEntry, MachineInfo, ProcListEntry, SectionHeader, UserEntry } from '../capture/types';
import { LayoutUpgrader } from '../capture/upgradeLayout';
import { EVENT_INTERNAL } from '../state/eventTraits';
import { EventState, SystemState } from '../state/systemState';
import { isInitialStateEvent, SYSDIG_029_EVENT_COUNT } from './sysdigEvents';
import { InspectorEventContext, type EventContext } from './eventContext';
import { ThreadLookup } from './threadLookup';
import type { FormatOptions } from '../format/index';

export { SYSDIG_029_EVENT_COUNT };

export interface InspectorOptions {
  /** Also hand out INTERNAL events (procinfo, drop, ...). */
  all?: boolean;
  /** Drop event ids sysdig 0.29.3 does not know, as it does (default true). */
  sysdigEventSet?: boolean;
  /** Parameter rendering options handed to field getters (e.g. uncut buffers for JSON). */
  renderOptions?: FormatOptions;
}

export type EventCallback = (ctx: EventContext) => void;

export class Inspector implements CaptureVisitor {
  state = new SystemState();
  private upgrader = new LayoutUpgrader();
  private readonly es = new EventState();
  private lookup = new ThreadLookup(this.state);
  private readonly ctx: InspectorEventContext;
  private num = 0;
  private sections = 0;
  private seenRegularEvent = false;
  private readonly all: boolean;
  private readonly sysdigEventSet: boolean;

  constructor(private onShown: EventCallback, opts: InspectorOptions = {}) {
    this.all = opts.all ?? false;
    this.sysdigEventSet = opts.sysdigEventSet ?? true;
    this.ctx = new InspectorEventContext(this.es, this.state, this.lookup, opts.renderOptions);
  }

  /** Hands shown events to another callback (a copy of this inspector resuming a read). */
  redirect(onShown: EventCallback): void {
    this.onShown = onShown;
  }

  /** Events handed to the state engine so far (the last evt.num). */
  get eventCount(): number {
    return this.num;
  }

  onSection(_shb: SectionHeader): void {
    // A concatenated capture restarts the system state with each section.
    if (this.sections++ > 0) {
      this.state = new SystemState();
      this.upgrader = new LayoutUpgrader();
      this.lookup = new ThreadLookup(this.state);
      this.ctx.state = this.state;
      this.ctx.lookup = this.lookup;
      this.seenRegularEvent = false;
    }
  }
  onMachineInfo(mi: MachineInfo): void { this.state.setMachine(mi); }
  onProcess(p: ProcListEntry): void { this.state.addProcess(p); }
  onFd(fd: FdListEntry): void { this.state.addFd(fd); }
  onInterface(i: InterfaceEntry): void { this.state.addInterface(i); }
  onUser(u: UserEntry): void { this.state.addUser(u); }
  onGroup(g: GroupEntry): void { this.state.addGroup(g); }

  onEvent(ev: CaptureEvent): void {
    if (this.sysdigEventSet && ev.type >= SYSDIG_029_EVENT_COUNT) return;
    const upgraded = this.upgrader.upgradeWhenRead(ev);
    this.state.process(ev, upgraded, this.es, this.upgrader.storedAsRecorded);
    this.num++;
    if (!this.seenRegularEvent) {
      if (isInitialStateEvent(ev.type)) return;
      this.seenRegularEvent = true;
      // evt.reltime counts from the first event after the initial state (hidden ones too).
      if (this.ctx.firstTs < 0n) this.ctx.firstTs = ev.ts;
    }
    if (ev.flags & 1) return; // EVF state-only: parsed, never shown
    const internal = ev.type < EVENT_INTERNAL.length && EVENT_INTERNAL[ev.type] === 1;
    if (internal && !this.all) return;
    const ctx = this.ctx;
    ctx.ev = ev;
    ctx.upgraded = upgraded;
    ctx.num = this.num;
    ctx.internal = internal;
    this.lookup.thread = this.es.thread;
    this.onShown(ctx);
    ctx.shown(ev);
  }
}
