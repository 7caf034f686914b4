/**
 * The landing map is first drawn from the server's clusters (/api/map/clusters) while the points are
 * held back; once they are in, the page's own clusters take over. The counts on the map add up to the
 * totals the panel shows, and the handover moves no cluster and changes no figure.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedIncidents } from '../../bench/web/seed.js';
import { browserSkipReason, servedPage, waitForMapDrawn } from './harness.js';

const skip = browserSkipReason();

interface Drawn {
  /** "count@x,y" for each cluster marker, sorted: what the reader sees. */
  clusters: string[];
  clustered: number;
  /** Incidents drawn on their own (the incident layer's features). */
  lone: number;
  /** The incident counts the totals panel lists (headline, then each other grading). */
  panel: number[];
  /** Pairs of cluster markers whose discs overlap (one hides part of the other's count). */
  overlapping: string[];
}

function drawn(page: Page): Promise<Drawn> {
  // No named functions in here: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const clusters = [...document.querySelectorAll<HTMLElement>('.maplibregl-marker.cluster')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        count: Number((el.textContent ?? '').replace(/\D/g, '')),
        at: `${Math.round(r.x)},${Math.round(r.y)}`,
        x: r.x + r.width / 2,
        y: r.y + r.height / 2,
        r: r.width / 2,
      };
    });
    const overlapping: string[] = [];
    clusters.forEach((a, i) => {
      for (const b of clusters.slice(i + 1))
        if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r)
          overlapping.push(`${a.count}@${a.at} & ${b.count}@${b.at}`);
    });
    type MapLike = { querySourceFeatures(id: string): { properties: { code?: string } }[] };
    const map = (window as unknown as { __vigilMap: MapLike }).__vigilMap;
    const lone = new Set(map.querySourceFeatures('incidents').map((f) => f.properties.code)).size;
    const panelText = document.querySelector('.totals-panel')?.textContent ?? '';
    const panel = [...panelText.matchAll(/([\d,]+) incidents?/g)].map((m) =>
      Number((m[1] as string).replace(/\D/g, '')),
    );
    return {
      clusters: clusters.map((c) => `${c.count}@${c.at}`).sort(),
      clustered: clusters.reduce((n, c) => n + c.count, 0),
      lone,
      panel,
      overlapping,
    };
  });
}

test('the landing map: server clusters first, the same clusters after the points arrive', {
  skip: skip ?? false,
  timeout: 120_000,
}, async (t) => {
  const INCIDENTS = 4000;
  const { server, browser, page, errors } = await servedPage(t, 'vigil-web-clusters-', (db) =>
    seedIncidents(db, INCIDENTS),
  );

  // The points are held until the first map has been looked at.
  let release = () => {};
  const released = new Promise<void>((r) => {
    release = r;
  });
  let pointsAsked = 0;
  await page.route('**/api/map/points**', async (route) => {
    pointsAsked++;
    await released;
    await route.continue();
  });

  await page.goto(`${server.url}/`);
  await waitForMapDrawn(page, 1, 60_000);
  await page.waitForFunction(() => document.querySelectorAll('.maplibregl-marker.cluster').length > 0);
  const first = await drawn(page);
  assert.ok(first.clusters.length > 0, 'clusters on the first map');
  assert.deepEqual(first.overlapping, [], 'no cluster covers another');
  // The legend says what the two kinds of mark are and what selecting one does.
  assert.match(
    await page.getByTestId('map-legend').innerText(),
    /One incident: select it to open\s+Several incidents \(the number\): select to zoom in/,
  );
  assert.equal(first.clustered + first.lone, INCIDENTS, 'every incident is in a cluster or drawn alone');
  assert.equal(
    first.panel.reduce((a, b) => a + b, 0),
    INCIDENTS,
    `the totals panel counts the same incidents before the points are in (${first.panel.join(', ')})`,
  );
  assert.equal(
    await page.evaluate(
      () =>
        (window as unknown as { __vigilPerf: { marks: Record<string, number> } }).__vigilPerf.marks.clustered,
    ),
    undefined,
    'drawn from the server clusters: the page has not clustered anything yet',
  );

  release();
  await page.waitForFunction(
    () =>
      (window as unknown as { __vigilPerf: { marks: Record<string, number> } }).__vigilPerf.marks.handover !==
      undefined,
    null,
    { timeout: 60_000 },
  );
  assert.equal(pointsAsked, 1);
  // The timeline is built from the points: once it has bars, the panel's figures are the page's own.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline] rect').length > 1);
  const after = await drawn(page);
  // Every legend (the map's, the timeline's) shows each of its marks: none is an empty box.
  const swatches = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.legend .swatch')].map((el) => {
      const r = el.getBoundingClientRect();
      return { shown: r.width > 0 && r.height > 0, fill: getComputedStyle(el).backgroundColor };
    }),
  );
  assert.equal(swatches.length, 4, 'two marks in each legend');
  for (const s of swatches) assert.ok(s.shown && s.fill !== 'rgba(0, 0, 0, 0)', JSON.stringify(swatches));
  assert.deepEqual(after, first, 'the handover moves no cluster and changes no figure');
  assert.equal(
    await page.evaluate(
      () => (window as unknown as { __vigilPerf: { redraws: number } }).__vigilPerf.redraws,
    ),
    1,
    'the handover is not counted as a new view',
  );

  // Nor at any other zoom the clusters are drawn at.
  type Zoomable = { jumpTo(o: { zoom: number }): void; getZoom(): number };
  const landing = await page.evaluate(() =>
    (window as unknown as { __vigilMap: Zoomable }).__vigilMap.getZoom(),
  );
  let redraws = 1;
  for (const zoom of [3, 4, 6, 7, 8]) {
    await page.evaluate((z) => {
      (window as unknown as { __vigilMap: { jumpTo(o: { zoom: number }): void } }).__vigilMap.jumpTo({
        zoom: z,
      });
    }, zoom);
    await waitForMapDrawn(page, ++redraws, 60_000);
    const seen = await drawn(page);
    assert.deepEqual(seen.overlapping, [], `no cluster covers another at zoom ${zoom}`);
  }
  await page.evaluate((z) => {
    (window as unknown as { __vigilMap: { jumpTo(o: { zoom: number }): void } }).__vigilMap.jumpTo({
      zoom: z,
    });
  }, landing);
  await waitForMapDrawn(page, ++redraws, 60_000);

  // From now on the page clusters itself: a grading filter redraws with fewer incidents.
  await page.getByTestId('filter-grading').selectOption('confirmed');
  await waitForMapDrawn(page, ++redraws, 60_000);
  const confirmed = await drawn(page);
  assert.ok(confirmed.clustered + confirmed.lone < INCIDENTS && confirmed.clustered > 0);

  // A grading chosen before the points are in: the server's clusters (every grading) go, and the
  // page's own, for that grading, are the next view drawn.
  const early = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  early.on('pageerror', (e) => errors.push(e.message));
  let releaseEarly = () => {};
  const earlyReleased = new Promise<void>((r) => {
    releaseEarly = r;
  });
  await early.route('**/api/map/points**', async (route) => {
    await earlyReleased;
    await route.continue();
  });
  await early.goto(`${server.url}/`);
  await waitForMapDrawn(early, 1, 60_000);
  await early.getByTestId('filter-grading').selectOption('confirmed');
  await early.waitForFunction(() => document.querySelectorAll('.maplibregl-marker.cluster').length === 0);
  releaseEarly();
  await waitForMapDrawn(early, 2, 60_000);
  const chosen = await drawn(early);
  assert.equal(
    chosen.clustered + chosen.lone,
    confirmed.clustered + confirmed.lone,
    'the confirmed incidents only',
  );
  await early.close();
  assert.deepEqual(errors, [], errors.join('\n'));
});
