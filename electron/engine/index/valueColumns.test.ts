import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CaptureIndex, CaptureIndexBuilder, emptyEventRow } from './eventIndex';
import { ValueColumnsBuilder, type RecordedField } from './valueColumns';
import { columnarMask, compileColumnar } from '../filter/columnarFilter';

const meta = { identity: { size: 10, mtimeMs: 1, headTailHash: 'ab' }, path: '/x.scap', sizeBytes: 10, hostname: 'h', numCpus: 2, warnings: [] };

interface FakeEvent { name?: string; port: number; ip?: Uint8Array; failed: boolean }

/** 1000 events recorded through fake fields: a few names, many ports, addresses, a boolean. */
function sample(): CaptureIndex {
  const b = new CaptureIndexBuilder();
  const fields: RecordedField<FakeEvent>[] = [
    { key: 'proc.name', field: { type: 'CHARBUF', get: (e) => e.name } },
    { key: 'fd.sport', field: { type: 'PORT', get: (e) => e.port } },
    { key: 'fd.sip', field: { type: 'IPADDR', get: (e) => e.ip } },
    { key: 'evt.failed', field: { type: 'BOOL', get: (e) => e.failed } },
  ];
  const values = new ValueColumnsBuilder(fields);
  const row = emptyEventRow();
  const scratchIp = new Uint8Array(4);
  for (let i = 0; i < 1000; i++) {
    row.ts = 1_700_000_000_000_000_000n + BigInt(i);
    b.addEvent(row);
    scratchIp.set([10, 0, 0, i % 3]);
    values.add({ name: i % 10 === 9 ? undefined : ['bash', 'nginx', 'curl'][i % 3], port: i, ip: i % 2 ? scratchIp : undefined, failed: i % 4 === 0 });
  }
  return b.finish(meta, values.finish());
}

test('recorded values come back by row, and a reused buffer is copied, not aliased', () => {
  const idx = sample();
  const name = idx.values['proc.name'];
  assert.equal(name.values[name.ids[1]], 'nginx');
  assert.equal(name.values[name.ids[9]], undefined);
  const ip = idx.values['fd.sip'];
  assert.deepEqual([...(ip.values[ip.ids[1]] as Uint8Array)], [10, 0, 0, 1]);
  assert.deepEqual([...(ip.values[ip.ids[5]] as Uint8Array)], [10, 0, 0, 2]);
});

test('value ids are one byte wide for few values and widen when a field has more', () => {
  const idx = sample();
  assert.ok(idx.values['proc.name'].ids instanceof Uint8Array);
  assert.ok(idx.values['fd.sport'].ids instanceof Uint16Array);
  assert.equal(idx.values['fd.sport'].values[idx.values['fd.sport'].ids[999]], 999);
});

test('recorded values survive encoding and decoding, and filters on them select the same rows', () => {
  const idx = sample();
  const back = CaptureIndex.decode(idx.encode());
  for (const text of ['proc.name=nginx', 'proc.name!=nginx', 'not proc.name exists', 'fd.sport>=500 and evt.failed=true', 'fd.sip=10.0.0.2', 'fd.sip exists']) {
    const a = compileColumnar(idx, text);
    const b = compileColumnar(back, text);
    assert.ok(a.ok && b.ok, text);
    assert.deepEqual(columnarMask(back, b.predicate), columnarMask(idx, a.predicate), text);
  }
  const nginx = compileColumnar(back, 'proc.name!=nginx');
  assert.ok(nginx.ok);
  // A row without a name is not "!= nginx": no value makes every comparison false.
  assert.equal(columnarMask(back, nginx.predicate)[9], 0);
  assert.equal(columnarMask(back, nginx.predicate)[0], 1);
});

test('a filter on a field the index does not hold is reported as needing a re-scan', () => {
  const c = compileColumnar(sample(), 'evt.arg.fd=3');
  assert.equal(c.ok, false);
});
