/**
 * The binary body of GET /api/map/points: what the web map, timeline and totals need for 10⁵
 * incidents in a few megabytes, read by web/src/data/points-bin.ts.
 */
import { GRADINGS } from '../domain/codes.js';
import { roundCoord } from '../policies/visibility.js';

/** Grading → byte in the binary payload: its index in GRADE_NAMES, the last being "ungraded" (no grading). */
const GRADE_CODES: Record<string, number> = Object.fromEntries(GRADINGS.map((g, i) => [g, i]));
const UNGRADED = GRADINGS.length;
/** Undated incidents: Int32 day numbers reserve their minimum. */
const NO_DAY = -0x80000000;
const DAY_MS = 86_400_000;
/** "VGP1" read as a little-endian uint32: the decoder refuses anything else. */
const MAGIC = 0x31504756;

function dayOf(iso: string | null): number {
  if (!iso) return NO_DAY;
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? NO_DAY : Math.floor(ms / DAY_MS);
}

export type PointRow = [
  code: string,
  lon: number | null,
  lat: number | null,
  sensitive: number | null,
  from: string | null,
  to: string | null,
  civMin: number | null,
  civMax: number | null,
  grading: string | null,
];

/**
 * Layout (little-endian, every column 4-byte aligned so the browser takes typed-array views of
 * the buffer without copying): magic u32, n u32, lon f32[n], lat f32[n], from i32[n], to i32[n],
 * civMin i32[n] (-1: no figure), civMax i32[n] (-1: open), grade u8[n], padding, codes as UTF-8
 * joined by "\n". Float32 keeps coordinates to under a metre; day numbers replace date strings.
 */
export function encodePoints(rows: PointRow[], exact: boolean): Buffer {
  const n = rows.length;
  const codes = Buffer.from(rows.map((r) => r[0]).join('\n'), 'utf8');
  const fixed = 8 + 24 * n;
  const gradeEnd = fixed + n;
  const codesAt = (gradeEnd + 3) & ~3;
  const buf = Buffer.alloc(codesAt + codes.length);
  const ab = buf.buffer;
  const base = buf.byteOffset;
  const head = new Uint32Array(ab, base, 2);
  head[0] = MAGIC;
  head[1] = n;
  const lon = new Float32Array(ab, base + 8, n);
  const lat = new Float32Array(ab, base + 8 + 4 * n, n);
  const from = new Int32Array(ab, base + 8 + 8 * n, n);
  const to = new Int32Array(ab, base + 8 + 12 * n, n);
  const civMin = new Int32Array(ab, base + 8 + 16 * n, n);
  const civMax = new Int32Array(ab, base + 8 + 20 * n, n);
  const grade = new Uint8Array(ab, base + fixed, n);
  for (let i = 0; i < n; i++) {
    const r = rows[i] as PointRow;
    const blur = !exact && Number(r[3]) === 1;
    const x = r[1] === null ? null : Number(r[1]);
    const y = r[2] === null ? null : Number(r[2]);
    lon[i] = x === null ? Number.NaN : ((blur ? roundCoord(x) : x) as number);
    lat[i] = y === null ? Number.NaN : ((blur ? roundCoord(y) : y) as number);
    const f = dayOf(r[4]);
    from[i] = f;
    const t = dayOf(r[5]);
    to[i] = t === NO_DAY ? f : t;
    civMin[i] = r[6] === null ? -1 : Number(r[6]);
    civMax[i] = r[6] === null || r[7] === null ? -1 : Number(r[7]);
    grade[i] = r[8] === null ? UNGRADED : (GRADE_CODES[r[8]] ?? UNGRADED);
  }
  codes.copy(buf, codesAt);
  return buf;
}

/** Views of an encodePoints body's columns (no copies), for what the server works out from it. */
export interface PointColumns {
  n: number;
  lon: Float32Array;
  lat: Float32Array;
  /** -1: no figure. */
  civMin: Int32Array;
  /** -1: open ("at least"), or no figure when civMin is -1. */
  civMax: Int32Array;
  /** Index into GRADE_NAMES. */
  grade: Uint8Array;
  codes(): string[];
}

export function pointColumns(body: Buffer): PointColumns {
  // Copied when the Buffer is not 4-byte aligned in its pool (typed-array views need it).
  const buf = body.byteOffset % 4 === 0 ? body : Buffer.from(body);
  const ab = buf.buffer;
  const base = buf.byteOffset;
  const head = new Uint32Array(ab, base, 2);
  if (head[0] !== MAGIC) throw new Error('not a map points payload');
  const n = head[1] as number;
  const gradeEnd = 8 + 25 * n;
  return {
    n,
    lon: new Float32Array(ab, base + 8, n),
    lat: new Float32Array(ab, base + 8 + 4 * n, n),
    civMin: new Int32Array(ab, base + 8 + 16 * n, n),
    civMax: new Int32Array(ab, base + 8 + 20 * n, n),
    grade: new Uint8Array(ab, base + 8 + 24 * n, n),
    codes: () =>
      n
        ? buf
            .subarray((gradeEnd + 3) & ~3)
            .toString('utf8')
            .split('\n')
        : [],
  };
}
