/**
 * Layout upgrade ("scap converter", scap-file-format.md §12): NOT IMPLEMENTED YET — events
 * currently pass through in their file layout whatever ReadOptions.layout says.
 */
import type { CaptureEvent } from './types';

export class LayoutUpgrader {
  reset(): void {}
  upgrade(ev: CaptureEvent): CaptureEvent | null {
    return ev;
  }
}
