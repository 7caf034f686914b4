/**
 * One-off derivation of data/syria-localities.tsv from the UCDP GED Syria extract, so
 * that the build does not need ../shared. Run from the repo root:
 *   node --import tsx src/gazetteer/derive-syria-localities.ts [../shared/data/ucdp-ged-syria-2016-2019.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

const POPULATED = new Set(['town', 'village', 'city', 'suburb', 'camp', 'locality', 'neighbourhood']);
// Descriptions of segments, borders and whole admin areas are not localities.
const NOT_A_PLACE =
  /\b(between|road|highway|border|countryside|governorate|district|subdistrict|river|and|of|in|near|outskirts)\b|\/|\(|\d/i;

interface Acc {
  name: string;
  adm1: string;
  type: string;
  prec: number;
  lats: number[];
  lons: number[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function main(): void {
  const src = process.argv[2] ?? '../shared/data/ucdp-ged-syria-2016-2019.csv';
  const rows: Record<string, string>[] = parse(readFileSync(src), { columns: true });
  const acc = new Map<string, Acc>();
  for (const row of rows) {
    const where = (row.where_coordinates ?? '').trim();
    const prec = Number(row.where_prec);
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (!where || !Number.isFinite(lat) || !Number.isFinite(lon) || !(prec <= 4)) continue;
    const words = where.split(/\s+/);
    const last = (words.at(-1) ?? '').toLowerCase();
    const populated = POPULATED.has(last);
    const name = populated ? words.slice(0, -1).join(' ') : where;
    // Unsuffixed names are areas (Eastern Ghouta, Qalamoun) and only kept when UCDP places them.
    if (!name || NOT_A_PLACE.test(name) || (!populated && (words.length > 3 || prec > 4))) continue;
    if (/^(syria|[a-z])/.test(name)) continue;
    const adm1 = (row.adm_1 ?? '').replace(/\s+Governorate$/, '');
    const key = `${name}\t${adm1}`;
    let a = acc.get(key);
    if (!a) {
      a = { name, adm1, type: populated ? last : 'area', prec, lats: [], lons: [] };
      acc.set(key, a);
    }
    // Keep only the most precise geocodes of a place: coarser ones are admin centroids.
    if (prec < a.prec) {
      a.prec = prec;
      a.lats = [];
      a.lons = [];
    }
    if (prec === a.prec) {
      a.lats.push(lat);
      a.lons.push(lon);
    }
  }
  const lines = [
    '# Syrian localities derived from the UCDP Georeferenced Event Dataset (GED), Syria 2016-2019.',
    '# Uppsala Conflict Data Program (UCDP); Sundberg, Ralph and Erik Melander (2013) "Introducing the UCDP',
    '# Georeferenced Event Dataset", Journal of Peace Research 50(4). CC BY 4.0.',
    '# Columns: name, governorate (adm_1), type, best where_prec, events, latitude, longitude (median).',
  ];
  const out = [...acc.values()].sort((x, y) => x.name.localeCompare(y.name) || x.adm1.localeCompare(y.adm1));
  for (const a of out) {
    lines.push(
      [
        a.name,
        a.adm1,
        a.type,
        a.prec,
        a.lats.length,
        median(a.lats).toFixed(5),
        median(a.lons).toFixed(5),
      ].join('\t'),
    );
  }
  writeFileSync('data/syria-localities.tsv', `${lines.join('\n')}\n`);
  process.stdout.write(`wrote ${out.length} localities to data/syria-localities.tsv\n`);
}

main();
