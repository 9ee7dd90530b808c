/**
 * Event text against sysdig 0.29.3 on the real captures: `%evt.args` of every event whose
 * parameters do not depend on capture state (no fd, pid, path, fd list, uid or gid — those
 * need the state engine and are checked with `syscope dump`), and the time formats of every
 * event. The capture is read with the file's own layouts, as sysdig 0.29.3 reads it; the
 * figures per capture are printed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { readCapture } from '../../electron/engine/capture/index';
import { renderArgs, noStateLookup, eventLayout, type BufferFormat } from '../../electron/engine/format/index';
import { ParamType as T } from '../../shared/scap/eventTable';
import { formatDateTime, formatIso8601, formatTime } from '../../shared/format/time';

/** Events per capture compared (sysdig -n), to keep the suite quick on 2 cores. */
const EVENT_LIMIT = 40000;
/** sysdig 0.29.3 numbers only the event ids its table has (0..335); newer ids are skipped. */
const SYSDIG_029_EVENT_MAX = 336;
const STATEFUL = new Set<number>([T.FD, T.PID, T.FSPATH, T.FSRELPATH, T.FDLIST, T.UID, T.GID, T.FD32, T.PID32]);
const END = '<<end-of-event>>';

interface Mine { args?: string; time: string }

async function renderCapture(file: string, bufferFormat: BufferFormat = 'normal'): Promise<Map<number, Mine>> {
  const out = new Map<number, Mine>();
  let num = 0;
  await readCapture(file, {
    onEvent(ev) {
      if (ev.type >= SYSDIG_029_EVENT_MAX || num >= EVENT_LIMIT) return;
      num++;
      const time = `${formatTime(ev.ts)}|${formatDateTime(ev.ts)}|${formatIso8601(ev.ts)}|${ev.ts}`;
      const layout = eventLayout(ev.type);
      let stateFree = layout !== undefined;
      const n = layout ? Math.min(ev.nparams, layout.params.length) : 0;
      for (let i = 0; i < n && stateFree; i++) if (STATEFUL.has(layout!.params[i].type)) stateFree = false;
      out.set(num, { time, args: stateFree ? renderArgs(ev, noStateLookup, { bufferFormat }) : undefined });
    },
  }, { layout: 'file' });
  return out;
}

const skip = referenceSkip();
const files = skip ? [] : captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)));

test('event args and times match sysdig 0.29.3 on the real captures', { skip }, async () => {
  let argsSame = 0, argsTotal = 0, timeSame = 0, timeTotal = 0;
  const report: string[] = [];
  const firstDiffs: string[] = [];
  for (const file of files) {
    const mine = await renderCapture(file);
    const text = sysdig(['-r', file, '-n', String(EVENT_LIMIT), '-p', `*%evt.num|%evt.time|%evt.datetime|%evt.time.iso8601|%evt.rawtime|%evt.args${END}`]);
    let a = 0, at = 0, t = 0, tt = 0;
    for (const rec of text.split(`${END}\n`)) {
      if (rec === '') continue;
      const fields = rec.split('|');
      if (Number(fields[0]) > EVENT_LIMIT) continue;
      const m = mine.get(Number(fields[0]));
      assert.ok(m, `${basename(file)}: sysdig printed event #${fields[0]} which the reader did not deliver`);
      tt++;
      if (fields.slice(1, 5).join('|') === m.time) t++;
      else if (firstDiffs.length < 5) firstDiffs.push(`${basename(file)} #${fields[0]} time: sysdig ${fields.slice(1, 5).join('|')} / ours ${m.time}`);
      if (m.args === undefined) continue;
      at++;
      const theirs = fields.slice(5).join('|');
      if (theirs === m.args) a++;
      else if (firstDiffs.length < 5) firstDiffs.push(`${basename(file)} #${fields[0]} args: sysdig ${JSON.stringify(theirs).slice(0, 200)} / ours ${JSON.stringify(m.args).slice(0, 200)}`);
    }
    report.push(`${basename(file)}: args ${a}/${at}, times ${t}/${tt}`);
    argsSame += a; argsTotal += at; timeSame += t; timeTotal += tt;
  }
  console.log(report.join('\n'));
  console.log(`all: args ${argsSame}/${argsTotal} (${(100 * argsSame / Math.max(1, argsTotal)).toFixed(3)}%), times ${timeSame}/${timeTotal}`);
  for (const d of firstDiffs) console.log(`  diff: ${d}`);
  assert.ok(argsTotal > 10000, `too few state-free events compared (${argsTotal})`);
  assert.equal(timeSame, timeTotal, 'every time stamp renders as sysdig renders it');
  assert.equal(argsSame, argsTotal, 'every state-free %evt.args renders as sysdig renders it');
});

/** sysdig's buffer flags and the format each selects. */
const BUFFER_FLAGS: ReadonlyArray<readonly [string, BufferFormat]> = [['-A', 'ascii'], ['-x', 'hex'], ['-X', 'hexascii'], ['-b', 'base64']];
const bufferCaptures = files.filter((f) => /libs_curl_google|inspect_502Error/.test(basename(f)));

test('data buffers in the -A, -x, -X and -b formats match sysdig 0.29.3', { skip: skip || (bufferCaptures.length === 0 && 'captures with payloads missing') }, async () => {
  for (const file of bufferCaptures) {
    for (const [flag, format] of BUFFER_FLAGS) {
      const mine = await renderCapture(file, format);
      const text = sysdig(['-r', file, '-n', String(EVENT_LIMIT), flag, '-p', `*%evt.num|%evt.args${END}`]);
      let same = 0, total = 0;
      for (const rec of text.split(`${END}\n`)) {
        const bar = rec.indexOf('|');
        if (bar < 0) continue;
        const m = mine.get(Number(rec.slice(0, bar)));
        if (m?.args === undefined) continue;
        total++;
        if (m.args === rec.slice(bar + 1)) same++;
      }
      console.log(`${basename(file)} ${flag}: ${same}/${total}`);
      assert.ok(total > 500, `${basename(file)} ${flag}: too few events compared (${total})`);
      assert.equal(same, total, `${basename(file)} ${flag}: args differ`);
    }
  }
});
