import { filterFromParams, type IncidentFilter } from '../services/filters.js';

export interface FilterQuery {
  country?: string;
  admin1?: string;
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
  const { q: text, ...rest } = q;
  return filterFromParams({ ...rest, text }, gradingDefault);
}
