/**
 * What the caller can give the tile classifier so that it asks fewer fields per event
 * (engineShortcuts.ts gives them for the engine's events): a number per event kind, and notes
 * kept per state of an event's fd.
 */
import type { StringTable } from '../index/stringTable';

/**
 * What the classifier notes about an event's fd fields (filled from them at the first event
 * that needs them). What follows from a text alone (string ids, the kind of file a name is)
 * outlives a clear(): it is kept with the text it was found for and reused while that text
 * comes back, since an fd's notes are cleared far more often than its name changes.
 */
export class FdNotes {
  filled = false;
  fdType: string | undefined = undefined;
  /** fd.name, or '' without one. */
  name = '';
  /** What distinct files and connections are told apart by: fd.containername, else fd.name, else ''. */
  countedName = '';
  sport: number | undefined = undefined;
  /** What kind of file `name` is (found for the name `fileKindOf`, when a file's I/O asks). */
  fileKindOf: string | undefined = undefined;
  inSystemDirectory = false;
  isLogFile = false;
  isDevice = false;
  /** String ids in `strings` of the texts `countedKeyOf` and `nameKeyOf`. */
  strings: StringTable | undefined = undefined;
  countedKeyOf: string | undefined = undefined;
  countedKey = -1;
  nameKeyOf: string | undefined = undefined;
  nameKey = -1;

  /** Forgets the fd's fields (they may have changed). */
  clear(): void {
    this.filled = false;
  }
}

/**
 * What lets the classifier ask fewer fields; both answers must agree with the resolver it is
 * given (they are shortcuts, never a second source of values).
 */
export interface EventShortcuts<Ctx> {
  /** Kinds are numbers below this. */
  kindCount: number;
  /**
   * A kind shared only by events whose evt.type, evt.dir, evt.is_io_read and evt.is_io_write
   * are the same, or -1 for an event to decide on its own.
   */
  kindOf(ctx: Ctx): number;
  /**
   * Notes kept for the event's fd: the same object for as long as the fd's fields (fd.type,
   * fd.name, fd.containername, fd.sport) keep their values, cleared when they may have changed;
   * undefined to read them from this event.
   */
  fdNotes(ctx: Ctx): FdNotes | undefined;
}
