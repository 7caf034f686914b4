import { type IncidentFilter, parseGradingList, splitList } from '../services/filters.js';

export interface FilterQuery {
  country?: string;
  belligerent?: string;
  event?: string;
  grading?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** The same filter the CLI builds from its flags, from query parameters. */
export function filterFromQuery(q: FilterQuery, gradingDefault: string[] | 'all'): IncidentFilter {
  const filter: IncidentFilter = { grading: parseGradingList(q.grading, gradingDefault) };
  if (q.country) filter.country = splitList(q.country);
  if (q.belligerent) filter.belligerent = splitList(q.belligerent);
  if (q.event) filter.event = splitList(q.event);
  if (q.status) filter.status = splitList(q.status);
  if (q.from) filter.from = q.from;
  if (q.to) filter.to = q.to;
  if (q.q) filter.text = q.q;
  return filter;
}
