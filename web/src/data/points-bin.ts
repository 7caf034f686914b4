/**
 * Decoder for GET /api/map/points (layout in src/server/routes/map.ts). Runs in the clustering
 * worker: the columns are views of the response buffer, converted only where the page's
 * arithmetic wants NaN and Infinity instead of the wire format's sentinels.
 */
import { GRADE_NAMES } from '../../../src/domain/map-clusters.js';
import type { PointSet } from './points.js';

const MAGIC = 0x31504756;
const NO_DAY = -0x80000000;

export interface DecodedPoints {
  points: PointSet;
  lon: Float32Array;
  lat: Float32Array;
  /** Incident codes, in the same order; decoded on first use (only a click or a lone point needs one). */
  codes(): string[];
}

export function decodePoints(buf: ArrayBuffer): DecodedPoints {
  const head = new Uint32Array(buf, 0, 2);
  if (head[0] !== MAGIC) throw new Error('not a Vigil points payload');
  const n = head[1] as number;
  const lon = new Float32Array(buf, 8, n);
  const lat = new Float32Array(buf, 8 + 4 * n, n);
  const fromRaw = new Int32Array(buf, 8 + 8 * n, n);
  const toRaw = new Int32Array(buf, 8 + 12 * n, n);
  const minRaw = new Int32Array(buf, 8 + 16 * n, n);
  const maxRaw = new Int32Array(buf, 8 + 20 * n, n);
  const gradeEnd = 8 + 25 * n;
  const grade = new Uint8Array(buf, 8 + 24 * n, n).slice();
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const civMin = new Float64Array(n);
  const civMax = new Float64Array(n);
  const ungraded = GRADE_NAMES.length - 1;
  for (let i = 0; i < n; i++) {
    const f = fromRaw[i] as number;
    const t = toRaw[i] as number;
    from[i] = f === NO_DAY ? Number.NaN : f;
    to[i] = t === NO_DAY ? Number.NaN : t;
    const min = minRaw[i] as number;
    const max = maxRaw[i] as number;
    civMin[i] = min < 0 ? Number.NaN : min;
    civMax[i] = min < 0 ? Number.NaN : max < 0 ? Number.POSITIVE_INFINITY : max;
    if ((grade[i] as number) > ungraded) grade[i] = ungraded;
  }
  let codes: string[] | null = null;
  return {
    points: { length: n, from, to, civMin, civMax, grade },
    lon,
    lat,
    codes: () => {
      if (!codes) {
        const at = (gradeEnd + 3) & ~3;
        codes = n ? new TextDecoder().decode(new Uint8Array(buf, at)).split('\n') : [];
      }
      return codes;
    },
  };
}
