import Table from 'cli-table3';

/** A plain table for terminals; `head` names the columns. */
export function table(head: string[], rows: (string | number | null)[][]): string {
  // No rule between rows: long listings stay readable in a terminal.
  const t = new Table({
    head,
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const r of rows) t.push(r.map((c) => (c === null ? '' : String(c))));
  return t.toString();
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
