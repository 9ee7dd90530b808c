/**
 * The line under a view's name. The views keep csysdig's own descriptions (shared/views), but a
 * few of them, written for a live machine, say things a recording contradicts, and one column
 * counts less than its name says (QA 18 items 7 and 15). Here the screen says what is true.
 */
import type { ViewDefinition } from '../../shared/views/types';

const ownWords: Record<string, string> = {
  // "running on this machine" sat above the five dead containers of the Container Deaths drill.
  containers: 'The containers seen in the capture (or in the selection), and the resources each of them used.',
};

const notes: Record<string, string> = {
  // csysdig's OPENS is evt.type.is.3, open() only: files opened with openat() show 0, as in csysdig.
  files: 'OPENS counts open() calls only, not openat(), as csysdig does; OPS counts every operation on the file.',
};

export function viewDescription(view: ViewDefinition): string {
  const text = ownWords[view.id] ?? view.description;
  const note = notes[view.id];
  if (!note) return text;
  // csysdig's Files description has no full stop of its own (QA 19: "the IOPS OPENS counts").
  return `${/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`} ${note}`;
}
