import type { Command } from 'commander';
import { type IncidentFilter, parseGradingList, splitList } from '../services/filters.js';

export interface FilterFlags {
  country?: string;
  belligerent?: string;
  event?: string;
  grading?: string;
  status?: string;
  from?: string;
  to?: string;
  search?: string;
}

/** The incident filter flags shared by `incidents`, `stats` and `export`. */
export function addFilterOptions(cmd: Command, gradingDefault: string): Command {
  return cmd
    .option('--country <codes>', 'ISO country codes, comma-separated (e.g. SY,IQ)')
    .option('--belligerent <codes>', 'belligerent codes, comma-separated (e.g. russia,us-led-coalition)')
    .option('--event <types>', 'ACLED sub-event types, comma-separated (e.g. air_drone_strike)')
    .option(
      '--grading <list>',
      `gradings, comma-separated, "ungraded", or "all" (default: ${gradingDefault})`,
    )
    .option('--status <list>', 'review statuses, comma-separated (e.g. published)')
    .option('--from <date>', 'incidents on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'incidents on or before this day (YYYY-MM-DD)')
    .option('--search <text>', 'text in the place name or code');
}

export function filterFromFlags(flags: FilterFlags, gradingDefault: string[] | 'all'): IncidentFilter {
  const filter: IncidentFilter = { grading: parseGradingList(flags.grading, gradingDefault) };
  if (flags.country) filter.country = splitList(flags.country);
  if (flags.belligerent) filter.belligerent = splitList(flags.belligerent);
  if (flags.event) filter.event = splitList(flags.event);
  if (flags.status) filter.status = splitList(flags.status);
  if (flags.from) filter.from = flags.from;
  if (flags.to) filter.to = flags.to;
  if (flags.search) filter.text = flags.search;
  return filter;
}
