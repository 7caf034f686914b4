/**
 * Readers for the geoparsing benchmark corpora (LGL, TR-News, GeoVirus, GeoWebNews),
 * whose XML layouts differ, into one shape. Pure: takes the XML text.
 */
import { XMLParser } from 'fast-xml-parser';

export interface GoldToponym {
  start: number;
  end: number;
  name: string;
  /** Null where the corpus marks a toponym but gives no coordinates. */
  lat: number | null;
  lon: number | null;
}

export interface GeoDocument {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

export type CorpusFormat = 'lgl' | 'geovirus' | 'gwn';

export interface GeoCorpus {
  format: CorpusFormat;
  documents: GeoDocument[];
  /** Gold toponyms whose offsets did not match their name in the text (skipped, counted for the report). */
  misaligned: number;
}

// Loosely typed on purpose: the parser returns whatever each corpus's layout holds.
type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['article', 'toponym', 'location'].includes(name),
});

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return str((v as Node)['#text']);
  return String(v);
}

function num(v: unknown): number | null {
  const s = str(v).trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? (v as Node[]) : [];
}

/**
 * Offsets in the corpora count code points (they were made in Python); JavaScript
 * strings count UTF-16 units. Maps one to the other where the text has astral characters.
 */
function codePointToUnit(text: string): (cp: number) => number {
  if (!/[\ud800-\udfff]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (cp) => map[cp] ?? unit;
}

function align(text: string, t: GoldToponym, toUnit: (cp: number) => number): GoldToponym | null {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  if (norm(text.slice(t.start, t.end)) === norm(t.name)) return t;
  const start = toUnit(t.start);
  const end = toUnit(t.end);
  if (norm(text.slice(start, end)) === norm(t.name)) return { ...t, start, end };
  // GeoVirus and some TR-News articles count from one character before the text: the nearest shift that fits.
  for (const d of [1, -1, 2, -2, 3, -3]) {
    if (norm(text.slice(start + d, end + d)) === norm(t.name))
      return { ...t, start: start + d, end: end + d };
  }
  return null;
}

export function detectFormat(xml: string): CorpusFormat {
  if (/<gaztag\b/.test(xml)) return 'lgl';
  if (/<locations>/.test(xml)) return 'geovirus';
  if (/<extractedName>/.test(xml)) return 'gwn';
  throw new Error(
    'unrecognised geoparsing corpus: expected LGL/TR-News (<gaztag>), GeoVirus (<locations>) or GWN (<extractedName>)',
  );
}

function readArticle(format: CorpusFormat, a: Node, index: number): { doc: GeoDocument; misaligned: number } {
  const text = str(a.text);
  const toUnit = codePointToUnit(text);
  const raw: GoldToponym[] = [];
  if (format === 'lgl') {
    for (const t of list((a.toponyms as Node | undefined)?.toponym)) {
      const gaz = t.gaztag as Node | undefined;
      raw.push({
        start: num(t.start) ?? 0,
        end: num(t.end) ?? 0,
        name: str(t.phrase),
        lat: gaz ? num(gaz.lat) : null,
        lon: gaz ? num(gaz.lon) : null,
      });
    }
  } else if (format === 'geovirus') {
    for (const t of list((a.locations as Node | undefined)?.location)) {
      raw.push({
        start: num(t.start) ?? 0,
        end: num(t.end) ?? 0,
        name: str(t.name),
        lat: num(t.lat),
        lon: num(t.lon),
      });
    }
  } else {
    for (const t of list((a.toponyms as Node | undefined)?.toponym)) {
      raw.push({
        start: num(t.start) ?? 0,
        end: num(t.end) ?? 0,
        name: str(t.extractedName),
        lat: num(t.latitude),
        lon: num(t.longitude),
      });
    }
  }
  let misaligned = 0;
  const toponyms: GoldToponym[] = [];
  for (const t of raw) {
    const ok = align(text, t, toUnit);
    if (ok) toponyms.push(ok);
    else misaligned++;
  }
  toponyms.sort((x, y) => x.start - y.start);
  const id = str(a['@docid']) || str(a['@file']) || String(index);
  return { doc: { id, text, toponyms }, misaligned };
}

export function parseGeoCorpus(xml: string): GeoCorpus {
  const format = detectFormat(xml);
  const root = parser.parse(xml) as Node;
  const articles = list((root.articles as Node | undefined)?.article);
  let misaligned = 0;
  const documents = articles.map((a, i) => {
    const r = readArticle(format, a, i);
    misaligned += r.misaligned;
    return r.doc;
  });
  return { format, documents, misaligned };
}
