/**
 * `syscope count <capture> [FILTER]`: how many events match a filter, counted on one streaming
 * pass with the compiled filter (no index is built or read). The events counted are those
 * `sysdig -r F FILTER` would print; the filter benchmark times this beside `sysdig -q`.
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from '../main';
import { readCapture } from '../../engine/capture';
import { compileFilter, type Predicate } from '../../engine/filter/compile';
import type { EventContext } from '../../engine/inspector/eventContext';
import { fieldResolver } from '../../engine/fields/registry';
import { Inspector } from '../../engine/inspector/inspector';
import { checkFilter } from '../../../shared/filter/validate';
import { formatFilterError } from '../../../shared/filter/errors';

const USAGE = 'usage: syscope count <capture> [FILTER]';

export const command: Command = {
  summary: `number of events matching a filter (one streaming pass, no index): ${USAGE}`,
  async run(args) {
    if (args.includes('-h') || args.includes('--help')) { console.log(USAGE); return 0; }
    const [file, ...rest] = args;
    if (!file) { console.error(`syscope count: ${USAGE}`); return 2; }
    if (file.startsWith('-')) { console.error(`syscope count: unknown option '${file}'. ${USAGE}`); return 2; }
    if (!existsSync(file) || !statSync(file).isFile()) { console.error(`syscope count: ${file}: no such file`); return 1; }
    const filter = rest.join(' ').trim();
    let predicate: Predicate<EventContext> | undefined;
    if (filter) {
      const checked = checkFilter(filter);
      if (!checked.ok) { console.error(`syscope count: ${formatFilterError(filter, checked.error)}`); return 2; }
      const compiled = compileFilter(filter, fieldResolver);
      if (!compiled.ok) { console.error(`syscope count: ${formatFilterError(filter, compiled.error)}`); return 2; }
      predicate = compiled.predicate;
    }
    let n = 0;
    const inspector = predicate
      ? new Inspector((ctx) => { if (predicate!(ctx)) n++; })
      : new Inspector(() => { n++; });
    try {
      await readCapture(file, inspector, { layout: 'file' });
    } catch (e) {
      console.error(`syscope count: ${file}: ${String((e as Error).message).split('\n')[0]}`);
      return 1;
    }
    console.log(n);
    return 0;
  },
};
