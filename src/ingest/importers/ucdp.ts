import type { DatePrecision, GeoPrecision } from '../../domain/codes.js';
import { mapActors } from './actors.js';
import { countryCode } from './countries.js';
import {
  cellError,
  coordinate,
  keepValues,
  requiredCount,
  requiredDay,
  requiredText,
  text,
} from './fields.js';
import {
  type CitedSource,
  type CsvRecord,
  type Importer,
  type MappedRow,
  type RowContext,
  type RowWarning,
  UCDP_ATTRIBUTION,
} from './types.js';

/**
 * UCDP Georeferenced Event Dataset (GED) CSV → incidents. Columns are found by name, so the full
 * 49-column download and its subsets (the 41 columns in ../shared/data) both import.
 *
 * Counts. UCDP gives three estimates of all deaths: low ≤ best ≤ high (in principle).
 *  - killed = low..high, as coded. Totals are therefore the plain sums of UCDP's low and high
 *    columns, exactly; where UCDP coded low above high (a few dozen events) the row is kept as
 *    coded and the import reports a warning, rather than silently changing UCDP's figures.
 *  - best is kept in incident_imports.killed_best (and in UCDP exports), not in the range.
 *  - civilians killed = deaths_civilians..deaths_civilians: UCDP's civilian share of best, a
 *    point figure; UCDP gives no civilian low/high.
 *  - injuries: UCDP does not code them (null).
 * Grading: none. UCDP codes events by its own rules; Airwars' grading (confirmed…discounted) is
 * an analyst's judgement that UCDP rows have not had, so they import ungraded, with status
 * `published` (UCDP has published them); use `--grading all` (or `ungraded`) to count them.
 */
export const UCDP_REQUIRED = [
  'id',
  'side_a',
  'side_b',
  'where_prec',
  'latitude',
  'longitude',
  'country',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_civilians',
  'low',
  'best',
  'high',
] as const;

/** Columns with no incident field, kept verbatim for UCDP-format exports. */
export const UCDP_KEPT = [
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'gwnoa',
  'gwnob',
  'number_of_sources',
  'source_original',
  'where_prec',
  'where_description',
  'adm_2',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'deaths_a',
  'deaths_b',
  'deaths_unknown',
  // Kept last (records are positional): the incident holds the division's code, exports its name.
  'adm_1',
] as const;

/**
 * where_prec: 1 exact place; 2 within ~25 km of a known place; 3 second-order division (district)
 * known; 4 first-order division (province) known; 5 a linear feature or parts of several
 * provinces; 6 only the country; 7 international waters or airspace.
 */
export const UCDP_WHERE_PREC: Record<string, GeoPrecision> = {
  '1': 'point',
  '2': 'town',
  '3': 'district',
  '4': 'province',
  '5': 'province',
  '6': 'country',
  '7': 'country',
};

/**
 * date_prec: 1 exact day; 2 a 2–6 day range; 3 only the week; 4 8–30 days or only the month;
 * 5 over a month, under a year. date_start..date_end is always kept as the interval.
 */
export const UCDP_DATE_PREC: Record<string, DatePrecision> = {
  '1': 'day',
  '2': 'week',
  '3': 'week',
  '4': 'month',
  '5': 'interval',
};

export function mapUcdpRow(row: CsvRecord, ctx: RowContext): MappedRow {
  const id = requiredText(row, 'id', ctx);
  if (!/^\d+$/.test(id)) throw cellError(ctx, 'id', `expected UCDP's numeric event id, got "${id}"`);
  const low = requiredCount(row, 'low', ctx);
  const best = requiredCount(row, 'best', ctx);
  const high = requiredCount(row, 'high', ctx);
  const civilians = requiredCount(row, 'deaths_civilians', ctx);
  const from = requiredDay(row, 'date_start', ctx);
  const to = requiredDay(row, 'date_end', ctx);
  if (to < from) throw cellError(ctx, 'date_end', `date_end ${to} is before date_start ${from}`);
  const datePrec = requiredText(row, 'date_prec', ctx);
  const precision = UCDP_DATE_PREC[datePrec];
  if (!precision) throw cellError(ctx, 'date_prec', `expected UCDP date_prec 1–5, got "${datePrec}"`);
  const wherePrec = requiredText(row, 'where_prec', ctx);
  const geoPrecision = UCDP_WHERE_PREC[wherePrec];
  if (!geoPrecision) throw cellError(ctx, 'where_prec', `expected UCDP where_prec 1–7, got "${wherePrec}"`);
  const lat = coordinate(row, 'latitude', ctx, 90);
  const lon = coordinate(row, 'longitude', ctx, 180);
  if ((lat === null) !== (lon === null))
    throw cellError(ctx, lat === null ? 'latitude' : 'longitude', 'latitude and longitude come together');
  const countryName = requiredText(row, 'country', ctx);

  const warnings: RowWarning[] = [];
  const warn = (field: string, message: string) => warnings.push({ line: ctx.line, field, message });
  if (low > high) warn('low', `low ${low} is above high ${high}; kept as UCDP coded`);
  if (best < low || best > high) warn('best', `best ${best} is outside low..high ${low}..${high}`);
  if (civilians > best) warn('deaths_civilians', `deaths_civilians ${civilians} is above best ${best}`);
  const country = countryCode(countryName);
  if (!country) warn('country', `no ISO code known for "${countryName}"; country left empty`);

  // UCDP lists a side's several actors comma-separated ("Ahrar al-Sham, HTS, Southern Front").
  const actors = [row.side_a ?? '', row.side_b ?? ''].flatMap((s) => s.split(','));
  const { codes, unmapped } = mapActors(actors);

  return {
    incident: {
      dataset: 'ucdp',
      datasetId: id,
      externalId: `ucdp:${id}`,
      code: `UCDP-${id}`,
      status: 'published',
      grading: null,
      date: { from, to, precision },
      placeName: text(row, 'where_coordinates'),
      lat,
      lon,
      admin1: ctx.admin1Code?.(country, text(row, 'adm_1')) ?? null,
      country,
      geoPrecision,
      event: null,
      target: null,
      belligerents: codes,
      civiliansKilled: { min: civilians, max: civilians },
      killed: { min: low, max: high },
      injured: null,
      killedBest: best,
      sources: ucdpSources(row),
      attribution: UCDP_ATTRIBUTION,
      record: keepValues(row, UCDP_KEPT),
    },
    warnings,
    unmappedActors: unmapped,
  };
}

/**
 * source_article holds one quoted "office,date,headline" per source, `;`-separated; the office
 * may itself contain commas, so the ISO date is the anchor. Falls back to the parallel
 * source_office / source_date / source_headline columns when source_article is absent.
 */
export function ucdpSources(row: CsvRecord): CitedSource[] {
  const article = row.source_article?.trim();
  if (article) {
    const entries = [...article.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => (m[1] ?? '').replaceAll('""', '"'));
    const list = entries.length > 0 ? entries : article.split(';');
    return list.map(parseArticle).filter((s) => s.name !== null || s.title !== null);
  }
  const offices = (row.source_office ?? '').split(';');
  const dates = (row.source_date ?? '').split(';');
  const heads = (row.source_headline ?? '').split(';');
  const n = Math.max(offices.length, heads.length);
  const out: CitedSource[] = [];
  for (let i = 0; i < n; i++) {
    const name = offices[i]?.trim() || null;
    const title = heads[i]?.trim() || null;
    if (name === null && title === null) continue;
    const date = dates[i]?.trim() ?? '';
    out.push({ name, published: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null, title, url: null });
  }
  return out;
}

function parseArticle(entry: string): CitedSource {
  // Headlines are kept byte for byte (trailing spaces included), so an export gives back UCDP's text.
  const m = /^\s*(.*?),(\d{4}-\d{2}-\d{2}),(.*)$/s.exec(entry);
  if (m) return { name: m[1]?.trim() || null, published: m[2] ?? null, title: m[3] || null, url: null };
  const comma = entry.indexOf(',');
  const name = (comma < 0 ? entry : entry.slice(0, comma)).trim() || null;
  const title = comma < 0 ? null : entry.slice(comma + 1) || null;
  return { name, published: null, title, url: null };
}

export const ucdpImporter: Importer = {
  format: 'ucdp',
  title: 'UCDP GED',
  requiredColumns: UCDP_REQUIRED,
  recordColumns: UCDP_KEPT,
  mapRow: mapUcdpRow,
};
