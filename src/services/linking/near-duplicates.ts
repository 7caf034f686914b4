import { figuresKey } from '../../domain/ids.js';
import {
  bandBuckets,
  canonicalReport,
  type Fingerprint,
  fingerprint,
  isNearCopy,
} from '../../link/near-duplicate.js';
import { appendAudit } from '../../store/audit.js';
import type { Trx } from './incident-rows.js';

/**
 * Records a new report's fingerprint and marks copies: the report joins the group of every stored
 * report it nearly copies, and the group's earliest report (canonicalReport) becomes the original
 * the others point at through `duplicate_of`. Returns the ids of reports whose mark changed, so their
 * incidents' figures can be recomputed.
 */
export async function markNearCopies(
  trx: Trx,
  report: { id: string; published: string | null; text: string },
  actor: string,
  now: string,
): Promise<string[]> {
  const fp = fingerprint(report.text);
  const buckets = bandBuckets(fp.minhash);
  const numbers = JSON.stringify(fp.numbers);
  const numbersKey = figuresKey(numbers);
  await trx
    .insertInto('report_fingerprints')
    .values({
      report_id: report.id,
      minhash: JSON.stringify(fp.minhash),
      numbers,
      numbers_key: numbersKey,
    })
    .execute();
  await trx
    .insertInto('report_signature_bands')
    .values(buckets.map((bucket, band) => ({ band, bucket, report_id: report.id })))
    .execute();
  if (fp.numbers.length === 0 && fp.minhash.every((h) => h === 0xffffffff)) return [];

  // Same figures first (report_fingerprints_numbers_key; isNearCopy then compares the lists
  // themselves), then a shared signature bucket for each.
  const candidates = await trx
    .selectFrom('report_fingerprints')
    .select(['report_fingerprints.report_id', 'report_fingerprints.minhash', 'report_fingerprints.numbers'])
    .where('report_fingerprints.numbers_key', '=', numbersKey)
    .where('report_fingerprints.report_id', '!=', report.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('report_signature_bands as b')
          .select(eb.lit(1).as('one'))
          .whereRef('b.report_id', '=', 'report_fingerprints.report_id')
          .where((e) =>
            e.or(buckets.map((bucket, band) => e.and([e('b.band', '=', band), e('b.bucket', '=', bucket)]))),
          ),
      ),
    )
    .execute();
  const copies = candidates
    .filter((c) => {
      const other: Fingerprint = { minhash: JSON.parse(c.minhash), numbers: JSON.parse(c.numbers) };
      return isNearCopy(fp, other);
    })
    .map((c) => c.report_id);
  if (copies.length === 0) return [];

  const linked = await trx
    .selectFrom('reports')
    .select(['id', 'duplicate_of'])
    .where('id', 'in', copies)
    .execute();
  const roots = [...new Set(linked.map((r) => r.duplicate_of ?? r.id))];
  const group = await trx
    .selectFrom('reports')
    .select(['id', 'published', 'duplicate_of'])
    .where((eb) => eb.or([eb('id', 'in', [...roots, report.id]), eb('duplicate_of', 'in', roots)]))
    .execute();
  const original = canonicalReport(group);
  const changed: string[] = [];
  for (const r of group) {
    const want = r.id === original.id ? null : original.id;
    if (r.duplicate_of === want) continue;
    await trx.updateTable('reports').set({ duplicate_of: want }).where('id', '=', r.id).execute();
    await appendAudit(
      trx,
      {
        actor,
        action: want === null ? 'report.original' : 'report.marked_copy',
        entityType: 'report',
        entityId: r.id,
        before: { duplicate_of: r.duplicate_of },
        after: { duplicate_of: want },
      },
      now,
    );
    changed.push(r.id);
  }
  return changed;
}
