/**
 * Extraction throughput on one core: 10,000 generated multilingual reports through
 * extractClaims (with the real geoparser when the gazetteer index is built, else a
 * small fake), and the same corpus through compromise's place tagger for scale.
 * Prints figures only; never fails a build.
 */
import nlp from 'compromise';
import { fakeGeoparser } from '../../src/extract/fake-geoparser.js';
import { extractClaims } from '../../src/extract/index.js';
import type { ExtractionContext } from '../../src/extract/types.js';

const N = 10_000;
const PLACES = ['Aleppo', 'Idlib', 'Raqqa', 'Mosul', 'Douma', 'Manbij', 'Sanaa', 'Taiz'];
const AR_PLACES = ['حلب', 'إدلب', 'الرقة', 'الموصل', 'دوما', 'منبج', 'صنعاء', 'تعز'];
const TEMPLATES: Array<(p: string, n: number, m: number) => { text: string; language: string }> = [
  (p, n, m) => ({
    language: 'en',
    text: `BEIRUT — Air strikes on a market in ${p} on Tuesday killed at least ${n} civilians, including ${m} children, and wounded dozens, the Syrian Observatory for Human Rights said. Activists blamed Russian warplanes. Over the past three years, 2,590 civilians have died in the province.`,
  }),
  (p, n, m) => ({
    language: 'ar',
    text: `${p} - قُتل ${n} مدنياً بينهم ${m} أطفال وأصيب العشرات في غارات للطيران الروسي على سوق المدينة أمس الثلاثاء، بحسب ناشطين.`,
  }),
  (p, n) => ({
    language: 'fr',
    text: `Le bilan du raid aérien qui a frappé jeudi soir un marché de ${p} s'est alourdi à ${n} morts, a annoncé l'OSDH.`,
  }),
  (p, n) => ({
    language: 'de',
    text: `Bei Luftangriffen auf ${p} kamen in der Nacht zum Donnerstag mindestens ${n} Menschen ums Leben, darunter drei Kinder.`,
  }),
  (p, n) => ({
    language: 'es',
    text: `Las autoridades elevaron ayer a ${n} el número de víctimas mortales del coche bomba en ${p}.`,
  }),
  (p, n) => ({
    language: 'pt',
    text: `Subiu para ${n} o número de mortos no suposto bombardeio aéreo que atingiu ${p} na segunda-feira.`,
  }),
];

function corpus(): Array<{ text: string; language: string }> {
  const out = [];
  for (let i = 0; i < N; i++) {
    const t = TEMPLATES[i % TEMPLATES.length] as (typeof TEMPLATES)[number];
    const k = i % PLACES.length;
    const place = (t === TEMPLATES[1] ? AR_PLACES[k] : PLACES[k]) as string;
    out.push(t(place, 5 + (i % 90), 1 + (i % 7)));
  }
  return out;
}

async function context(): Promise<{ ctx: ExtractionContext; kind: string }> {
  try {
    const { loadGazetteer } = await import('../../src/gazetteer/load.js');
    const { createGeoparser } = await import('../../src/gazetteer/geoparser.js');
    return { ctx: { geoparser: createGeoparser(loadGazetteer()) }, kind: 'real gazetteer' };
  } catch {
    const fake: Record<string, { lat: number; lon: number; country: string }> = {};
    [...PLACES, ...AR_PLACES].forEach((p, i) => {
      fake[p] = { lat: 33 + (i % 8) * 0.3, lon: 36 + (i % 8) * 0.4, country: 'SY' };
    });
    return { ctx: { geoparser: fakeGeoparser(fake) }, kind: 'fake geoparser (gazetteer index not built)' };
  }
}

const docs = corpus();
const { ctx, kind } = await context();
// Warm up: regex compilation and the JIT are not throughput.
for (const d of docs.slice(0, 200)) extractClaims({ ...d, published: '2017-03-22' }, ctx);

let claims = 0;
let t0 = performance.now();
for (const d of docs) claims += extractClaims({ ...d, published: '2017-03-22' }, ctx).length;
const ours = (performance.now() - t0) / 1000;

t0 = performance.now();
let tagged = 0;
for (const d of docs) tagged += nlp(d.text).places().length;
const theirs = (performance.now() - t0) / 1000;

const rate = (s: number): string => (N / s).toFixed(0);
console.log(`extract: ${N} reports (6 languages), ${kind}`);
console.log(`  vigil extractClaims   ${rate(ours)} reports/s  (${ours.toFixed(2)} s, ${claims} claims)`);
console.log(
  `  compromise .places()  ${rate(theirs)} reports/s  (${theirs.toFixed(2)} s, ${tagged} places; tagging only)`,
);
console.log(`  ratio vigil/compromise ${(theirs / ours).toFixed(2)}x`);
