import EasyTable from 'easy-table';

/**
 * A plain table for terminals; `head` names the columns. Rendered in time linear in its rows:
 * cli-table3, used before, took 91 s to lay out the 16,566 incidents of the bundled UCDP file.
 */
export function table(head: string[], rows: (string | number | null)[][]): string {
  const t = new EasyTable();
  for (const r of rows) {
    head.forEach((h, k) => {
      const c = r[k];
      t.cell(h, c === null || c === undefined ? '' : String(c));
    });
    t.newRow();
  }
  // A table with no rows still names its columns.
  if (rows.length === 0) return head.join('  ');
  return t
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

/** "1 claim", "13 claims": a count with its noun in the number it takes. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
