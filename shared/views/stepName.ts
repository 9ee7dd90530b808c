/**
 * A drill step in the user's words: "Processes using /dev/pts/2", "Files in /dev/pts",
 * "Threads of process 5253" rather than "Processes: fd.containername = :/dev/pts/2" (QA 16 R6).
 * The step's filter stays the exact statement (the crumb's tooltip shows it); this is its name.
 */

/**
 * fd.containername and fd.containerdirectory values read "<container id>:<name>", with an empty
 * id (sysdig 0.29) or "host" for the host's fds; the name is what the user knows.
 */
const containerQualified = /^([0-9a-f]{12}|host|):(.+)$/s;

/** The selected key's value as the user knows it (the fd name without its container prefix). */
export function drillKeyValue(keyField: string, selection: string): string {
  if (!/^fd\.container/.test(keyField)) return selection;
  return containerQualified.exec(selection)?.[2] ?? selection;
}

/** How a view's rows relate to the selected key, by the key's field. */
const relations: Record<string, (value: string) => string> = {
  'container.id': (v) => `in container ${v}`,
  'proc.pid': (v) => `of process ${v}`,
  'thread.tid': (v) => `of thread ${v}`,
  'thread.nametid': (v) => `of thread ${v}`,
  'fd.name': fdRelation,
  'fd.containername': fdRelation,
  'fd.directory': (v) => `in ${v}`,
  'fd.containerdirectory': (v) => `in ${v}`,
  'fd.sport': (v) => `on server port ${v}`,
  'fd.type': (v) => (v ? `with ${v} fds` : 'with no fd type'),
  'evt.type': (v) => `of ${v}`,
  'evt.res': (v) => `with result ${v}`,
};

/** A connection ("a:1->b:2") is something rows are on; a file is something they use. */
function fdRelation(value: string): string {
  return value.includes('->') ? `on ${value}` : `using ${value}`;
}

/** "<View name> <relation to the selection>", or "<View name>: field = value" for a field not named above. */
export function drillCrumb(viewName: string, keyField: string, selection: string): string {
  const relation = relations[keyField];
  return relation ? `${viewName} ${relation(drillKeyValue(keyField, selection))}` : `${viewName}: ${keyField} = ${selection}`;
}

/** What an empty cell of a key field means, where the view groups events without that field under it. */
const emptyValueLabels: Record<string, string> = {
  'fd.type': '(no fd type)',
};

/** The label shown for an empty value of `field`, or undefined to show it empty. */
export function emptyValueLabel(field: string): string | undefined {
  return emptyValueLabels[field];
}
