/**
 * Shared by the browser tests and the web benchmark: a real `vigil serve` on loopback, and
 * Debian's chromium driven by playwright-core.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Chromium 15x's own omnibox popup, a WebUI page preloaded for every new window (and in the new
 * headless mode each page is a window): profiled, it took more CPU than the app itself while the
 * app loaded, on the same cores. A user's browser has loaded it long before opening Vigil.
 */
const BROWSER_UI_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'PreloadTopChromeWebUI',
];
/**
 * Chromium keeps only the last --disable-features: ours must repeat the list Playwright passes
 * (playwright-core's chromiumSwitches.ts), or those would be enabled again.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...BROWSER_UI_FEATURES].join(',')}`,
];

/** Why the browser tests cannot run here, or null when they can. */
export function browserSkipReason(): string | null {
  if (!existsSync(CHROMIUM))
    return `no chromium at ${CHROMIUM} (apt-get install chromium); browser tests skipped`;
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html')))
    return 'web/dist is not built (npm run build); browser tests skipped';
  return null;
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** Starts `vigil serve` on a free loopback port and resolves once it is listening. */
export function serve(dbPath: string, env: Record<string, string> = {}): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      '--db',
      dbPath,
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--public-rate',
      '100000',
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`vigil serve did not start in 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Either wording of the serve banner: "at http://…:port/api" or "at http://…:port/ (API …)".
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (!m?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: m[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigil serve exited with ${code}:\n${output}`));
    });
  });
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A database built by `seed` in a scratch folder, served, and a page in a new browser: all torn
 * down when the test ends, whatever happened.
 */
export async function servedPage(
  t: TestContext,
  prefix: string,
  seed: (dbPath: string) => Promise<unknown>,
): Promise<{ server: Served; browser: Browser; page: Page; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let server: Served | null = null;
  let browser: Browser | null = null;
  t.after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = join(dir, 'web.db');
  await seed(db);
  server = await serve(db);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Errors the app or MapLibre logs (a removed map asked about its sources) count too; an HTTP error
  // status is logged as a failed resource, and some tests provoke those (409, 401) on purpose.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { server, browser, page, errors };
}

/** Resolves when the map has drawn incidents since `since` (performance.now() in the page). */
export async function waitForMapDrawn(page: Page, minRedraws = 1, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __vigilPerf?: { redraws: number } }).__vigilPerf?.redraws !== undefined &&
      (window as unknown as { __vigilPerf: { redraws: number } }).__vigilPerf.redraws >= n,
    minRedraws,
    { timeout },
  );
}
