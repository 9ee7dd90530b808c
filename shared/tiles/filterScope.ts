/**
 * Tiles a user filter does not narrow. Running Containers counts the capture's container
 * metadata, as Sysdig Inspect counts it, not the containers of the events the filter keeps (a
 * filter on container fields hides the tile instead). Beside "0 system calls" under a filter that
 * matches nothing, an unmarked "9" reads as nine containers matching it (QA 20), so the app and
 * the command line say it is not filtered.
 */
const notNarrowedByFilter: ReadonlySet<string> = new Set(['containers']);

export function tileIgnoresFilter(tileId: string): boolean {
  return notNarrowedByFilter.has(tileId);
}
