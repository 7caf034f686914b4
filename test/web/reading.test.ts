/**
 * What a first-time reader sees, checked geometrically in chromium: nothing cut off or pushed off
 * the page in Arabic or on a phone, names in the other script kept in place, and imported
 * datasets credited wherever their rows are shown.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { importFile } from '../../src/services/import.js';
import { openSqliteStore } from '../../src/store/database.js';
import { ANALYST, buildFixtureDb } from './fixture.js';
import { browserSkipReason, ROOT, servedPage, waitForMapDrawn } from './harness.js';

const skip = browserSkipReason();
if (skip) console.log(`# ${skip}`);

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

/**
 * The on-screen boxes of `needles` within the first element matching `selector` whose text holds
 * them all (each at its first occurrence within one text node).
 */
function textBoxes(page: Page, selector: string, needles: string[]) {
  return page.evaluate(
    ([sel, ns]) => {
      for (const el of document.querySelectorAll(sel as string)) {
        if (!(ns as string[]).every((n) => el.textContent?.includes(n))) continue;
        return (ns as string[]).map((n) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent?.indexOf(n) ?? -1;
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + n.length);
            const r = range.getBoundingClientRect();
            return { left: r.left, right: r.right };
          }
          return null;
        });
      }
      return null;
    },
    [selector, needles] as const,
  );
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

  await t.test('the map canvas is named apart from its section, in the language shown', async () => {
    await page.goto(`${base}/`);
    await waitForMapDrawn(page);
    const canvas = page.locator('.maplibregl-canvas');
    assert.equal(await canvas.getAttribute('aria-label'), 'Map: arrow keys move it, + and − zoom');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.match(String(await canvas.getAttribute('aria-label')), /^الخريطة/);
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

  await t.test('imported UCDP rows are credited on the overview and on their page', async () => {
    await page.goto(`${base}/`);
    await waitForMapDrawn(page);
    assert.match(await page.getByTestId('credits').innerText(), /Uppsala Conflict Data Program.*CC BY 4\.0/);
    await page.goto(`${base}/incidents/UCDP-214797`);
    assert.match(
      await page.getByTestId('incident-attribution').innerText(),
      /Uppsala Conflict Data Program.*CC BY 4\.0/,
    );
    // The sources the UCDP row cites stand where report claims would.
    assert.match(
      await page.getByTestId('dataset-sources').innerText(),
      /Sources the dataset cites \(row \u2068UCDP 214797\u2069\)\s+SOHR, .*2015.*14 shells hit Dahya al-Assad/su,
    );
    // A row UCDP places only in the country: its pin is said to stand for the country, not a place.
    await page.goto(`${base}/incidents/UCDP-236764`);
    assert.match(await page.getByTestId('inset-caption').innerText(), /precision: country\)/);
  });

  await t.test('the login form tells a wrong password from a failed request', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('User name').fill(ANALYST.name);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('login-error').getByText('Wrong user name or password.').waitFor();
    await page.route('**/api/auth/login', (r) => r.abort());
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page
      .getByTestId('login-error')
      .getByText(/^Something went wrong/)
      .waitFor();
    await page.unroute('**/api/auth/login');
  });

  await t.test('an Arabic source name in English text stays where the sentence puts it', async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel('User name').fill(ANALYST.name);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/review`);
    await page.goto(`${base}/incidents/V-000001`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=claim]').length === 2);
    const name = 'شبكة الرقة المحلية';
    // "Claim from NAME, 22 Mar 2017": the day follows the name, not pulled in front of it.
    const heading = await textBoxes(page, '[data-testid=claim] h3', [name, '22 Mar 2017']);
    const [src, day] = heading ?? [];
    assert.ok(src && day, 'a claim heading names the source and the day');
    assert.ok(day.left >= src.right - 1, `the day (${day.left}) is after the name (${src.right})`);
    // The review panel's "NAME — Candidate": the name first. The panel loads apart from the claims.
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('.claim-actions li')].some((el) => el.textContent?.includes(n)),
      name,
    );
    const item = await textBoxes(page, '.claim-actions li', [name, 'Candidate']);
    const [src2, status] = item ?? [];
    assert.ok(src2 && status, 'the review panel names the source and the claim status');
    assert.ok(status.left >= src2.right - 1, `the status (${status.left}) is after the name (${src2.right})`);
  });

  await t.test('the Arabic review queue reads code, place, date, toll from the right', async () => {
    await page.goto(`${base}/review?lang=ar`);
    await page.getByTestId('queue-new').getByText('V-000001').waitFor();
    // The account's role is named in Arabic too (the name sits between bidi isolates).
    const signedIn = (await page.getByTestId('signed-in-as').innerText()).replace(/[\u2068\u2069]/g, '');
    assert.equal(signedIn, `مسجّل الدخول باسم ${ANALYST.name} (محلّل)`);
    const parts = await textBoxes(page, '[data-testid=queue-new] li', ['V-000001', 'Raqqa', '21 مارس 2017']);
    const [code, place, day] = parts ?? [];
    assert.ok(code && place && day, 'the queue item shows the code, the place and the day');
    assert.ok(code.left >= place.right - 1, `the code (${code.left}) is right of the place (${place.right})`);
    assert.ok(place.left >= day.right - 1, `the place (${place.left}) is right of the day (${day.right})`);
  });

  await t.test('an incident page tells an unknown incident from a server it cannot reach', async () => {
    await page.goto(`${base}/incidents/V-999999`);
    assert.equal(await page.getByTestId('incident-error').innerText(), 'No such incident.');
    // The message is announced, and is the page's level-one heading.
    await page.addScriptTag({ path: AXE });
    const failing = await page.evaluate(async () => {
      type Axe = { run(o: unknown): Promise<{ violations: { id: string }[] }> };
      const axe = (window as unknown as { axe: Axe }).axe;
      const r = await axe.run({ runOnly: ['page-has-heading-one', 'aria-allowed-role'] });
      return r.violations.map((v) => v.id);
    });
    assert.deepEqual(failing, []);
    await page.route('**/api/incidents/**', (r) => r.abort());
    await page.goto(`${base}/incidents/UCDP-214797`);
    const said = await page.getByTestId('incident-error').innerText();
    assert.match(said, /^Something went wrong/);
    await page.unroute('**/api/incidents/**');
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByTestId('incident-page').waitFor();
  });

  await t.test(
    'with the incidents out of reach, the map and totals say so instead of loading for ever',
    async () => {
      await page.route('**/api/map/**', (r) => r.abort());
      try {
        await page.goto(`${base}/`);
        await page.getByTestId('totals-unavailable').waitFor();
        assert.equal(await page.getByTestId('map-status').innerText(), 'The incidents could not be loaded.');
      } finally {
        await page.unroute('**/api/map/**');
      }
      await page.goto(`${base}/`);
      await page.getByTestId('headline-range').waitFor();
      assert.equal(await page.getByTestId('totals-unavailable').count(), 0);
    },
  );

  await t.test('a page of the list that fails to load says so and keeps the rows shown', async () => {
    await page.goto(`${base}/`);
    const rows = page.locator('[data-testid=incident-table] tbody tr');
    await page.getByTestId('list-more').waitFor();
    const shown = await rows.count();
    await page.route('**/api/incidents?*cursor=*', (r) => r.abort());
    try {
      await page.getByTestId('list-more').click();
      await page.locator('.list-panel [role=alert]').waitFor();
      assert.match(await page.locator('.list-panel [role=alert]').innerText(), /^Something went wrong/);
      assert.equal(await rows.count(), shown, 'the rows already shown stay');
    } finally {
      await page.unroute('**/api/incidents?*cursor=*');
    }
    await page.getByTestId('list-more').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=incident-table] tbody tr').length > n,
      shown,
    );
    assert.equal(await page.locator('.list-panel [role=alert]').count(), 0, 'the message goes once it loads');
  });

  await t.test('a mistyped page address opens the app on its "not found" page', async () => {
    for (const [lang, said] of [
      ['en', 'No such page.'],
      ['ar', 'لا توجد صفحة كهذه.'],
    ]) {
      const res = await page.goto(`${base}/incident/V-000001${lang === 'ar' ? '?lang=ar' : ''}`);
      assert.equal(res?.status(), 404);
      assert.equal(await page.getByTestId('page-not-found').innerText(), said);
    }
    // The API keeps answering in JSON.
    const api = await page.goto(`${base}/api/nowhere`);
    assert.equal(api?.status(), 404);
    assert.match(String(api?.headers()['content-type']), /json/);
  });

  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
});
