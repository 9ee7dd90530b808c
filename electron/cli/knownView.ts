/**
 * The one check of a view id typed on the command line, shared by `view` and `export … view` so
 * both refuse an unknown id as bad usage (exit 2) with the same pointer to the list (QA 20: export
 * said it without the hint and exited 1, as if the capture could not be read).
 */
import { findView } from '../../shared/views/catalog';
import { UsageError } from '../engine/evidence/commandLine';

export function requireKnownView(viewId: string): void {
  if (!findView(viewId)) throw new UsageError(`unknown view '${viewId}' (syscope view --list shows them)`);
}
