import { MAX_CODE_CHARS, MAX_SOURCE_NAME_CHARS } from '../../domain/codes.js';
import type { ImportedIncident } from './types.js';

/**
 * The first value of a mapped row longer than storage indexes (see MAX_CODE_CHARS), as the field
 * to name in the row's error, or null (pure). Checked once for every format, after mapping: the
 * code, the dataset id and the publisher names come from different columns in each.
 */
export function overlong(item: ImportedIncident): { field: string; message: string } | null {
  const too = (what: string, value: string, max: number) =>
    `${what} of ${value.length} characters ("${value.slice(0, 40)}…"); at most ${max}`;
  if (item.code.length > MAX_CODE_CHARS)
    return { field: 'code', message: too('a code', item.code, MAX_CODE_CHARS) };
  if (item.datasetId.length > MAX_CODE_CHARS)
    return { field: 'id', message: too('an id', item.datasetId, MAX_CODE_CHARS) };
  for (const s of item.sources)
    if (s.name && s.name.length > MAX_SOURCE_NAME_CHARS)
      return { field: 'source', message: too('a source name', s.name, MAX_SOURCE_NAME_CHARS) };
  return null;
}
