/**
 * span.* fields against sysdig 0.29.3 on a synthetic capture with sysdig tracers (no real
 * capture has any): every span field, line by line, keyed by evt.num.
 *
 * Known differences, checked to be the only ones:
 * - sysdig does not print the write enter events of a tracer fd, nor a write whose tracer text
 *   is still incomplete; Syscope shows them (with no span value), so only the lines sysdig
 *   prints are compared.
 * - span.tags of an "invalid tracer" (a malformed text on a tracer fd): sysdig joins the error
 *   text with the lengths of the thread's previous tags (stale memory) and prints a cut-off
 *   prefix; Syscope prints the whole text, which is what sysdig's span.tag[0] shows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasSysdig, referenceSkip, sysdig } from '../support/reference';
import { writeTracerCapture } from '../support/tracerCapture';
import { formatCapture } from '../../electron/engine/inspector/formatCapture';

const skip = hasSysdig() ? false : referenceSkip();

const FIELDS = [
  'span.id', 'span.time', 'span.ntags', 'span.nargs', 'span.tags', 'span.tag[0]', 'span.tag[1]', 'span.tag[-1]',
  'span.args', 'span.arg[0]', 'span.arg[-1]', 'span.arg[2]', 'span.enterargs', 'span.enterarg[1]', 'span.enterarg[-2]',
  'span.duration', 'span.duration.human',
];
/** sysdig reads `.NAME` to the end of the format: each named argument gets a run of its own. */
const NAMED = ['span.arg.a', 'span.arg.res', 'span.enterarg.step', 'span.enterarg.url'];

function byEventNumber(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const cells = line.split('\x1f');
    m.set(cells[0], cells.slice(1));
  }
  return m;
}

async function ours(file: string, format: string): Promise<string> {
  const lines: string[] = [];
  await formatCapture(file, { format }, (l) => lines.push(l));
  return lines.join('\n');
}

test('span fields match sysdig 0.29.3 on every tracer of the synthetic capture', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscope-tracers-'));
  try {
    const file = join(dir, 'tracers.scap');
    await writeTracerCapture(file);
    const runs = [FIELDS, ...NAMED.map((f) => [f])];
    const report: string[] = [];
    let tracerLines = 0;
    for (const fields of runs) {
      const format = `*%evt.num${fields.map((f) => `\x1f%${f}`).join('')}`;
      const theirs = byEventNumber(sysdig(['-r', file, '-p', format]));
      const mine = byEventNumber(await ours(file, format));
      fields.forEach((field, k) => {
        let equal = 0, total = 0, withValue = 0;
        for (const [num, cells] of theirs) {
          total++;
          if (cells[k] !== '<NA>') withValue++;
          const got = mine.get(num)?.[k];
          if (got === cells[k]) { equal++; continue; }
          const invalidTracer = cells[fields.indexOf('span.tag[0]')]?.startsWith('invalid tracer ');
          const known = field === 'span.tags' && invalidTracer && got === cells[fields.indexOf('span.tag[0]')];
          assert.ok(known, `${field} of event ${num}: sysdig ${JSON.stringify(cells[k])}, ours ${JSON.stringify(got)}`);
        }
        report.push(`${field}: ${equal}/${total} lines equal (${withValue} with a value)`);
        assert.ok(withValue > 0, `${field} has a value on no line: the capture does not exercise it`);
      });
      tracerLines = Math.max(tracerLines, [...theirs.values()].filter((c) => c[0] !== '<NA>').length);
    }
    console.log(report.join("\n"));
    assert.ok(tracerLines >= 15, `only ${tracerLines} tracer events`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
