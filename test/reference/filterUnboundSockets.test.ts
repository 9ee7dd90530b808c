/**
 * fd.ip / fd.net on IP sockets that have no address yet (between socket() and bind/connect):
 * sysdig 0.29.3's fd table holds zeros there, so `fd.ip=0.0.0.0` and `fd.ip=::` match them, of
 * either family, though `%fd.cip`/`%fd.sip` print `<NA>`. filter.test.ts files such cases under
 * "sysdig's filter contradicts its own output" and lets them pass; this test asks for exactly
 * sysdig's events (by evt.num) on the captures where they occur.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { capturesDir, referenceSkip, sysdig } from '../support/reference';
import { compileFilter, type Predicate } from '../../electron/engine/filter/compile';
import { fieldResolver } from '../../electron/engine/fields/registry';
import { Inspector } from '../../electron/engine/inspector/inspector';
import { readCapture } from '../../electron/engine/capture/readCapture';
import type { EventContext } from '../../electron/engine/inspector/eventContext';

/** Unbound IPv6 sockets (curl_google, single_ipv6_conn), unbound IPv4 ones (client-server), both (example4-1). */
const CAPTURES = [
  'libs_curl_google.scap', 'libs_single_ipv6_conn.scap', 'sysflow_client-server_tcp-client-server.scap', 'bencerex_example4-1.scap',
];
const FILTERS = [
  'fd.ip=127.0.0.1 or fd.ip=0.0.0.0', 'fd.ip=0.0.0.0', 'fd.ip=::', 'fd.ip!=0.0.0.0', 'not fd.ip=0.0.0.0',
  'fd.ip!=172.24.0.3', 'fd.ip in (::, 127.0.0.1)', 'fd.net=0.0.0.0/0', 'fd.net!=127.0.0.0/8',
];

const skip = referenceSkip();

async function ourSelections(capture: string): Promise<number[][]> {
  const live: Array<{ predicate: Predicate<EventContext>; nums: number[] }> = FILTERS.map((f) => {
    const c = compileFilter(f, fieldResolver);
    if (!c.ok) throw new Error(`${f}: ${c.error.message}`);
    return { predicate: c.predicate, nums: [] };
  });
  const inspector = new Inspector((ctx) => { for (const l of live) if (l.predicate(ctx)) l.nums.push(ctx.num); });
  await readCapture(capture, inspector, { layout: 'file' });
  return live.map((l) => l.nums);
}

for (const name of CAPTURES) {
  test(`${name}: fd.ip and fd.net select sysdig's events on sockets with and without an address`, { skip }, async () => {
    const capture = join(capturesDir, name);
    const ours = await ourSelections(capture);
    FILTERS.forEach((f, i) => {
      const theirs = sysdig(['-r', capture, '-p', '*%evt.num', f]).split('\n').filter((l) => l !== '').map(Number);
      assert.deepEqual(ours[i], theirs, `${name}: ${f}`);
    });
  });
}
