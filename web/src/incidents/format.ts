import type { I18n } from '../i18n/messages.js';

/** A casualty range as people read it: "250–370", "40 or more", "12", or a dash when unknown. */
export function formatRange(i18n: I18n, r: { min: number; max: number | null } | null): string {
  if (!r) return '–';
  if (r.max === null) return i18n.t('totals.openMax', { min: r.min });
  if (r.max === r.min) return i18n.num(r.min);
  return `${i18n.num(r.min)}–${i18n.num(r.max)}`;
}

/**
 * An incident's date as people read it: one day, or the first and last day of an interval
 * ("1 Jan 2016 – 31 Dec 2016"), never only its first day. Takes the API's `{from, to}` or the
 * review queue's "from..to" string.
 */
export function formatDateSpan(i18n: I18n, d: { from: string; to: string } | string | null): string {
  if (!d) return '–';
  const [from, to] = typeof d === 'string' ? (d.split('..') as [string, string?]) : [d.from, d.to];
  return to && to !== from ? `${i18n.date(from)} – ${i18n.date(to)}` : i18n.date(from);
}
