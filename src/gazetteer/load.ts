import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INDEX_DIR, FILES, FORMAT_VERSION, lineToEntry } from './index-format.js';
import { arabicSkeleton, latinSkeleton, looseKey, nameKey, SKELETON_PREFIX } from './normalize.js';
import type { Gazetteer, GazetteerEntry } from './types.js';

/** Start offsets of every line of a text, and its end as a sentinel. */
function lineStarts(text: string): Int32Array {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n + 1);
  let k = 0;
  let pos = 0;
  while (k < n) {
    starts[k++] = pos;
    pos = text.indexOf('\n', pos) + 1;
  }
  starts[n] = text.length;
  return starts;
}

/**
 * "key\tidx,idx" lines sorted by key, searched in place: building a Map of half a
 * million names would cost most of the load time, while a document needs only a
 * few thousand lookups.
 */
class SortedPostings {
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(file: string) {
    this.text = readFileSync(file, 'utf8');
    this.starts = lineStarts(this.text);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(key: string): string | undefined {
    const i = this.lowerBound(key);
    return i < this.size && this.keyAt(i) === key ? this.postingsAt(i) : undefined;
  }

  /** Keys starting with `prefix` and their postings, in key order, at most `limit` of them. */
  withPrefix(prefix: string, limit: number): [string, string][] {
    const out: [string, string][] = [];
    for (let i = this.lowerBound(prefix); i < this.size && out.length < limit; i++) {
      const k = this.keyAt(i);
      if (!k.startsWith(prefix)) break;
      out.push([k, this.postingsAt(i)]);
    }
    return out;
  }

  /** The first line whose key is not below `key` (`size` when every key is). */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keyAt(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private keyAt(i: number): string {
    const s = this.starts[i] ?? 0;
    return this.text.slice(s, this.text.indexOf('\t', s));
  }

  private postingsAt(i: number): string {
    const s = this.starts[i] ?? 0;
    return this.text.slice(this.text.indexOf('\t', s) + 1, (this.starts[i + 1] ?? 0) - 1);
  }
}

interface Meta {
  version?: number;
  ranges?: Record<string, [number, number]>;
}

class IndexedGazetteer implements Gazetteer {
  private readonly entriesText: string;
  private readonly entryStarts: Int32Array;
  private readonly entries: (GazetteerEntry | undefined)[];
  private readonly names: SortedPostings;
  private readonly loose: SortedPostings;
  private readonly demonyms: SortedPostings;
  private readonly countries = new Map<string, GazetteerEntry>();
  private readonly admins = new Map<string, GazetteerEntry>();
  private readonly parsed = new Map<string, GazetteerEntry[]>();

  constructor(dir: string) {
    const metaFile = join(dir, FILES.meta);
    if (!existsSync(metaFile)) {
      throw new Error(
        `gazetteer index not found in ${dir}: run \`npm run build\` (node dist/gazetteer/build-index.js)`,
      );
    }
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    if (meta.version !== FORMAT_VERSION) {
      throw new Error(
        `gazetteer index in ${dir} has format ${meta.version}, expected ${FORMAT_VERSION}: rebuild it`,
      );
    }
    this.entriesText = readFileSync(join(dir, FILES.entries), 'utf8');
    this.entryStarts = lineStarts(this.entriesText);
    this.entries = new Array(this.entryStarts.length - 1);
    for (const range of [meta.ranges?.countries, meta.ranges?.admins]) {
      if (!range) continue;
      for (let i = range[0]; i < range[1]; i++) {
        const e = this.entry(i);
        if (!e) continue;
        if (e.kind === 'country' && e.country) this.countries.set(e.country, e);
        else if (e.kind === 'admin1') this.admins.set(`${e.country}.${e.admin1}`, e);
        else if (e.kind === 'admin2') this.admins.set(`${e.country}.${e.admin1}.${e.admin2}`, e);
      }
    }
    this.names = new SortedPostings(join(dir, FILES.names));
    this.loose = new SortedPostings(join(dir, FILES.loose));
    this.demonyms = new SortedPostings(join(dir, FILES.demonyms));
  }

  get size(): number {
    return this.names.size;
  }

  private entry(i: number): GazetteerEntry | undefined {
    let e = this.entries[i];
    if (e) return e;
    const s = this.entryStarts[i];
    const next = this.entryStarts[i + 1];
    if (s === undefined || next === undefined) return undefined;
    e = lineToEntry(this.entriesText.slice(s, next - 1));
    this.entries[i] = e;
    return e;
  }

  private resolvePostings(postings: SortedPostings, key: string, tag: string): GazetteerEntry[] {
    const cacheKey = `${tag}${key}`;
    const hit = this.parsed.get(cacheKey);
    if (hit) return hit;
    const raw = postings.get(key);
    const out: GazetteerEntry[] = [];
    if (raw) {
      for (const i of raw.split(',')) {
        const e = this.entry(Number(i));
        if (e) out.push(e);
      }
    }
    // Bounded: a long-running worker must not grow without limit.
    if (this.parsed.size > 100_000) this.parsed.clear();
    this.parsed.set(cacheKey, out);
    return out;
  }

  lookup(name: string): GazetteerEntry[] {
    return this.lookupKey(nameKey(name));
  }

  lookupKey(key: string): GazetteerEntry[] {
    return this.resolvePostings(this.names, key, 'n:');
  }

  lookupPrefix(prefix: string, limit: number): { key: string; entries: GazetteerEntry[] }[] {
    return this.names.withPrefix(prefix, limit).map(([key]) => ({ key, entries: this.lookupKey(key) }));
  }

  lookupLoose(name: string): GazetteerEntry[] {
    return this.resolvePostings(this.loose, looseKey(nameKey(name)), 'l:');
  }

  lookupSkeleton(arabicName: string): GazetteerEntry[] {
    return this.bySkeleton(arabicSkeleton(arabicName));
  }

  lookupLatinSkeleton(latinName: string): GazetteerEntry[] {
    return this.bySkeleton(latinSkeleton(latinName));
  }

  private bySkeleton(sk: string): GazetteerEntry[] {
    return sk.length < 2 ? [] : this.resolvePostings(this.loose, `${SKELETON_PREFIX}${sk}`, 'l:');
  }

  demonym(name: string): GazetteerEntry[] {
    return this.resolvePostings(this.demonyms, nameKey(name), 'd:');
  }

  country(iso2: string): GazetteerEntry | null {
    return this.countries.get(iso2.toUpperCase()) ?? null;
  }

  admin(country: string, admin1: string, admin2?: string | null): GazetteerEntry | null {
    const code = admin2 ? `${country}.${admin1}.${admin2}` : `${country}.${admin1}`;
    return this.admins.get(code) ?? null;
  }
}

const cache = new Map<string, Gazetteer>();

/** Loads the built index (data/gazetteer/ by default); one instance per directory. */
export function loadGazetteer(dir: string = DEFAULT_INDEX_DIR): Gazetteer {
  let g = cache.get(dir);
  if (!g) {
    g = new IndexedGazetteer(dir);
    cache.set(dir, g);
  }
  return g;
}
