/**
 * `%evt.info` with capture state (fd names, thread names, cwd, users) against sysdig 0.29.3:
 * the formatter fed by the state engine's lookup (electron/engine/inspector). Mismatches here
 * are mostly state differences (an fd name sinsp updated differently), so the bar is a high
 * match rate rather than equality; the per-capture figures are printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { readCapture } from '../../electron/engine/capture/index';
import { Inspector } from '../../electron/engine/inspector/inspector';
import type { EventContext } from '../../electron/engine/inspector/eventContext';
import { renderInfo, type FdDescription, type FormatLookup } from '../../electron/engine/format/index';

const END = '<<end-of-event>>';
const OVERALL_MIN = 0.99;
const PER_CAPTURE_MIN = 0.95;

/** The inspector's lookup plus the event's fd name (what the syslog decoder needs). */
class EventLookup implements FormatLookup {
  ctx!: EventContext;
  get threadKnown(): boolean { return this.ctx.lookup.threadKnown; }
  fd(fd: number): FdDescription | undefined { return this.ctx.lookup.fd(fd); }
  cwd(): string { return this.ctx.lookup.cwd(); }
  dirFdPath(fd: number): string { return this.ctx.lookup.dirFdPath(fd); }
  threadComm(tid: number): string | undefined { return this.ctx.lookup.threadComm(tid); }
  userName(uid: number): string | undefined { return this.ctx.lookup.userName(uid); }
  groupName(gid: number): string | undefined { return this.ctx.lookup.groupName(gid); }
  eventFdName(): string | undefined { return this.ctx.lookup.eventFdName?.() ?? this.ctx.es.fd?.name; }
}

async function renderWithState(file: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const lookup = new EventLookup();
  const inspector = new Inspector((ctx) => {
    lookup.ctx = ctx;
    out.set(ctx.num, renderInfo(ctx.ev, lookup));
  }, { all: true });
  await readCapture(file, inspector, { layout: 'file' });
  return out;
}

const skip = referenceSkip();
const files = skip ? [] : captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)));

test('event info with state matches sysdig 0.29.3 on nearly every event', { skip }, async () => {
  let same = 0, total = 0;
  const report: string[] = [];
  const low: string[] = [];
  for (const file of files) {
    const mine = await renderWithState(file);
    const text = sysdig(['-r', file, '-p', `*%evt.num %evt.info${END}`]);
    let s = 0, t = 0;
    for (const rec of text.split(`${END}\n`)) {
      const sp = rec.indexOf(' ');
      if (sp < 0) continue;
      t++;
      if (mine.get(Number(rec.slice(0, sp))) === rec.slice(sp + 1)) s++;
    }
    report.push(`${basename(file)}: ${s}/${t}`);
    if (t > 0 && s / t < PER_CAPTURE_MIN) low.push(`${basename(file)} ${s}/${t}`);
    same += s; total += t;
  }
  console.log(report.join('\n'));
  console.log(`all: ${same}/${total} (${(100 * same / Math.max(1, total)).toFixed(2)}%)`);
  assert.ok(total > 100000, `too few events compared (${total})`);
  assert.deepEqual(low, [], `captures below ${PER_CAPTURE_MIN * 100}%`);
  assert.ok(same / total >= OVERALL_MIN, `overall ${same}/${total} is below ${OVERALL_MIN * 100}%`);
});
