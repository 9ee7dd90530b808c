/**
 * One origin for an offset (QA 19): `1500ms` or a time of day names the same nanosecond in the
 * app's Set window… fields (parsed against the CaptureInfo the app is given) and in every
 * command's --from/--to (cli/timeWindow.ts), on captures whose first timed event is not printed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturesDir, referenceSkip } from '../support/reference';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { writeCrashLoopSample } from '../../electron/engine/sample/crashloop';
import { captureCensus } from '../../electron/engine/capture/captureCensus';
import { timeBounds } from '../../electron/cli/timeWindow';
import { parseWindowTime } from '../../renderer/util/windowTime';

test('app and CLI resolve an offset and a time of day to the same nanosecond: the first printed event, on the sample and 2 real captures', { skip: referenceSkip(false) }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-origin-'));
  try {
    const sample = join(dir, 'crashloop-nginx.scap');
    await writeCrashLoopSample(sample, {});
    // One gzip capture and one plain one; each opens with timed events sysdig does not print.
    for (const path of [sample, join(capturesDir, 'bencer_capture.scap'), join(capturesDir, 'sysflow_nginx_nginx.scap')]) {
      const census = await captureCensus(path);
      assert.notEqual(census.firstTs, census.printedFirstTs, `${path}: the first timed event is not printed`);
      const info = (await CaptureSession.open(path, { resolver: engineResolver(), cache: null })).info('x');
      assert.equal(BigInt(info.firstTs), census.printedFirstTs, `${path}: the app's start is the printed start info shows`);
      const dayTime = new Date(Number(BigInt(info.firstTs) / 1_000_000n) + 1000).toISOString().slice(11, 23);
      for (const typed of ['1500ms', '1.5s', dayTime]) {
        const app = parseWindowTime(typed, info.firstTs);
        assert.ok('ns' in app, typed);
        const cli = await timeBounds(path, typed, undefined);
        assert.equal(cli.from, BigInt(app.ns), `${path}: ${typed}`);
      }
      assert.equal((await timeBounds(path, '1500ms', undefined)).from, BigInt(info.firstTs) + 1_500_000_000n, path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
