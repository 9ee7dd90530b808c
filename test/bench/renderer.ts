/**
 * `npm run bench:renderer`: the app as a user feels it on a large capture, in Debian's Chromium
 * through the browser host and the real engine (never part of `npm test`).
 *   - open → first tiles: from loading the page with the capture to open until the overview's
 *     tiles are on screen (reading, indexing and the tiles query included; no index cache);
 *   - scrolling the events list (one row per event): frame times while the list is scrolled
 *     SYSCOPE_BENCH_ROWS_PER_FRAME rows (default 100) per animation frame, the list reading
 *     further pages as it goes, and the long tasks (> 50 ms, PerformanceObserver 'longtask')
 *     during it. The events list keeps at most maxListedEvents (50,000) rows however large the
 *     capture; no view of a repeated capture has a million distinct rows, so this is the
 *     longest table the app shows here.
 * The capture is a real one repeated (largeCapture.ts), ~200 MB unless SYSCOPE_BENCH_BYTES says.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeLargeCapture } from './largeCapture';
import { e2eSkip, startHarness } from '../e2e/harness';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const captures = process.env.SYSCOPE_CAPTURES ?? resolve(root, '..', 'shared', 'captures');
const source = join(captures, process.env.SYSCOPE_BENCH_SOURCE ?? 'inspect_502Error.scap');
const targetBytes = Number(process.env.SYSCOPE_BENCH_BYTES ?? 200_000_000);
const scrollFrames = Number(process.env.SYSCOPE_BENCH_FRAMES ?? 600);
const rowsPerFrame = Number(process.env.SYSCOPE_BENCH_ROWS_PER_FRAME ?? 100);

interface ScrollFigures { frames: number[]; longTasks: number[]; rowsBefore: number; rowsAfter: number; scrolledRows: number }

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
}

async function main(): Promise<void> {
  if (e2eSkip()) return;
  const dir = join(tmpdir(), 'syscope-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `large-${targetBytes}.scap`);
  console.log(`making ${file} from ${source} ...`);
  const made = await makeLargeCapture(source, file, targetBytes);
  console.log(`large capture: ${(made.bytes / 1e6).toFixed(0)} MB`);

  const h = await startHarness({ openPath: file });
  try {
    const { page } = h;
    const t0 = performance.now();
    await page.goto(h.host.url);
    await page.getByRole('button', { name: 'System Calls', exact: true }).waitFor({ timeout: 30 * 60_000 });
    const toTiles = (performance.now() - t0) / 1000;
    console.log(`open → first tiles on screen: ${toTiles.toFixed(2)} s`);

    await page.getByRole('tab', { name: 'Events' }).click();
    const grid = page.getByRole('grid', { name: 'Events' });
    await grid.getByRole('row').nth(1).waitFor({ timeout: 10 * 60_000 });
    // Let the first page of rows settle before measuring scrolling.
    await page.waitForTimeout(500);
    // tsx compiles this file with esbuild's keepNames, which wraps the page function's inner
    // functions in __name(); the page has no such helper, so give it an identity one.
    await page.evaluate('globalThis.__name = (f) => f');
    const figures = await page.evaluate(async ({ frameCount, perFrame }): Promise<ScrollFigures> => {
      const el = document.querySelector<HTMLElement>('[role=grid][aria-label=Events]');
      if (!el) throw new Error('no events grid');
      const rowsNow = () => Number(el.getAttribute('aria-rowcount') ?? 1) - 1;
      const rowsBefore = rowsNow();
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
      observer.observe({ type: 'longtask', buffered: false });
      const frames: number[] = [];
      const step = perFrame * 22; // rowPx of the events list
      await new Promise<void>((done) => {
        let last = performance.now();
        let n = 0;
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (++n > frameCount) { done(); return; }
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // Long tasks are reported after they end: give the observer a moment.
      await new Promise((r) => setTimeout(r, 200));
      observer.disconnect();
      return { frames: frames.slice(1), longTasks, rowsBefore, rowsAfter: rowsNow(), scrolledRows: Math.round(el.scrollTop / 22) };
    }, { frameCount: scrollFrames, perFrame: rowsPerFrame });
    const sorted = [...figures.frames].sort((a, b) => a - b);
    const mean = figures.frames.reduce((a, b) => a + b, 0) / Math.max(1, figures.frames.length);
    console.log(`events list: ${figures.frames.length} frames at ${rowsPerFrame} rows per frame; scrolled to row ${figures.scrolledRows.toLocaleString('en-US')}; ` +
      `rows loaded ${figures.rowsBefore.toLocaleString('en-US')} → ${figures.rowsAfter.toLocaleString('en-US')}`);
    console.log(`frame times: mean ${mean.toFixed(1)} ms, median ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms; ` +
      `${sorted.filter((f) => f > 50).length} frames over 50 ms`);
    const longTotal = figures.longTasks.reduce((a, b) => a + b, 0);
    console.log(`long tasks (> 50 ms): ${figures.longTasks.length}, total ${longTotal.toFixed(0)} ms, longest ${(Math.max(0, ...figures.longTasks)).toFixed(0)} ms`);
    const shown = await grid.getByRole('row').last().innerText();
    console.log(`last row on screen after scrolling: ${shown.replace(/\s+/g, ' ').slice(0, 100)}`);
    if (h.pageErrors.length) console.log(`page errors: ${h.pageErrors.join(' | ')}`);
  } finally {
    await h.close();
  }
}

main().catch((e) => { console.error(`bench:renderer: ${e instanceof Error ? e.message : e}`); process.exit(1); });
