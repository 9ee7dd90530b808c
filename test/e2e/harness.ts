/**
 * End-to-end harness: the real renderer (dist/renderer) and the real engine behind the browser
 * host, driven by Debian's Chromium through playwright-core. Where Chromium is absent the
 * suites skip with one line, except under SYSCOPE_REQUIRE_REFERENCE=1.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { projectRoot } from '../support/reference';
import { startBrowserHost, type BrowserHost } from '../../electron/host/browserHost';
import { composeAppApi } from '../../electron/host/appApi';
import { recentFiles } from '../../electron/host/recentFiles';
import { startEngine, type RunningEngine } from '../../electron/host/engine';

export const chromiumPath = '/usr/bin/chromium';
export const samplePath = join(projectRoot, 'dist', 'sample', 'crashloop-nginx.scap');
export const screenshotsDir = join(projectRoot, 'test-results');

export function e2eSkip(): string | false {
  if (existsSync(chromiumPath)) return false;
  const why = `end-to-end environment missing: no Chromium at ${chromiumPath}`;
  if (process.env.SYSCOPE_REQUIRE_REFERENCE === '1') throw new Error(why);
  console.log(`# skipping: ${why}`);
  return why;
}

/** The renderer, worker and sample come from the build; build once if any is missing. */
export function ensureBuilt(): void {
  const needed = ['dist/renderer/index.html', 'dist/renderer/app.js', 'dist/indexWorker.mjs', 'dist/sample/crashloop-nginx.scap'];
  if (needed.every((p) => existsSync(join(projectRoot, p)))) return;
  const r = spawnSync(process.execPath, [join(projectRoot, 'build', 'build.mjs')], { cwd: projectRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${(r.stderr || r.stdout).split('\n')[0]}`);
}

export interface Harness {
  host: BrowserHost;
  browser: Browser;
  page: Page;
  engine: RunningEngine;
  /** Browser-side errors (uncaught exceptions, console errors); a test expects none. */
  pageErrors: string[];
  close(): Promise<void>;
  shot(name: string): Promise<void>;
}

export async function startHarness(opts: { openPath?: string } = {}): Promise<Harness> {
  ensureBuilt();
  const engine = await startEngine({ workerPath: join(projectRoot, 'dist', 'indexWorker.mjs'), cacheDir: null });
  const recentDir = mkdtempSync(join(tmpdir(), 'syscope-e2e-recent-'));
  const recent = recentFiles(join(recentDir, 'recent.json'));
  const api = composeAppApi(engine.api, { recent, samplePath });
  const host = await startBrowserHost({ api, events: engine.events, rendererDir: join(projectRoot, 'dist', 'renderer'), openPath: opts.openPath });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, colorScheme: 'dark' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  mkdirSync(screenshotsDir, { recursive: true });
  return {
    host, browser, page, engine, pageErrors,
    shot: async (name) => { await page.screenshot({ path: join(screenshotsDir, `${name}.png`) }); },
    close: async () => {
      await browser.close();
      await host.close();
      await engine.close();
      rmSync(recentDir, { recursive: true, force: true });
    },
  };
}

export interface SharedHarnessSetup {
  /** Why the file's tests skip (e2eSkip(), referenceSkip()), if they do: then nothing starts. */
  skip: string | false;
  /** The capture to open as it is (the shared captures are read-only); none: the welcome page. */
  open?: string;
  /**
   * Or a capture to copy into a private folder, the copy being what opens: the bundled sample is
   * rebuilt whenever anyone builds, and a report must be made from the very file the app had open.
   */
  privateCopyOf?: string;
  /** The private copy's file name (default: the original's). */
  copyName?: string;
  /** Runs before the harness starts, once the capture to open is in place (e.g. finding evidence with the engine). */
  prepare?(capturePath: string, out: string): void | Promise<void>;
  /** Runs once the harness has started (e.g. listening for downloads). */
  started?(h: Harness): void;
}

export interface SharedHarness {
  /** The running harness; its members throw when read before it starts (a skipped file never reads them). */
  h: Harness;
  /** The capture that opens: `open`, or the private copy. */
  capturePath: string;
  /** The private folder (removed after the tests), for the copy and whatever the tests write. */
  out: string;
}

/**
 * The set-up an e2e file shares between its tests: before them a harness on the capture (a
 * private copy when asked), after them the harness closed and the private folder removed.
 */
export function sharedHarness(setup: SharedHarnessSetup): SharedHarness {
  const out = mkdtempSync(join(tmpdir(), 'syscope-e2e-'));
  const from = setup.privateCopyOf;
  const capturePath = from ? join(out, setup.copyName ?? basename(from)) : setup.open ?? '';
  let started: Harness | undefined;
  const h = {} as Harness;
  for (const key of ['host', 'browser', 'page', 'engine', 'pageErrors', 'close', 'shot'] as const) {
    Object.defineProperty(h, key, {
      get: () => {
        if (!started) throw new Error('the e2e harness has not started');
        return started[key];
      },
    });
  }
  before(async () => {
    if (setup.skip) return;
    // node:test may run a top-level hook at once: let the file finish declaring what `prepare` uses.
    await new Promise((resolve) => setImmediate(resolve));
    ensureBuilt();
    if (from) copyFileSync(from, capturePath);
    await setup.prepare?.(capturePath, out);
    started = await startHarness({ openPath: capturePath || undefined });
    setup.started?.(started);
  });
  after(async () => {
    if (started) await started.close();
    rmSync(out, { recursive: true, force: true });
  });
  return { h, capturePath, out };
}

/**
 * Opens a saved HTML report as its reader would (a file: page), recording whatever would run or
 * load: dialogs, page errors, requests beyond the file. `inspect` may look at the page before
 * it closes; a full-page screenshot goes to test-results/`screenshot`.png. A test expects no
 * problems.
 */
export async function openSavedReport(browser: Browser, file: string, screenshot: string,
  opts: { viewport?: { width: number; height: number }; inspect?: (page: Page) => Promise<void> } = {}): Promise<{ text: string; problems: string[] }> {
  const page = await browser.newPage(opts.viewport ? { viewport: opts.viewport } : {});
  const problems: string[] = [];
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`); });
  await page.goto(pathToFileURL(file).href);
  const text = await page.locator('body').innerText();
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${screenshot}.png`), fullPage: true });
  await opts.inspect?.(page);
  await page.close();
  return { text, problems };
}

/**
 * The app at `width` × `height` with the capture's overview shown and the Findings drawer open
 * beside it: where most layout tests start (the drawer takes 560 px, the narrowest room a
 * view, the events list or a stream card must fit). Returns the drawer.
 */
export async function openBesideFindings(page: Page, url: string, size: { width: number; height: number }): Promise<ReturnType<Page['getByRole']>> {
  await page.setViewportSize(size);
  await page.goto(url);
  await page.getByRole('button', { name: 'Running Containers', exact: true }).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Findings/ }).click();
  const drawer = page.getByRole('complementary', { name: 'Findings' });
  await drawer.waitFor();
  return drawer;
}

/** Where `l` is laid out (fails the test if it is not). */
export async function boxOf(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  assert.ok(b, 'laid out');
  return b;
}

/** Whether the element's centre shows the element itself: nothing is drawn over it, so a click there reaches it. */
export async function isOnTop(l: Locator): Promise<boolean> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}
