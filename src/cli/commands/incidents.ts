import type { Command } from 'commander';
import { GRADING_DEFINITIONS, type Grading, isOneOf } from '../../domain/codes.js';
import { RANGE_RULE_TEXT } from '../../domain/incident.js';
import { formatRange } from '../../domain/range.js';
import { IMPORTERS } from '../../ingest/importers/index.js';
import { IMPORT_FORMATS } from '../../ingest/importers/types.js';
import { admin1NameOf } from '../../services/admin1-names.js';
import { incidentProvenance } from '../../services/incident-provenance.js';
import { getIncident, listIncidents } from '../../services/incidents.js';
import type { IncidentView } from '../../store/rows.js';
import { type GlobalOptions, withExistingStore } from '../context.js';
import { addFilterOptions, type FilterFlags, filterFromFlags } from '../filter-options.js';
import { wholeNumber } from '../numbers.js';
import { counted, printJson, table } from '../output.js';

export function register(program: Command): void {
  addFilterOptions(
    program.command('incidents').description('list incidents (every grading unless --grading is given)'),
    'all',
  )
    .option('--limit <n>', 'at most this many', wholeNumber(1))
    .option('--json', 'print JSON')
    .action(async (flags: FilterFlags & { json?: boolean; limit?: number }, cmd: Command) => {
      const filter = filterFromFlags(flags, 'all');
      const rows = await withExistingStore(cmd.optsWithGlobals<GlobalOptions>(), (s) =>
        listIncidents(s.db, filter, { limit: flags.limit }),
      );
      if (flags.json) return printJson(rows);
      process.stdout.write(`${incidentTable(rows)}\n${rows.length} incident(s)\n`);
    });

  program
    .command('show')
    .description('an incident with its claims, each with its quoted evidence and source')
    .argument('<id>', 'incident id or code (e.g. V-000001)')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }, cmd: Command) => {
      const { detail, provenance } = await withExistingStore(
        cmd.optsWithGlobals<GlobalOptions>(),
        async (s) => {
          const detail = await getIncident(s.db, id);
          return { detail, provenance: await incidentProvenance(s.db, detail.incident.id) };
        },
      );
      if (flags.json) return printJson({ ...detail, ...provenance });
      const { dataset: imported, belligerentRoles: roles } = provenance;
      const i = detail.incident;
      const out: string[] = [
        `${i.code}  ${i.event ?? 'event unknown'}  ${dateText(i)}  ${placeText(i)}`,
        `  status ${i.status}; strike status ${i.strikeStatus?.replace('_', ' ') ?? 'not set'}; grading ${i.grading ?? 'not graded'}${i.grading ? ` — ${GRADING_DEFINITIONS[i.grading as Grading]}` : ''}`,
        `  belligerents: ${
          roles
            .map(
              (b) =>
                `${b.belligerent} (${b.role}${b.assessment === 'not_assessed' ? '' : `; its own assessment: ${b.assessment.replace('_', '-')}`})`,
            )
            .join(', ') || 'unknown'
        }`,
        ...(i.target ? [`  target: ${i.target}`] : []),
        `  civilians killed ${formatRange(i.civiliansKilled)}; killed ${formatRange(i.killed)}; injured ${formatRange(i.injured)}`,
        i.civOverrideReason
          ? `  civilian range set by an analyst: ${i.civOverrideReason}`
          : imported && detail.claims.length === 0
            ? `  figures as coded in the imported ${datasetTitle(imported.name)} row ${imported.id}, not from claims`
            : `  rule: ${RANGE_RULE_TEXT}`,
        ...(i.attribution ? [`  data: ${i.attribution}`] : []),
        ...(imported
          ? [
              '',
              `${imported.sources.length} source(s) cited by the dataset:`,
              ...imported.sources.map(
                (c) =>
                  `- ${c.name ?? 'unnamed source'}, ${c.published ?? 'undated'}${c.title ? `: "${c.title}"` : ''}${c.url ? ` <${c.url}>` : ''}`,
              ),
            ]
          : []),
        '',
        `${detail.claims.length} claim(s):`,
      ];
      for (const c of detail.claims) {
        const src = c.report.source ? `${c.report.source.name} (${c.report.source.kind})` : 'unknown source';
        out.push(
          `- ${c.id} [${c.status}] ${src}, ${c.report.published ?? 'undated'}: "${c.report.title ?? c.report.origin}"`,
          `    ${c.event ?? '?'} ${c.date ? `${c.date.from}${c.date.to !== c.date.from ? `..${c.date.to}` : ''}` : 'undated'} at ${c.placeName ?? '?'}; civilians ${formatRange(c.civiliansKilled)}, killed ${formatRange(c.killed)}, injured ${formatRange(c.injured)}${c.hedged ? '; hedged' : ''}${c.strikes !== null ? `; ${counted(c.strikes, 'strike')} declared` : ''}`,
        );
        for (const q of c.quotes)
          out.push(`    ${q.field.padEnd(15)} «${q.text.replace(/\s+/g, ' ')}» [${q.start}–${q.end}]`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

/** How show names the dataset an incident was imported from (incident_imports.dataset). */
function datasetTitle(dataset: string | null): string {
  return (isOneOf(IMPORT_FORMATS, dataset) ? IMPORTERS[dataset].title : dataset) ?? 'unknown';
}

function dateText(i: IncidentView): string {
  if (!i.date) return 'undated';
  return i.date.from === i.date.to ? i.date.from : `${i.date.from}..${i.date.to}`;
}

function placeText(i: IncidentView): string {
  if (!i.placeName) return 'place unknown';
  // The division by name: its GeoNames code ("15") means nothing to a reader.
  const division = admin1NameOf(i.country, i.admin1);
  return `${i.placeName}${division ? `, ${division}` : ''}${i.country ? ` (${i.country})` : ''} [${i.geoPrecision ?? '?'}]`;
}

/** Widest place shown in a listing: UCDP names stretches of road ("Road between As Sukhnah and …"); `show` has it whole. */
const PLACE_CHARS = 40;

function shortened(name: string): string {
  return name.length > PLACE_CHARS ? `${name.slice(0, PLACE_CHARS - 1).trimEnd()}…` : name;
}

export function incidentTable(rows: IncidentView[]): string {
  return table(
    ['code', 'date', 'place', 'event', 'belligerents', 'civilians', 'killed', 'grading', 'status'],
    rows.map((i) => [
      i.code,
      dateText(i),
      i.placeName ? `${shortened(i.placeName)}${i.country ? ` (${i.country})` : ''}` : '',
      i.event ?? '–',
      i.belligerents.join(', '),
      formatRange(i.civiliansKilled),
      formatRange(i.killed),
      i.grading ?? '–',
      i.status,
    ]),
  );
}
