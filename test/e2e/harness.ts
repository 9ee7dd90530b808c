/**
 * End-to-end harness: the real renderer (dist/renderer) and the real engine behind the browser
 * host, driven by Debian's Chromium through playwright-core. Where Chromium is absent the
 * suites skip with one line, except under SYSCOPE_REQUIRE_REFERENCE=1.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
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
  const recent = recentFiles(join(mkdtempSync(join(tmpdir(), 'syscope-e2e-')), 'recent.json'));
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
    },
  };
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
