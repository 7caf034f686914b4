import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureKind, GazetteerEntry } from './types.js';

/** The repository root, from src/gazetteer or dist/gazetteer alike. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_INDEX_DIR = join(REPO_ROOT, 'data', 'gazetteer');

/** Files of a built index; bump FORMAT_VERSION when their layout changes. */
export const FORMAT_VERSION = 1;
export const FILES = {
  meta: 'meta.json',
  entries: 'entries.tsv',
  names: 'names.tsv',
  loose: 'loose.tsv',
  demonyms: 'demonyms.tsv',
} as const;

const KINDS: readonly FeatureKind[] = ['country', 'admin1', 'admin2', 'populated', 'other'];

export function entryToLine(e: GazetteerEntry): string {
  return [
    e.id,
    e.name,
    e.lat.toFixed(5),
    e.lon.toFixed(5),
    KINDS.indexOf(e.kind),
    e.featureCode,
    e.country ?? '',
    e.admin1 ?? '',
    e.admin2 ?? '',
    e.population,
  ].join('\t');
}

export function lineToEntry(line: string): GazetteerEntry {
  const f = line.split('\t');
  return {
    id: f[0] ?? '',
    name: f[1] ?? '',
    lat: Number(f[2]),
    lon: Number(f[3]),
    kind: KINDS[Number(f[4])] ?? 'other',
    featureCode: f[5] ?? '',
    country: f[6] || null,
    admin1: f[7] || null,
    admin2: f[8] || null,
    population: Number(f[9]) || 0,
  };
}
