/**
 * Relative positions written before a place name: "15 km west of Raqqa",
 * "10 miles north-east of", "على بعد 14 كيلومتراً شمال". Pure.
 */

const BEARINGS: Record<string, number> = {
  north: 0,
  northeast: 45,
  east: 90,
  southeast: 135,
  south: 180,
  southwest: 225,
  west: 270,
  northwest: 315,
  nord: 0,
  sud: 180,
  est: 90,
  ouest: 270,
  norte: 0,
  sur: 180,
  este: 90,
  oeste: 270,
  leste: 90,
  nördlich: 0,
  südlich: 180,
  östlich: 90,
  westlich: 270,
  شمال: 0,
  جنوب: 180,
  شرق: 90,
  غرب: 270,
};

export interface RelativeOffset {
  km: number;
  bearing: number;
  /** Offset in the text where the phrase begins. */
  start: number;
}

const ARABIC_DIGITS = /[٠-٩]/g;

function bearingOf(words: string): number | null {
  const w = words
    .toLowerCase()
    .replace(/[-\s]+/g, '')
    .replace(/ern$/, '');
  if (w in BEARINGS) return BEARINGS[w] ?? null;
  // Arabic compounds: "شمال شرق", "جنوب غربي".
  const parts = words.split(/\s+/).map((p) => p.replace(/ي$/, ''));
  if (parts.length === 2) {
    const a = BEARINGS[parts[0] ?? ''];
    const b = BEARINGS[parts[1] ?? ''];
    if (a !== undefined && b !== undefined) {
      if (a === 0 && b === 270) return 315;
      return (a + b) / 2;
    }
  }
  return null;
}

const LATIN = new RegExp(
  String.raw`(\d+(?:[.,]\d+)?)\s*(km|kms|kilomet(?:er|re)s?|miles?|mi)\.?\s+(?:\(\s*[\d.,]+\s*\w+\s*\)\s+)?(?:to the\s+)?` +
    String.raw`((?:north|south)(?:[-\s]?(?:east|west))?|east|west|nord|sud|est|ouest|norte|sur|este|oeste|leste|nördlich|südlich|östlich|westlich)(?:ern)?\s+(?:of|de|du|von|da|do)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$`,
  'iu',
);
const ARABIC =
  /(\d+(?:[.,]\d+)?)\s*(كم|كيلو\s?متر(?:ا|ات)?|كيلومتر(?:ا|ات)?|ميل)\s+((?:شمال|جنوب|شرق|غرب)ي?(?:\s+(?:شرق|غرب)ي?)?)\s+(?:(?:مدينة|بلدة|قرية)\s+)?$/u;

/** The offset phrase that ends right before `mentionStart`, if any. */
export function relativeOffsetBefore(text: string, mentionStart: number): RelativeOffset | null {
  const windowStart = Math.max(0, mentionStart - 80);
  // Same-length replacements keep match offsets valid: marks become spaces ("كيلومتراً").
  const before = text
    .slice(windowStart, mentionStart)
    .replace(ARABIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x660))
    .replace(/[\u064b-\u065f\u0640]/g, ' ');
  const m = LATIN.exec(before) ?? ARABIC.exec(before);
  if (!m) return null;
  const value = Number((m[1] ?? '').replace(',', '.'));
  const unit = (m[2] ?? '').toLowerCase();
  const bearing = bearingOf(m[3] ?? '');
  if (!Number.isFinite(value) || bearing === null || value <= 0 || value > 500) return null;
  const km = /^mi/.test(unit) || unit === 'ميل' ? value * 1.609344 : value;
  return { km, bearing, start: windowStart + m.index };
}

/** The point `km` away from (lat, lon) along `bearing` degrees, on a sphere. */
export function destinationPoint(
  lat: number,
  lon: number,
  km: number,
  bearing: number,
): { lat: number; lon: number } {
  const r = Math.PI / 180;
  const d = km / 6371.0088;
  const t = bearing * r;
  const p1 = lat * r;
  const l1 = lon * r;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(t));
  const l2 =
    l1 + Math.atan2(Math.sin(t) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / r, lon: ((((l2 / r + 540) % 360) + 360) % 360) - 180 };
}

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(Math.min(1, a)));
}
