/**
 * A log tile and its → agree whatever the case of the keyword: the tile counts a line saying
 * "wArning" as the chisel does (lower-casing the line), so the drill filter must select the
 * write that carries it. The drill once listed only lower, Capitalised and UPPER case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tilesOfEvents, type FakeEvent } from './testTiles';
import type { FieldResolver } from '../filter/resolver';
import { compileFilter } from '../filter/compile';
import { getField } from '../../../shared/fields/catalog';
import { LOG_LINE_WRITES } from '../../../shared/tiles/definitions';

const encoder = new TextEncoder();
/** Fields typed as the catalog types them; evt.buffer as bytes, as the engine gives it. */
const resolve: FieldResolver<FakeEvent> = (name, arg) => {
  const key = arg ? `${name}.${arg}` : name;
  const type = getField(name)?.type ?? 'CHARBUF';
  if (name === 'evt.buffer') return { type, get: (ctx) => (ctx[key] === undefined ? undefined : encoder.encode(String(ctx[key]))) };
  return { type, get: (ctx) => ctx[key] };
};

const logWrite = (text: string): FakeEvent => ({
  'evt.dir': '<', 'evt.type': 'write', 'evt.rawres': text.length, 'evt.buflen': text.length, 'evt.is_io_write': true,
  'fd.type': 'file', 'fd.name': '/var/log/app.log', 'evt.buffer': text, 'evt.arg.data': text,
});

const WRITES = [
  'wArning: odd case\n', 'Warn: usual\n', 'WARNING loud\n', 'all fine\n',
  'eRRor: odd case\n', 'Error here\n', 'CrItIcAl\n', 'aLeRt\n', '[EMERG] nginx\n', 'errors and WaRn both\n',
].map(logWrite);

const linesOf = (e: FakeEvent) => String(e['evt.buffer']).split('\n').filter((l) => l !== '').length;

test('a log tile counts as many lines as the writes its drill filter selects carry, in any case', () => {
  const tiles = tilesOfEvents(WRITES, resolve);
  const expected: Record<string, number> = { 'logs.app': 10, 'logs.app.warnings': 4, 'logs.app.errors': 5 };
  for (const [id, filter] of Object.entries(LOG_LINE_WRITES)) {
    const compiled = compileFilter(filter, resolve);
    assert.ok(compiled.ok, `${id}: ${compiled.ok ? '' : compiled.error.message}`);
    const drilled = WRITES.filter((e) => compiled.predicate(e)).reduce((n, e) => n + linesOf(e), 0);
    assert.equal(tiles.get(id)?.total ?? 0, expected[id], `${id}: the tile`);
    assert.equal(drilled, expected[id], `${id}: the lines of the writes its → lists`);
  }
});
