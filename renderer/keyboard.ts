/** Every keyboard shortcut, listed once: the help overlay shows this list. */
export interface Shortcut { keys: string; what: string }

export const shortcuts: Shortcut[] = [
  { keys: '?', what: 'Show or hide this help' },
  { keys: '/', what: 'Focus the filter box' },
  { keys: 'Ctrl+F', what: 'Find in the current table' },
  { keys: 'Enter (in Find)', what: 'Next match (Shift+Enter: previous)' },
  { keys: 'Tab / Enter (in Filter)', what: 'Tab accepts a suggestion (Enter too, after ↑ ↓ or on a half-typed word); Enter applies the filter' },
  { keys: '↑ ↓ PgUp PgDn Home End', what: 'Move in the table' },
  { keys: '← → ↑ ↓ PgUp PgDn (on the overview)', what: 'Move between tiles and their →, and between categories (the tiles are one Tab stop)' },
  { keys: 'Enter (in a view\'s table)', what: 'Drill down into the selected row' },
  { keys: 'Enter (in I/O streams)', what: 'Follow the current operation\'s stream' },
  { keys: '← → (on the payload formats)', what: 'Choose Dotted, Printable, Hex, JSON or Text (one Tab stop)' },
  { keys: 'Set window… (in the timeline\'s head, above its chart)', what: 'Type the time window\'s From and To; Enter applies, Esc closes' },
  { keys: 'e / d (in a view\'s table)', what: 'I/O streams / events of the selected row' },
  { keys: 'Backspace', what: 'Back to the previous step (then to the overview)' },
  { keys: 'o', what: 'Overview' },
  { keys: 'v', what: 'Views' },
  { keys: 'l', what: 'Events list' },
  { keys: 'i', what: 'I/O streams' },
  { keys: 'p', what: 'Process tree' },
  { keys: 'Double-click the timeline', what: 'Reset the time window' },
  { keys: 't', what: 'Switch light / dark theme' },
  { keys: 'Esc', what: 'Close overlays' },
];
