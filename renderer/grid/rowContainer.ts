/**
 * Which container a row of Files or Directories belongs to, where the path is what the row
 * shows (QA H79): the views key on a container and a path together, so the same path
 * ('/lib/x86_64-linux-gnu') is a row for each container that used it. Beside the open Findings
 * drawer the pinned path stays in sight while the Container column scrolls away, and the rows
 * read as duplicates. Pinning the Container column too would take 20 characters of the half
 * the pinned columns may have (13 rem at 1000 px): the path would be cut to nothing. So the
 * pinned path's tooltip names its row's container, where a user hovering a "duplicate" looks.
 */
import type { ColumnInfo } from '../../shared/ipc/contract';
import type { ViewDefinition } from '../../shared/views/types';

/**
 * The index into `shown` of the column naming a row's container, when the key column shown
 * (`key`, an index into `shown`) is something else a container may have many of (a path);
 * -1 otherwise (Containers itself, a view without containers).
 */
export function rowContainerColumn(columns: ColumnInfo[], shown: number[], view: ViewDefinition | undefined, key: number): number {
  if (!view || key < 0) return -1;
  const fieldOf = (k: number) => view.columns.find((c) => c.name === columns[shown[k]].name)?.field;
  if (fieldOf(key) === 'container.name' || fieldOf(key) === 'container.id') return -1;
  // Only views keyed on a container and something in it (fd.containername, fd.containerdirectory).
  if (!view.columns.some((c) => c.isKey && c.field.startsWith('fd.container'))) return -1;
  return shown.findIndex((_, k) => fieldOf(k) === 'container.name');
}

/** The key cell's tooltip: its whole text, and the container it is in ('host': the host's own). */
export function withContainer(text: string, container: string): string {
  if (!container) return text;
  return container === 'host' ? `${text}\non the host (no container)` : `${text}\nin container ${container}`;
}
