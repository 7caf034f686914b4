import { ACLED_ATTRIBUTION, UCDP_ATTRIBUTION } from './types.js';

/**
 * A dataset's credit is the same long text on every row it brings (about 200 bytes, nearly half
 * of an imported incident's row, read again by every index build and table scan). Rows store a
 * reference to it instead, `dataset:ucdp`, and every reader shows the text (rows.ts). Any other
 * attribution, such as an Airwars-style file's own column, is stored as written.
 */
const BY_DATASET: Readonly<Record<string, string>> = { ucdp: UCDP_ATTRIBUTION, acled: ACLED_ATTRIBUTION };
const REFERENCE = 'dataset:';
const BY_TEXT = new Map(Object.entries(BY_DATASET).map(([name, text]) => [text, `${REFERENCE}${name}`]));

/** What incidents.attribution holds for an attribution text. */
export function storedAttribution(text: string | null): string | null {
  return text === null ? null : (BY_TEXT.get(text) ?? text);
}

/** The attribution text of what incidents.attribution holds. */
export function shownAttribution(stored: string | null): string | null {
  if (stored === null || !stored.startsWith(REFERENCE)) return stored;
  return BY_DATASET[stored.slice(REFERENCE.length)] ?? stored;
}
