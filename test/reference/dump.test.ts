/**
 * `syscope dump` against Debian's sysdig 0.29.3 on every real capture it opens:
 * - the default output (`sysdig -r F`) line for line, with evt.num, time, cpu, tid, direction
 *   and type exactly equal on every line;
 * - `-p` formats covering the fields of the issue (`sysdig -r F -p '*FMT'`);
 * - the JSON output (`sysdig -r F -j`).
 * Each comparison must match on at least 99.5% of lines; the per-capture figures are printed.
 * Remaining differences and their reasons: docs/sysdig-differences.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basename } from 'node:path';
import { captureFiles, referenceSkip, sysdig, sysdigCannotOpen } from '../support/reference';
import { formatCapture } from '../../electron/engine/inspector/formatCapture';

const MIN_MATCH = 99.5;
/**
 * Known, explained exceptions (docs/sysdig-differences.md, "Remaining differences"):
 * format:capture → the lower threshold that still holds.
 */
const KNOWN_LOWER: Record<string, number> = {
  // sysdig prints an uninitialised padding byte of its socket union as part of an address.
  'fds:inspect_502Error.scap': 99.0,
};
const SEP = '\u0001';

const FORMATS: Record<string, string[]> = {
  events: ['evt.num', 'evt.time', 'evt.rawtime', 'evt.outputtime', 'evt.cpu', 'evt.dir', 'evt.type', 'evt.res', 'evt.rawres',
    'evt.failed', 'evt.latency', 'evt.buflen', 'evt.is_io', 'evt.is_io_read', 'evt.is_io_write', 'evt.io_dir', 'evt.reltime',
    'evt.deltatime', 'evt.datetime', 'evt.rawtime.s', 'evt.latency.ns'],
  processes: ['evt.num', 'proc.name', 'proc.pid', 'proc.ppid', 'proc.exe', 'proc.exepath', 'proc.args', 'proc.cmdline', 'proc.cwd',
    'proc.vpid', 'thread.tid', 'thread.vtid', 'proc.pname', 'proc.pcmdline', 'proc.aname[2]', 'proc.apid[1]', 'proc.nthreads',
    'proc.fdlimit', 'proc.sid', 'thread.ismain'],
  fds: ['evt.num', 'fd.num', 'fd.type', 'fd.typechar', 'fd.name', 'fd.directory', 'fd.filename', 'fd.cip', 'fd.sip', 'fd.cport',
    'fd.sport', 'fd.l4proto', 'fd.lip', 'fd.rip', 'fd.lport', 'fd.rport', 'fd.is_server', 'fd.containername'],
  context: ['evt.num', 'container.id', 'container.name', 'container.image', 'user.uid', 'user.name', 'group.name', 'evt.args',
    'evt.arg.fd', 'evt.arg[0]', 'evt.info'],
};

function toFormat(fields: string[]): string {
  return fields.map((f) => `%${f}`).join(SEP);
}

async function ours(file: string, format?: string, json = false): Promise<string[]> {
  const lines: string[] = [];
  await formatCapture(file, { format, json }, (l) => lines.push(l));
  // A value may hold a newline (container JSON): compare physical lines, as sysdig's are read.
  return lines.length === 0 ? lines : lines.join('\n').split('\n');
}

function theirs(file: string, format?: string, json = false): string[] {
  const out = sysdig([...(format ? ['-r', file, '-p', format] : ['-r', file]), ...(json ? ['-j'] : [])]);
  const lines = out.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface Match { percent: number; same: number; total: number; firstDifference?: string }

function compare(expected: string[], actual: string[]): Match {
  const total = Math.max(expected.length, actual.length);
  let same = 0;
  let firstDifference: string | undefined;
  for (let i = 0; i < total; i++) {
    if (expected[i] === actual[i]) same++;
    else firstDifference ??= `line ${i + 1}:\n  sysdig:  ${String(expected[i]).slice(0, 200)}\n  syscope: ${String(actual[i]).slice(0, 200)}`;
  }
  return { percent: total === 0 ? 100 : (100 * same) / total, same, total, firstDifference };
}

// num time cpu name (tid) dir type ...: the columns that must always be equal.
const HEAD = /^(\d+) (\S+) (\d+) .*? \((-?\d+)\) ([<>]) (\S+)/;

function heads(lines: string[]): string[] {
  return lines.map((l) => {
    const m = HEAD.exec(l);
    return m ? `${m[1]} ${m[2]} ${m[3]} ${m[4]} ${m[5]} ${m[6]}` : `unparsed: ${l.slice(0, 80)}`;
  });
}

const skip = referenceSkip();
const files = skip ? [] : captureFiles().filter((f) => !sysdigCannotOpen.has(basename(f)));

test('syscope dump prints what sysdig -r prints', { skip }, async (t) => {
  for (const file of files) {
    await t.test(basename(file), async () => {
      const expected = theirs(file);
      const actual = await ours(file);
      const m = compare(expected, actual);
      console.log(`# dump ${basename(file)}: ${m.percent.toFixed(2)}% of ${m.total} lines match`);
      assert.equal(actual.length, expected.length, 'same number of events');
      const h = compare(heads(expected), heads(actual));
      assert.equal(h.same, h.total, `evt.num, time, cpu, tid, direction and type differ at ${h.firstDifference}`);
      assert.ok(m.percent >= MIN_MATCH, `${m.percent.toFixed(2)}% < ${MIN_MATCH}%; first difference at ${m.firstDifference}`);
    });
  }
});

for (const [name, fields] of Object.entries(FORMATS)) {
  test(`syscope dump -p prints the ${name} fields as sysdig -p does`, { skip }, async (t) => {
    const format = `*${toFormat(fields)}`;
    for (const file of files) {
      await t.test(basename(file), async () => {
        const m = compare(theirs(file, format), await ours(file, format));
        console.log(`# -p ${name} ${basename(file)}: ${m.percent.toFixed(2)}% of ${m.total} lines match`);
        const min = KNOWN_LOWER[`${name}:${basename(file)}`] ?? MIN_MATCH;
        assert.ok(m.percent >= min, `${m.percent.toFixed(2)}% < ${min}%; first difference at ${m.firstDifference}`);
      });
    }
  });
}

test('syscope dump -j prints what sysdig -r -j prints', { skip }, async (t) => {
  for (const file of files) {
    await t.test(basename(file), async () => {
      const m = compare(theirs(file, undefined, true), await ours(file, undefined, true));
      console.log(`# -j ${basename(file)}: ${m.percent.toFixed(2)}% of ${m.total} lines match`);
      assert.ok(m.percent >= MIN_MATCH, `${m.percent.toFixed(2)}% < ${MIN_MATCH}%; first difference at ${m.firstDifference}`);
    });
  }
});

test('without a leading * sysdig and syscope skip the same events (a field without value)', { skip }, async () => {
  const file = files.find((f) => basename(f) === 'falco_cat_write.scap') ?? files[0];
  const format = '%evt.num %fd.name';
  const m = compare(theirs(file, format), await ours(file, format));
  assert.equal(m.same, m.total, m.firstDifference);
});
