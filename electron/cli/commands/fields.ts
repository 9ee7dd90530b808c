/**
 * `syscope fields [prefix] [--json]`: the field catalog (what `sysdig -l` lists), with each field's
 * type, where it can be used and its argument, so filters and -p formats can be written offline.
 */
import type { Command } from '../main';
import { FIELDS, type FieldInfo } from '../../../shared/fields/catalog';
import { UsageError } from '../../engine/evidence/commandLine';

const USAGE = 'usage: syscope fields [prefix] [--json]';

function usage(f: FieldInfo): string {
  if (f.usage === 'filter') return 'filter only';
  if (f.usage === 'format') return 'output only';
  return 'filter, output';
}

function argument(f: FieldInfo): string {
  if (!f.arg) return '';
  const shape = f.arg.kind === 'index' ? 'N' : f.arg.kind === 'name' ? 'NAME' : f.arg.kind === 'index-or-name' ? 'N|NAME' : 'N|PATH';
  return f.arg.required ? `[${shape}]` : `[${shape}]?`;
}

/** One line a field: name+argument, type, usage, notes, description. */
export function renderFieldList(prefix: string): string[] {
  const rows = FIELDS.filter((f) => f.name.startsWith(prefix));
  const width = Math.max(...rows.map((f) => f.name.length + argument(f).length), 10);
  return rows.map((f) => {
    const notes = [f.list && 'list', f.deprecated && 'deprecated', f.since === 'new' && 'newer than sysdig 0.29.3', f.since === 'sysdig' && 'sysdig 0.29.3 only']
      .filter(Boolean).join(', ');
    return `${(f.name + argument(f)).padEnd(width)}  ${f.type.padEnd(7)}  ${usage(f).padEnd(14)}  ${f.description}${notes ? ` (${notes})` : ''}`;
  });
}

export const command: Command = {
  summary: 'the filter and output fields, with type and usage',
  usage: `${USAGE}\n  --json: one JSON document (an array of the fields)`,
  options: { valued: [], flags: ['--json'] },
  async run(args) {
    const json = args.includes('--json');
    const rest = args.filter((a) => a !== '--json');
    const bad = rest.find((a) => a.startsWith('-'));
    if (bad) throw new UsageError(`unknown option '${bad}'`);
    if (rest.length > 1) throw new UsageError('one prefix at a time');
    const prefix = rest[0] ?? '';
    const rows = FIELDS.filter((f) => f.name.startsWith(prefix));
    if (rows.length === 0) {
      console.error(`syscope fields: no field starts with '${prefix}'`);
      return 1;
    }
    if (json) console.log(JSON.stringify(rows, null, 2));
    else for (const line of renderFieldList(prefix)) console.log(line);
    return 0;
  },
};
