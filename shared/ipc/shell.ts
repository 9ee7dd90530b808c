/**
 * Calls about the application rather than one capture: recent files, the bundled sample and
 * the native open dialog. Electron main answers them with the OS; the browser host answers
 * what it can (it has no dialog, so chooseCapture resolves to null there).
 */
export interface ShellApi {
  /** Most recent first; paths that no longer exist are dropped. */
  recentCaptures(req: Record<string, never>): Promise<string[]>;
  /** Path of the bundled sample capture, or null when it was not built. */
  sampleCapture(req: Record<string, never>): Promise<string | null>;
  /** Asks the user for a capture with a native dialog; null when cancelled or unavailable. */
  chooseCapture(req: Record<string, never>): Promise<string | null>;
}
