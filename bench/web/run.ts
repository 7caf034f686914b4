/**
 * Web benchmark: N synthetic incidents (default 100,000) behind a real `vigil serve` on loopback,
 * opened in headless chromium. Prints the time from navigation to the first map render with
 * incidents on it, and the time for a filter change to redraw the map. Figures only.
 *
 *   npm run build && node --import tsx bench/web/run.ts [--rows 100000] [--runs 3] [--db kept.db]
 *
 * "First map render" is measured in the page (web/src/perf.ts, MapView's `drawn`): from navigation
 * start (performance.now() = 0) to the first frame MapLibre renders after the incident layer's
 * source has loaded the clustered incidents, with their cluster markers placed, on a basemap whose
 * land and borders are already drawn (they are in the style before the map's `load`). A filter
 * change runs from the change handler to the next such frame.
 *
 * Wall time on a shared machine moves with its load, so each run also reports two figures that
 * move much less: the page's main-thread busy time (CDP Performance.getMetrics TaskDuration) and
 * the CPU time all the browser's processes spent (from /proc) from navigation to the first render.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { browserSkipReason, launchBrowser, serve, waitForMapDrawn } from '../../test/web/harness.js';
import { browserCpu, browserCpuSecondsSince } from './cpu.js';
import { seedIncidents } from './seed.js';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    // A database seeded by an earlier run (kept there), so repeated runs skip the seeding.
    db: { type: 'string' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

interface Perf {
  marks: Record<string, number>;
  firstMapRender: number | null;
  lastRedrawMs: number | null;
  redraws: number;
}
const perf = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __vigilPerf: Perf }).__vigilPerf);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`bench/web: ${skip}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vigil-web-bench-'));
  try {
    const db = args.db ?? join(dir, 'bench.db');
    let t = performance.now();
    if (!existsSync(db)) {
      await seedIncidents(db, ROWS);
      console.log(`seeded ${ROWS.toLocaleString('en')} incidents in ${Math.round(performance.now() - t)} ms`);
    }
    console.log(
      `load average (1, 5, 15 min) at the start: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')}`,
    );
    const server = await serve(db);
    const browser = await launchBrowser();
    try {
      const first: number[] = [];
      const mainBusy: number[] = [];
      const cpuMs: number[] = [];
      const filterGrading: number[] = [];
      const filterBrush: number[] = [];
      const filterServer: number[] = [];
      let marks: Record<string, number> = {};
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        const cpu0 = browserCpu();
        await page.goto(`${server.url}/`);
        await waitForMapDrawn(page, 1, 60_000);
        const cpu = browserCpuSecondsSince(cpu0);
        const { metrics } = await cdp.send('Performance.getMetrics');
        const task = metrics.find((m) => m.name === 'TaskDuration')?.value;
        if (task !== undefined) mainBusy.push(task * 1000);
        if (cpu !== null) cpuMs.push(cpu * 1000);
        const p0 = await perf(page);
        first.push(p0.firstMapRender as number);
        marks = { ...p0.marks, drawn: Math.round(p0.firstMapRender as number) };

        // Gradings are in the points the page holds: reselected and reclustered, no request.
        t = performance.now();
        await page.getByTestId('filter-grading').selectOption('fair');
        await waitForMapDrawn(page, 2, 60_000);
        filterGrading.push((await perf(page)).lastRedrawMs as number);

        // A date range (what brushing the timeline sets): filtered in the page, no request.
        await page.getByTestId('filter-from').fill('2016-01-01');
        await waitForMapDrawn(page, 3, 60_000);
        filterBrush.push((await perf(page)).lastRedrawMs as number);

        // A filter only the server applies: new points are fetched, decoded, clustered and drawn.
        const event = page.getByTestId('filter-event');
        await event.selectOption((await event.locator('option').nth(1).getAttribute('value')) as string);
        await waitForMapDrawn(page, 4, 60_000);
        filterServer.push((await perf(page)).lastRedrawMs as number);
        await page.close();
      }
      const f = (xs: number[]) =>
        `median ${Math.round(median(xs))} ms (runs: ${xs.map(Math.round).join(', ')})`;
      console.log(`moments of the last load (ms since navigation): ${JSON.stringify(marks)}`);
      console.log(
        `incidents: ${args.db ? `those in ${args.db}` : ROWS.toLocaleString('en')}; headless chromium (SwiftShader WebGL); ${RUNS} runs`,
      );
      console.log(`time to first map render (navigation start -> incidents drawn): ${f(first)}`);
      if (mainBusy.length) console.log(`  page main thread busy until then (TaskDuration): ${f(mainBusy)}`);
      if (cpuMs.length) console.log(`  browser CPU time until then (all processes): ${f(cpuMs)}`);
      console.log(`filter change, grading=fair (in-page: recluster + redraw): ${f(filterGrading)}`);
      console.log(`filter change, date range / timeline brush (in-page + redraw): ${f(filterBrush)}`);
      console.log(
        `filter change, server-side (event: refetch + decode + recluster + redraw): ${f(filterServer)}`,
      );
      // The figures move with whatever else the machine runs: this says how busy it was.
      console.log(
        `load average (1, 5, 15 min) at the end: ${loadavg()
          .map((x) => x.toFixed(1))
          .join(', ')}`,
      );
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
