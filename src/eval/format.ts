import { formatRange } from '../domain/range.js';
import type { Ratio } from './metrics.js';
import { ATTRIBUTES, type EvalResult } from './score.js';

const d3 = (x: number): string => x.toFixed(3);
const frac = (r: Ratio): string => `${d3(r.value)} (${r.correct}/${r.total})`;

/** Left-aligns the first column and right-aligns the rest. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The scorer's table; the last line is the one figures are compared by across versions. */
export function formatEvalTable(result: EvalResult): string {
  const det = result.detection;
  const out: string[] = [];
  out.push(
    `Reports: ${result.reports}   gold claims: ${det.tp + det.fn}   predicted claims: ${det.tp + det.fp}`,
  );
  out.push('');
  out.push('Claim detection');
  out.push(
    ...columns([
      ['', 'P', 'R', 'F1', 'TP', 'FP', 'FN'],
      [
        '  all',
        d3(det.precision),
        d3(det.recall),
        d3(det.f1),
        String(det.tp),
        String(det.fp),
        String(det.fn),
      ],
    ]),
  );
  out.push('');
  out.push(`Attributes over ${det.tp} matched pairs (accuracy)`);
  out.push(
    ...columns([
      ...ATTRIBUTES.map((a) => [`  ${a}`, frac(result.attributes[a])]),
      ['  casualty-exact', frac(result.casualtyExact)],
    ]),
  );
  out.push('  (casualty-exact: over all gold claims with a count; an unmatched one counts as wrong)');
  out.push('');
  const b3 = result.bcubed;
  out.push(`Incidents: B-cubed over ${b3.items} matched claims`);
  out.push(
    ...columns([
      ['', 'P', 'R', 'F1'],
      ['  B-cubed', d3(b3.precision), d3(b3.recall), d3(b3.f1)],
    ]),
  );
  if (result.incidentRanges) {
    out.push(`  civilian range equal: ${frac(result.incidentRanges.accuracy)}`);
    out.push(
      ...columns([
        ['    incident', 'gold', 'predicted', 'as', ''],
        ...result.incidentRanges.incidents.map((r) => [
          `    ${r.incident}`,
          formatRange(r.gold),
          r.predictedIncident === null ? '(unmatched)' : formatRange(r.predicted),
          r.predictedIncident ?? '',
          r.correct ? 'ok' : 'WRONG',
        ]),
      ]),
    );
  } else {
    out.push('  civilian range equal: n/a (no incidents file)');
  }
  out.push('');
  out.push('By language');
  out.push(
    ...columns([
      ['  lang', 'reports', 'P', 'R', 'F1', 'casualty-exact'],
      ...result.languages.map((l) => [
        `  ${l.language}`,
        String(l.reports),
        d3(l.detection.precision),
        d3(l.detection.recall),
        d3(l.detection.f1),
        frac(l.casualtyExact),
      ]),
    ]),
  );
  out.push('');
  out.push(
    `claim-F1 ${d3(det.f1)}  casualty-exact ${d3(result.casualtyExact.value)}  incident-B3-F1 ${d3(b3.f1)}`,
  );
  return out.join('\n');
}
