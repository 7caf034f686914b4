/**
 * The web app in Debian's chromium against a real `vigil serve` on loopback: log in, filter,
 * open an incident, review and publish it, switch to Arabic; axe-core finds no serious or
 * critical violation; every screenshot is checked not to be blank.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { ANALYST, buildFixtureDb } from './fixture.js';
import { browserSkipReason, ROOT, servedPage, waitForMapDrawn } from './harness.js';

const SHOTS = join(ROOT, 'test-output', 'web');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const skip = browserSkipReason();
if (skip) console.log(`# ${skip}`);

/** Standard deviation of the screenshot's pixel values, computed by the browser's own PNG decoder. */
async function screenshotSpread(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const img = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let sum = 0;
    let sq = 0;
    let n = 0;
    for (let i = 0; i < data.length; i += 16) {
      const v = ((data[i] as number) + (data[i + 1] as number) + (data[i + 2] as number)) / 3;
      sum += v;
      sq += v * v;
      n++;
    }
    const mean = sum / n;
    return Math.sqrt(sq / n - mean * mean);
  }, png.toString('base64'));
}

async function shot(page: Page, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  writeFileSync(join(SHOTS, `${name}.png`), png);
  const spread = await screenshotSpread(page, png);
  assert.ok(spread > 8, `${name}.png looks blank (pixel spread ${spread.toFixed(1)})`);
}

/** History entries shown as their raw audit action code: each should have a label in words. */
function unlabelledHistory(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=history] [data-action]')
    .evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-action') ?? '').filter((a, i) => els[i]?.textContent === a),
    );
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 3),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join('; ')})`);
}

test('web app end to end in chromium', { skip: skip ?? false, timeout: 180_000 }, async (t) => {
  mkdirSync(SHOTS, { recursive: true });
  const { server, page, errors } = await servedPage(t, 'vigil-web-', buildFixtureDb);
  const base = server.url;

  await t.test('anonymous readers see the map, with published incidents only', async () => {
    await page.goto(`${base}/`);
    await waitForMapDrawn(page);
    // Nothing is published yet: an anonymous reader is told why the list is empty.
    await page.getByText('No published incident matches these filters.', { exact: false }).waitFor();
    assert.equal(
      await page.getByTestId('timeline-empty').innerText(),
      'No dated incident to chart for these filters.',
    );
    assert.equal(await page.getByTestId('timeline').isVisible(), false);
    const attribution = await page.locator('.maplibregl-ctrl-attrib').innerText();
    assert.match(attribution, /Natural Earth/);
  });

  await t.test('log in', async () => {
    await page.getByTestId('nav-login').click();
    await page.getByLabel('User name').fill(ANALYST.name);
    await page.getByLabel('Password').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/review`);
    await page.getByTestId('queue-new').getByText('V-000001').waitFor();
    await shot(page, 'review-queue');
  });

  await t.test('filter: the URL carries the view and the list follows', async () => {
    await page.goto(`${base}/`);
    await waitForMapDrawn(page);
    await page.getByTestId('incident-table').getByText('V-000003').waitFor();
    await page.getByTestId('filter-q').fill('Raqqa');
    await page.waitForURL(/q=Raqqa/);
    await page.getByTestId('incident-table').getByText('V-000001').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=incident-table] tbody tr').length === 1,
    );
    await page.getByTestId('filter-belligerent').selectOption('us-led-coalition');
    await page.waitForURL(/belligerent=us-led-coalition/);
    // The shared URL opens the same view.
    await page.goto(page.url());
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=incident-table] tbody tr').length === 1,
    );
    assert.equal(await page.getByTestId('filter-q').inputValue(), 'Raqqa');
    assert.equal(await page.getByTestId('filter-belligerent').inputValue(), 'us-led-coalition');
    assert.match(await page.getByTestId('counting-rule').innerText(), /lowest credible minimum/);
    await shot(page, 'explore-filtered');
    const serious = await axeSerious(page);
    assert.deepEqual(serious, [], serious.join('\n'));
  });

  await t.test('open an incident: claims, evidence in the report text, grading', async () => {
    await page.getByTestId('incident-table').getByRole('link', { name: 'V-000001' }).click();
    await page.getByTestId('incident-page').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=claim]').length === 2);
    await page.locator('[data-testid=report-text] mark').first().waitFor();
    const marks = await page.locator('[data-testid=report-text] mark').allInnerTexts();
    assert.ok(
      marks.some((m) => m.includes('between 20 and 33 civilians')),
      marks.join(' | '),
    );
    assert.ok(
      marks.some((m) => m.includes('30 مدنيًا على الأقل')),
      marks.join(' | '),
    );
    assert.equal(await page.locator('[data-testid=report-text]').first().getAttribute('dir'), 'auto');
    await page.getByTestId('history').waitFor();
    await shot(page, 'incident');
  });

  await t.test('review and publish', async () => {
    const status = page.getByTestId('incident-status');
    // The page reloads the incident after each action. With that reload slowed, an action taken as
    // soon as the one before is done must still be accepted: it once sent the version the first
    // action had replaced, and was refused as a conflict.
    const detail = /\/api\/incidents\/[^/?]+$/;
    await page.route(detail, async (route) => {
      if (route.request().method() === 'GET') await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.getByTestId('action-accept').first().click();
    await page.getByTestId('review-status').getByText('Done').waitFor();
    await page.getByTestId('action-assign').click();
    await status.getByText('In review').waitFor();
    await page.unroute(detail);
    await page.getByTestId('grade-select').selectOption('fair');
    await page.getByTestId('action-grade').click();
    await page.getByTestId('incident-grading').getByText('Fair').waitFor();
    await page.getByTestId('action-submit').click();
    await status.getByText('Ready for review').waitFor();
    await page.getByTestId('action-publish').click();
    await status.getByText('Published').waitFor();
    // The history names each step in words, with who did it and when.
    const history = page.getByTestId('history');
    await history.getByText('Published').waitFor();
    assert.match(await history.innerText(), new RegExp(`Published, by ${ANALYST.name}`));
    assert.deepEqual(await unlabelledHistory(page), []);
    await shot(page, 'incident-published');
  });

  await t.test('edit: the date, the event and the civilian range in one save', async () => {
    const panel = page.getByTestId('review-panel');
    await panel.getByLabel('Reason').fill('checked against the civil defence report');
    // Saved unchanged, nothing is sent: the range is not set by hand unasked.
    await page.getByTestId('edit-save').click();
    await page.getByTestId('review-status').getByText('Nothing to save').waitFor();
    await page.getByTestId('edit-from').fill('2016-05-02');
    await page.getByTestId('edit-to').fill('2016-05-03');
    await page.getByTestId('edit-event').selectOption('shelling_artillery_missile');
    await page.getByTestId('edit-min').fill('21');
    await page.getByTestId('edit-max').fill('30');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('review-status').getByText('Done: edit, set-range').waitFor();
    await page
      .getByTestId('incident-range')
      .getByText(/^21\D+30$/)
      .waitFor();
    const facts = await page.locator('.facts').innerText();
    assert.match(facts, /Shelling, artillery or missile/);
    assert.match(facts, /2 May 2016 – 3 May 2016/);
    // The history loads apart from the incident: wait for its last entry.
    await page.getByTestId('history').getByText('Civilian range set by an analyst').waitFor();
    const history = await page.getByTestId('history').innerText();
    assert.match(history, /Details edited, by /);
    assert.match(history, /Civilian range set by an analyst, by /);
  });

  await t.test("decide: strike status, a belligerent's part and assessment, discounting", async () => {
    const status = page.getByTestId('incident-status');
    await page.getByTestId('strike-select').selectOption('likely');
    await page.getByTestId('action-strike').click();
    // Exactly: the grading's definition below may say "likely" too.
    await page.locator('.facts dd').getByText('Likely', { exact: true }).waitFor();
    await page.getByTestId('belligerent-select').selectOption('russia');
    await page.getByTestId('belligerent-role').selectOption('suspected');
    await page.getByTestId('belligerent-assessment').selectOption('non_credible');
    await page.getByTestId('action-belligerent').click();
    const row = page.locator('table.belligerents tr', { hasText: 'Russia' });
    await row.getByText('Non-credible').waitFor();
    assert.match(await row.innerText(), /Russia\s+Suspected\s+Non-credible/);
    // Published → back in review → ready → discounted, each step from the panel.
    await page.getByRole('button', { name: 'Reopen for review' }).click();
    await status.getByText('In review').waitFor();
    await page.getByTestId('action-submit').click();
    await status.getByText('Ready for review').waitFor();
    await page.getByTestId('action-discount').click();
    await status.getByText('Discounted').waitFor();
    await page.getByTestId('history').getByText('Discounted').waitFor();
    const history = await page.getByTestId('history').innerText();
    assert.match(history, /Discounted, by /);
    assert.deepEqual(await unlabelledHistory(page), []);
  });

  await t.test('switch to Arabic: the layout flips', async () => {
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    await page.getByText('الوقائع الأساسية').waitFor();
    // The first column of the facts now sits on the right-hand side.
    const box = await page.locator('.facts').boundingBox();
    const inset = await page.locator('.inset').boundingBox();
    assert.ok(box && inset && box.x > inset.x, 'in Arabic the facts column is right of the map inset');
    await page.getByTestId('history').getByText('نُشرت').waitFor();
    assert.deepEqual(await unlabelledHistory(page), []);
    await shot(page, 'incident-ar');
    const serious = await axeSerious(page);
    assert.deepEqual(serious, [], serious.join('\n'));
    await page.goto(`${base}/?lang=ar`);
    await page.getByRole('heading', { name: 'المجاميع' }).waitFor();
    // The map's legend speaks the reader's language too.
    assert.match(await page.getByTestId('map-legend').innerText(), /حادثة واحدة[\s\S]*عدة حوادث/);
    await shot(page, 'explore-ar');
  });

  await t.test('log out', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('nav-login').waitFor();
  });

  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
});
