/**
 * The index records field values in groups and asks a group again only when the state engine
 * says what decides it may have changed (electron/engine/index/eventValues.ts). A mistake there
 * would give a wrong value without any error, so this test records every field both ways in the
 * same pass over every real capture: grouped, and asking every resolver for every event. Every
 * event must have the same value for every field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip } from '../support/reference';
import { scanCapture } from '../../electron/engine/index/scanCapture';
import { allRecordedFields, EventValuesRecorder } from '../../electron/engine/index/eventValues';
import { ValueColumnsBuilder, valueReader, type ValueColumn } from '../../electron/engine/index/valueColumns';
import { fieldResolver } from '../../electron/engine/fields/registry';
import type { FieldValue } from '../../electron/engine/filter/resolver';

const skip = referenceSkip(false);

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(Array.isArray(a) ? a.map((x) => (x instanceof Uint8Array ? [...x] : x)) : [...(a as Uint8Array)])
    === JSON.stringify(Array.isArray(b) ? b.map((x) => (x instanceof Uint8Array ? [...x] : x)) : [...(b as Uint8Array)]);
}

function compare(file: string, grouped: Record<string, ValueColumn>, plain: Record<string, ValueColumn>, rows: number): string[] {
  const problems: string[] = [];
  for (const [name, p] of Object.entries(plain)) {
    const g = grouped[name];
    if (!g) { problems.push(`${name}: not recorded grouped`); continue; }
    const a = valueReader(g);
    const b = valueReader(p);
    let wrong = 0; let first = -1;
    for (let row = 0; row < rows; row++) {
      if (!same(a(row), b(row))) { wrong++; if (first < 0) first = row; }
    }
    if (wrong) problems.push(`${basename(file)} ${name}: ${wrong} events differ, first at row ${first}: grouped ${String(a(first))}, asked ${String(b(first))}`);
  }
  return problems;
}

test('grouped field values equal the resolver\'s value for every event and field of every real capture', { skip }, async () => {
  const problems: string[] = [];
  let events = 0;
  const tuples: Record<string, number> = {};
  for (const file of captureFiles()) {
    const resolver = fieldResolver;
    const recorder = new EventValuesRecorder(resolver);
    const plain = new ValueColumnsBuilder(allRecordedFields(fieldResolver));
    let rows = 0;
    await scanCapture(file, (ctx) => { recorder.add(ctx); plain.add(ctx); rows++; });
    events += rows;
    for (const [g, n] of Object.entries(recorder.tupleCounts)) tuples[g] = (tuples[g] ?? 0) + n;
    problems.push(...compare(file, recorder.finish(), plain.finish(), rows));
  }
  console.log(`grouped values checked: ${captureFiles().length} captures, ${events} events; tuples ${JSON.stringify(tuples)}`);
  assert.deepEqual(problems, []);
});
