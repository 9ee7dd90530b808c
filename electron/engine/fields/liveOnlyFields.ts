/**
 * Fields whose values come only from live sources that a capture file does not hold: DNS names
 * of addresses (sinsp's DNS manager resolves them while capturing live), and Mesos and Marathon
 * state (read from their APIs by a live sysdig). Reading a file, sysdig 0.29.3 has no value for
 * them on any event, and neither can Syscope: they are accepted, so that sysdig formats and
 * filters naming them carry over, and they never have a value (`-p` prints <NA>; a comparison
 * is false, `exists` too). test/reference/everyField.test.ts compares them with sysdig.
 */
import { noArg, stringField, type FieldFactory } from './fieldTypes';

const NO_SOURCE_IN_A_FILE = (): string | undefined => undefined;

const plain = (): FieldFactory => noArg(() => stringField(NO_SOURCE_IN_A_FILE));
const byLabel = (name: string): FieldFactory => (arg) =>
  (arg === undefined ? { error: `${name} needs a label name: ${name}.NAME` } : stringField(NO_SOURCE_IN_A_FILE));

export const LIVE_ONLY_FIELDS: Record<string, FieldFactory> = {
  'fd.cip.name': plain(), 'fd.sip.name': plain(), 'fd.lip.name': plain(), 'fd.rip.name': plain(),
  'mesos.task.name': plain(), 'mesos.task.id': plain(), 'mesos.task.label': byLabel('mesos.task.label'), 'mesos.task.labels': plain(),
  'mesos.framework.name': plain(), 'mesos.framework.id': plain(),
  'marathon.app.name': plain(), 'marathon.app.id': plain(), 'marathon.app.label': byLabel('marathon.app.label'), 'marathon.app.labels': plain(),
  'marathon.group.name': plain(), 'marathon.group.id': plain(),
};
