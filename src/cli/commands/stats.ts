import type { Command } from 'commander';
import { RANGE_RULE_TEXT } from '../../domain/incident.js';
import { STATS_DIMENSIONS, type StatsDimension, type StatsRow, statsBy } from '../../services/stats.js';
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
    .option('--json', 'print an array of {key, incidents, killed, civilians_killed, injured}')
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
  const fmt = (r: { min: number; max: number | null }) =>
    r.max === null ? `${r.min}+` : r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`;
  return table(
    [by, 'incidents', 'civilians killed', 'killed', 'injured'],
    rows.map((r) => [r.key, r.incidents, fmt(r.civilians_killed), fmt(r.killed), fmt(r.injured)]),
  );
}
