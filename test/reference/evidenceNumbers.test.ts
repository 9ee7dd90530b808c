/**
 * The findings report names each bookmarked event's number in the evidence .scap (QA 18 item
 * 10: the file renumbers its events and the report did not say so): sysdig, reading that file,
 * prints each of those numbers for the same event (same time and thread) as the original's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { captureFiles, referenceSkip, sysdig } from '../support/reference';
import { buildFindingsReport } from '../../electron/engine/export/findingsReport';
import { renderReportMarkdown } from '../../shared/findings/renderMarkdown';
import { CaptureSession } from '../../electron/engine/api/captureSession';
import { engineResolver } from '../../electron/engine/api/engineResolver';
import { checkFindings, type Findings } from '../../shared/findings/schema';

const skip = referenceSkip();

test('the report gives each bookmarked event\'s number in the evidence capture, as sysdig numbers it there', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-evidence-numbers-'));
  try {
    let checked = 0;
    for (const name of ['bencerex_example5_nginx.scap', 'falco_cat_write.scap']) {
      const file = captureFiles().find((f) => basename(f) === name);
      if (!file) continue;
      const lines = sysdig(['-r', file, '-p', '%evt.num']).split('\n').filter(Boolean).map(Number);
      const picks = [lines[Math.floor(lines.length / 3)], lines[Math.floor((2 * lines.length) / 3)]];
      const parsed = checkFindings({ format: 'syscope-findings', version: 1, bookmarks: picks.map((evtNum) => ({ kind: 'event', evtNum, note: '' })) });
      assert.ok(parsed.ok);
      const session = await CaptureSession.open(file, { resolver: engineResolver(), cache: null });
      const subsetPath = join(dir, `${name}-evidence.scap`);
      const r = await buildFindingsReport({ capturePath: file, findings: (parsed as { findings: Findings }).findings, subsetPath, source: { info: () => session.info(''), tiles: (q) => session.tiles(q), view: (q) => session.view(q) } });
      const pairs = r.model.subset?.renumbered;
      assert.ok(pairs, `${name}: the report names the numbers`);
      assert.deepEqual(pairs.map((p) => p.original), picks);
      const there = sysdig(['-r', subsetPath, '-p', '%evt.num %evt.rawtime %thread.tid']).split('\n').filter(Boolean);
      assert.deepEqual(pairs.map((p) => p.inSubset), there.map((l) => Number(l.split(' ')[0])), `${name}: sysdig's numbers in the evidence file`);
      pairs.forEach((p, i) => {
        const original = sysdig(['-r', file, '-p', '%evt.num %evt.rawtime %thread.tid', `evt.num=${p.original}`]).trim();
        assert.equal(there[i].split(' ').slice(1).join(' '), original.split(' ').slice(1).join(' '), `${name}: #${p.original} is #${p.inSubset}`);
        checked++;
      });
      assert.match(renderReportMarkdown(r.model), new RegExp(`Event numbers restart in this file: #${pairs[0].original} is #${pairs[0].inSubset} there`));
    }
    assert.ok(checked >= 2, `checked ${checked} events`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
