import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilter } from '../filter/compile';
import { fieldResolver } from '../fields/registry';
import { withTableFields } from './tableFields';
import { dockerEventTileId, networkAppTileId, staticTiles, tileDefinition } from '../../../shared/tiles/definitions';
import { allViews, activeColumns, drillKeyField } from '../../../shared/views/catalog';
import { getField, isNumericType } from '../../../shared/fields/catalog';
import { filterTemplate, rowFilter } from '../../../shared/views/drilldown';
import { cellGetter } from '../api/fieldGetter';

const resolver = withTableFields(fieldResolver);
/** A key value of the right kind for a drill-down field (numbers for ids, text with a quote otherwise). */
const sampleKey = (field: string) => (field === 'evt.type' ? 'open' : isNumericType(getField(field)?.type ?? 'CHARBUF') ? '123' : 'x"y');

test('every view filter, drill-down filter and tile drill filter compiles with the engine', () => {
  const tiles = [...staticTiles, tileDefinition(dockerEventTileId('die'))!, tileDefinition(networkAppTileId('HTTP'))!];
  const filters: Array<[string, string | undefined]> = [
    ...tiles.map((t): [string, string | undefined] => [`tile ${t.id}`, t.drillFilter]),
    ...allViews().map((v): [string, string | undefined] => [`view ${v.id}`, v.filter]),
    ...allViews().map((v): [string, string | undefined] => [`drill ${v.id}`, filterTemplate(v, 'proc.name=bash') ? rowFilter(v, 'proc.name=bash', sampleKey(drillKeyField(v)!)) : undefined]),
  ];
  for (const [what, f] of filters) {
    if (!f) continue;
    const c = compileFilter(f, resolver);
    assert.ok(c.ok, `${what}: ${c.ok ? '' : c.error.message} in ${f}`);
  }
});

test('every column of every view reads a field the engine knows', () => {
  const missing: string[] = [];
  for (const v of allViews()) for (const c of activeColumns(v)) if (cellGetter(resolver, c.field).error) missing.push(`${v.id}: ${c.field}`);
  assert.deepEqual(missing, []);
});
