import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { type CitedSourceRow, loadImported } from './export-datasets.js';
import { type BelligerentEntry, belligerentEntries } from './review/belligerent.js';

/**
 * What an incident holds beyond its claims: the dataset row it was imported from, with the sources
 * that row cites (sensitive ones included: callers that publish filter them), and each belligerent's
 * role and own assessment.
 */
export interface IncidentProvenance {
  dataset: { name: string; id: string | null; sources: CitedSourceRow[] } | null;
  belligerentRoles: BelligerentEntry[];
}

export async function incidentProvenance(
  db: Kysely<Database>,
  incidentId: string,
): Promise<IncidentProvenance> {
  const imported = (await loadImported(db, [incidentId])).get(incidentId);
  return {
    dataset: imported?.dataset
      ? { name: imported.dataset, id: imported.datasetId, sources: imported.sources }
      : null,
    belligerentRoles: await belligerentEntries(db, incidentId),
  };
}
