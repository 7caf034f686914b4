/**
 * The landing map opens on Syria; a database whose incidents lie elsewhere opens framed on them
 * instead, before anything is drawn, and a view named in the URL is left alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedIncidents } from '../../bench/web/seed.js';
import { browserSkipReason, servedPage, waitForMapDrawn } from './harness.js';

const skip = browserSkipReason();
if (skip) console.log(`# ${skip}`);

// Yemen, 13-16°N 43-46°E: wholly outside the landing view over Syria.
const YEMEN = { south: 13, west: 43, height: 3, width: 3, country: 'YE' };

function bounds(page: Page): Promise<[number, number, number, number]> {
  return page.evaluate(() => {
    type MapLike = {
      getBounds(): { getWest(): number; getSouth(): number; getEast(): number; getNorth(): number };
    };
    const b = (window as unknown as { __vigilMap: MapLike }).__vigilMap.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number];
  });
}

test('the landing map frames incidents that lie outside its view', {
  skip: skip ?? false,
  timeout: 120_000,
}, async (t) => {
  const { server, page, errors } = await servedPage(t, 'vigil-landing-', (db) =>
    seedIncidents(db, 200, YEMEN),
  );
  await page.goto(`${server.url}/`);
  await waitForMapDrawn(page);
  const [w, s, e, n] = await bounds(page);
  assert.ok(
    w <= 43 && e >= 46.3 && s <= 13 && n >= 16.3,
    `the view [${[w, s, e, n].map((x) => x.toFixed(1))}] holds Yemen`,
  );
  // The framed view is written to the URL, so a reload or a shared link opens on it.
  assert.match(page.url(), /[?&]map=/);

  // A view the URL names is the reader's: it stays where it is.
  await page.goto(`${server.url}/?map=5/35/38.5`);
  await waitForMapDrawn(page);
  const [, s2, , n2] = await bounds(page);
  assert.ok(
    s2 > 16.3 && n2 > 35,
    `the named view [${s2.toFixed(1)}..${n2.toFixed(1)}°N] was kept, off Yemen`,
  );
  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
});
