import type { I18n } from '../i18n/I18n.js';

/** A casualty range as people read it: "250–370", "40 or more", "12", or a dash when unknown. */
export function formatRange(i18n: I18n, r: { min: number; max: number | null } | null): string {
  if (!r) return '–';
  if (r.max === null) return i18n.t('totals.openMax', { min: r.min });
  if (r.max === r.min) return i18n.num(r.min);
  return `${i18n.num(r.min)}–${i18n.num(r.max)}`;
}
