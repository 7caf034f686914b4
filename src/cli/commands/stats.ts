import type { Command } from 'commander';
import { RANGE_RULE_TEXT } from '../../domain/incident.js';
import { formatRange } from '../../domain/range.js';
import {
  type RangeTotal,
  STATS_DIMENSIONS,
  type StatsDimension,
  type StatsRow,
  statsBy,
} from '../../services/stats.js';
import { type GlobalOptions, withExistingStore } from '../context.js';
import { addFilterOptions, type FilterFlags, filterFromFlags } from '../filter-options.js';
import { printJson, table } from '../output.js';

export const DEFAULT_STATS_GRADINGS = ['fair', 'confirmed'];

export function register(program: Command): void {
  addFilterOptions(
    program
      .command('stats')
      .description('totals as ranges: the sum of minimums to the sum of maximums over matching incidents'),
    DEFAULT_STATS_GRADINGS.join(','),
  )
    .requiredOption('--by <dimension>', `one of ${STATS_DIMENSIONS.join(', ')}`)
    .option(
      '--json',
      'print an array of {key, incidents, killed, civilians_killed, injured}, each total {min, max, unreported}',
    )
    .action(async (flags: FilterFlags & { by: string; json?: boolean }, cmd: Command) => {
      if (!(STATS_DIMENSIONS as readonly string[]).includes(flags.by))
        throw new Error(`--by must be one of ${STATS_DIMENSIONS.join(', ')}, got "${flags.by}"`);
      const filter = filterFromFlags(flags, DEFAULT_STATS_GRADINGS);
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) =>
        statsBy(s.db, flags.by as StatsDimension, filter),
      );
      if (flags.json) return printJson(rows);
      const grading =
        filter.grading === 'all' ? 'every incident, graded or not' : `graded ${filter.grading?.join(' or ')}`;
      process.stdout.write(`${statsTable(flags.by, rows)}\nCounting ${grading}. ${RANGE_RULE_TEXT}\n`);
    });
}

export function statsTable(by: string, rows: StatsRow[]): string {
  return table(
    [by, 'incidents', 'civilians killed', 'killed', 'injured'],
    rows.map((r) => [
      r.key,
      r.incidents,
      totalText(r.civilians_killed, r.incidents),
      totalText(r.killed, r.incidents),
      totalText(r.injured, r.incidents),
    ]),
  );
}

/** A total as a range, saying how many of the incidents give no figure ("not reported" when none does). */
function totalText(t: RangeTotal, incidents: number): string {
  if (incidents > 0 && t.unreported === incidents) return 'not reported';
  const range = formatRange(t);
  return t.unreported > 0 ? `${range} (${t.unreported} without)` : range;
}
