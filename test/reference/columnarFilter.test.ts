/**
 * Filters answered from the index columns must select exactly the rows a re-scan selects.
 * For several real captures: build the index, then for every filter of the filter reference
 * suites (read from test/reference/filter.test.ts) that the index can answer, compare the
 * columnar row mask with the re-scan's (one re-scan per capture evaluates every filter), and
 * check that the index survives an encode/decode round trip with the same answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { capturesDir, projectRoot, referenceSkip } from '../support/reference';
import { buildIndex } from '../../electron/engine/index/buildIndex';
import { fileIdentity } from '../../electron/engine/index/cache';
import { CaptureIndex } from '../../electron/engine/index/eventIndex';
import { scanCapture } from '../../electron/engine/index/scanCapture';
import { compileFilter, type Predicate } from '../../electron/engine/filter/compile';
import { columnarMask, compileColumnar } from '../../electron/engine/filter/columnarFilter';
import { fieldResolver } from '../../electron/engine/fields/registry';
import type { EventContext } from '../../electron/engine/inspector/eventContext';

/** The filter suites of the filter reference test, read from its source (it runs its own tests when imported). */
function referenceFilters(): string[] {
  const src = readFileSync(join(projectRoot, 'test/reference/filter.test.ts'), 'utf8');
  const out: string[] = [];
  for (const name of ['FULL_SUITE', 'SMALL_SUITE']) {
    const m = new RegExp(`const ${name}: readonly string\\[\\] = \\[([\\s\\S]*?)\\n\\];`).exec(src);
    assert.ok(m, `filter.test.ts no longer has ${name}`);
    out.push(...(new Function(`return [${m[1]}];`)() as string[]));
  }
  return [...new Set(out)];
}

/** Filters on the fields the index adds beyond the reference suites. */
const EXTRA_FILTERS = [
  'proc.exe contains bin', 'proc.cmdline contains -', 'container.name != host', 'container.image exists',
  'user.name=root', 'fd.directory=/etc', 'fd.filename exists', 'evt.latency>1000000', 'evt.cpu>0 and evt.dir=<',
  'proc.pname=bash', 'fd.l4proto=tcp', 'fd.sip exists and fd.sport=80', 'fd.cip=127.0.0.1', 'evt.buflen=0',
  'not evt.buflen exists', 'fd.num<3', 'proc.exeline contains sh', 'evt.category=net and proc.pid>1',
  'evt.rawtime > 0', 'evt.is_io=true and fd.type=file and (not fd.name contains \'/dev/\') and evt.latency>1000000',
  '((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false',
  "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''", 'syscall.type exists', 'tolower(proc.name) = bash', 'len(fd.name) > 20',
];

const CAPTURES = [
  'bencerex_example4-1.scap', 'inspect_502Error.scap', 'libs_curl_google.scap', 'sysflow_client-server_tcp-client-server.scap',
  'sysflow_files_files.scap', 'falco_psp_run_as_user_0_container.scap', 'libs_single_ipv6_conn.scap',
];

const skip = referenceSkip(false);

for (const name of CAPTURES) {
  test(`filters on index columns select the rows a re-scan selects: ${name}`, { skip }, async () => {
    const path = join(capturesDir, name);
    const built = await buildIndex(path, fileIdentity(path), { resolver: fieldResolver });
    const index = CaptureIndex.decode(built.encode());
    const cases: Array<{ text: string; scan: Predicate<EventContext>; mask: Uint8Array; rescan: Uint8Array }> = [];
    let unsupported = 0;
    for (const text of [...referenceFilters(), ...EXTRA_FILTERS]) {
      const real = compileFilter(text, fieldResolver);
      if (!real.ok) continue;
      const col = compileColumnar(index, text);
      if (!col.ok) { unsupported++; continue; }
      cases.push({ text, scan: real.predicate, mask: columnarMask(index, col.predicate), rescan: new Uint8Array(index.events) });
    }
    assert.ok(cases.length >= 60, `only ${cases.length} filters answerable from the index`);
    await scanCapture(path, (ctx, row) => { for (const c of cases) if (c.scan(ctx)) c.rescan[row] = 1; });
    for (const c of cases) {
      let first = -1, count = 0, differ = 0;
      for (let r = 0; r < index.events; r++) {
        count += c.rescan[r];
        if (c.mask[r] !== c.rescan[r]) { differ++; if (first < 0) first = r; }
      }
      assert.equal(differ, 0, `${basename(path)} '${c.text}': ${differ} rows differ (first row ${first}; re-scan selects ${count})`);
    }
    console.log(`# ${name}: ${cases.length} filters from the index agree with the re-scan; ${unsupported} need a re-scan`);
  });
}
