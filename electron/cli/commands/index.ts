/**
 * `syscope index <capture> [--rebuild] [--no-cache]`: builds the capture's index (one pass, as
 * opening it in the app does) and prints its size in events, the time taken and the peak memory.
 * With the cache (default) a second run loads the stored index instead; --rebuild builds anew
 * and replaces the stored index; --no-cache builds and stores nothing (the index benchmark).
 */
import { existsSync, statSync } from 'node:fs';
import type { Command } from '../main';
import { CaptureSession } from '../../engine/api/captureSession';
import { engineResolver } from '../../engine/api/engineResolver';
import { ApiFailure } from '../../../shared/ipc/errors';

const USAGE = 'usage: syscope index <capture> [--rebuild] [--no-cache]';
const FLAGS = ['--rebuild', '--no-cache'];

export const command: Command = {
  summary: `build a capture's index and print events, time and peak memory: ${USAGE}`,
  async run(args) {
    if (args.includes('-h') || args.includes('--help')) { console.log(USAGE); return 0; }
    const noCache = args.includes('--no-cache');
    const rebuild = args.includes('--rebuild');
    const files = args.filter((a) => !FLAGS.includes(a));
    const bad = files.find((a) => a.startsWith('-'));
    if (bad) { console.error(`syscope index: unknown option '${bad}'. ${USAGE}`); return 2; }
    if (files.length !== 1) { console.error(`syscope index: ${USAGE}`); return 2; }
    const file = files[0];
    if (!existsSync(file) || !statSync(file).isFile()) { console.error(`syscope index: ${file}: no such file`); return 1; }
    const started = performance.now();
    let session: CaptureSession;
    try {
      session = await CaptureSession.open(file, { resolver: engineResolver(), rebuild, ...(noCache ? { cache: null } : {}) });
    } catch (e) {
      console.error(`syscope index: ${e instanceof ApiFailure || e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;
    const ix = session.index;
    console.log(`events:      ${ix.events}`);
    console.log(`source:      ${session.fromCache ? 'cache' : 'built'}`);
    console.log(`seconds:     ${seconds.toFixed(2)}`);
    console.log(`events/s:    ${Math.round(ix.events / Math.max(seconds, 1e-6))}`);
    console.log(`peak memory: ${peakMiB.toFixed(0)} MiB`);
    for (const w of ix.meta.warnings) console.log(`warning:     ${w}`);
    return 0;
  },
};
