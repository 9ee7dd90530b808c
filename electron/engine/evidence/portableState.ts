/**
 * The classes a walk's checkpoint holds (measured over every capture in ../shared/captures: these
 * and plain objects, Maps, Sets and arrays), numbered alike in every thread so that a checkpoint
 * frozen in one worker thaws in another (frozenState.ts). A class missing here still freezes,
 * but its checkpoints stay in the thread that laid them (`portable` false); the checkpoint
 * layer's test fails when that happens on a real capture.
 */
import { Inspector } from '../inspector/inspector';
import { ThreadLookup } from '../inspector/threadLookup';
import { InspectorEventContext } from '../inspector/eventContext';
import { EventState, SystemState } from '../state/systemState';
import { ThreadInfo } from '../state/threadInfo';
import { FdInfo } from '../state/fdInfo';
import { UserTables } from '../state/users';
import { K8sState } from '../state/k8sState';
import { TracerState } from '../state/tracers';
import { DeferredUpgrade, LayoutUpgrader, OwnedEvent } from '../capture/upgradeLayout';
import { DecodedEvent } from '../capture/eventDecoder';
import { seedPortablePrototypes } from './frozenState';

const STATE_CLASSES = [
  Inspector, ThreadLookup, SystemState, EventState, ThreadInfo, FdInfo, UserTables, K8sState, TracerState,
  LayoutUpgrader, OwnedEvent, DecodedEvent, DeferredUpgrade, InspectorEventContext,
];

/** Seeds the portable prototypes in this thread (idempotent); call before freezing a walk. */
export function usePortableState(): void {
  seedPortablePrototypes(STATE_CLASSES.map((c) => c.prototype));
}
