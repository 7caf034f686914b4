import type { IncidentView } from '../api/types.js';
import type { ActionName } from './actions.js';

/** The review panel's edit form, as typed: every field a string, empty for none. */
export interface EditForm {
  place: string;
  from: string;
  to: string;
  event: string;
  target: string;
  min: string;
  max: string;
}

export function editFormOf(incident: IncidentView): EditForm {
  return {
    place: incident.placeName ?? '',
    from: incident.date?.from ?? '',
    to: incident.date?.to ?? '',
    event: incident.event ?? '',
    target: incident.target ?? '',
    min: incident.civiliansKilled ? String(incident.civiliansKilled.min) : '',
    max: incident.civiliansKilled?.max != null ? String(incident.civiliansKilled.max) : '',
  };
}

/**
 * The actions a Save sends (pure): one edit with the fields that changed, then the civilian range
 * if it changed. A range emptied clears the analyst's override, so the range follows the claims
 * again. Nothing changed, nothing is sent.
 */
export function editSteps(incident: IncidentView, form: EditForm): [ActionName, Record<string, unknown>][] {
  const was = editFormOf(incident);
  const fields: Record<string, string | null> = {};
  const text = (v: string) => v.trim() || null;
  if (form.place.trim() !== was.place) fields.place_name = text(form.place);
  if (form.event !== was.event) fields.event = text(form.event);
  if (form.target !== was.target) fields.target = text(form.target);
  if (form.from !== was.from || form.to !== was.to) {
    // One day typed alone stands for both ends.
    const from = text(form.from) ?? text(form.to);
    const to = text(form.to) ?? from;
    fields.date_from = from;
    fields.date_to = to;
    fields.date_precision = from === null ? null : from === to ? 'day' : 'interval';
  }
  const steps: [ActionName, Record<string, unknown>][] = [];
  if (Object.keys(fields).length > 0) steps.push(['edit', { fields }]);
  if (form.min.trim() !== was.min || form.max.trim() !== was.max) {
    const min = form.min.trim();
    const max = form.max.trim();
    steps.push([
      'set-range',
      { range: min === '' ? null : { min: Number(min), max: max === '' ? null : Number(max) } },
    ]);
  }
  return steps;
}
