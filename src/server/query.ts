import { type FilterParams, filterFromParams, type IncidentFilter } from '../services/filters.js';

/** The filter's query parameters: FilterParams, with the text search spelt `q`. */
export type FilterQuery = Omit<FilterParams, 'text'> & { q?: string };

/** The same filter the CLI builds from its flags, from query parameters. */
export function filterFromQuery(q: FilterQuery, gradingDefault: string[] | 'all'): IncidentFilter {
  const { q: text, ...rest } = q;
  return filterFromParams({ ...rest, text }, gradingDefault);
}
