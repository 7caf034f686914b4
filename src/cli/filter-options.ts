import type { Command } from 'commander';
import {
  checkFilterDates,
  type FilterParams,
  filterFromParams,
  type IncidentFilter,
} from '../services/filters.js';

/** The filter flags: FilterParams, with the text search spelt --search. */
export type FilterFlags = Omit<FilterParams, 'text'> & { search?: string };

/** The incident filter flags shared by `incidents`, `stats` and `export`. */
export function addFilterOptions(cmd: Command, gradingDefault: string): Command {
  return cmd
    .option('--country <codes>', 'ISO country codes, comma-separated (e.g. SY,IQ)')
    .option('--admin1 <codes>', 'first-level divisions as GeoNames codes, comma-separated (e.g. SY.04)')
    .option('--belligerent <codes>', 'belligerent codes, comma-separated (e.g. russia,us-led-coalition)')
    .option('--event <types>', 'ACLED sub-event types, comma-separated (e.g. air_drone_strike)')
    .option(
      '--grading <list>',
      `gradings, comma-separated, "ungraded", or "all" (default: ${gradingDefault})`,
    )
    .option('--status <list>', 'review statuses, comma-separated (e.g. published)')
    .option('--from <date>', 'incidents on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'incidents on or before this day (YYYY-MM-DD)')
    .option('--search <text>', 'text in the place name, division or code, any case');
}

export function filterFromFlags(flags: FilterFlags, gradingDefault: string[] | 'all'): IncidentFilter {
  const { search, ...rest } = flags;
  const filter = filterFromParams({ ...rest, text: search }, gradingDefault);
  // Checked here, before a command writes anything (an export's header, its output file).
  checkFilterDates(filter, (field) => `--${field}`);
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
    throw new Error(`--from ${filter.from} is after --to ${filter.to}: no day is in between`);
  return filter;
}
