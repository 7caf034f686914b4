/**
 * A CSV splitter (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; rows end
 * with LF or CRLF) fed text a chunk at a time. Pure: the caller reads the file. Written for dataset
 * imports: on the 200,000-row bench file csv-parse alone read about 30,000 rows per CPU-second and
 * this about 88,000 (same loaded machine), because cells are cut with indexOf and slice and a row is
 * an array, not an object.
 */

/** One row's cells, or why it could not be read; `line` is the line the row starts on. */
export type CsvRow = { cells: string[]; line: number; error?: undefined } | { error: string; line: number };

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Marks a row cut off by the end of the chunk: it is read again once more text has come. */
const INCOMPLETE = Symbol('incomplete');

/**
 * The most text a row may take. A quote left open makes the rest of the file one cell: it was held
 * and scanned again with every chunk (quadratic, and past V8's longest string on a large file),
 * and every row after it was lost. A dataset row is a few kilobytes at most.
 */
export const MAX_ROW_CHARS = 1 << 20;

export class CsvSplitter {
  private rest = '';
  /** Line number of the first character of `rest`. */
  private line = 1;
  private started = false;
  /** Dropping text up to the next line break, after a row given up on (see resync). */
  private skipping = false;

  constructor(private readonly maxRowChars = MAX_ROW_CHARS) {}

  /** Rows completed by this chunk, in order; a row it leaves unfinished waits for the next. */
  push(chunk: string): CsvRow[] {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return this.split(text, false);
  }

  /** The last row, when the text did not end with a line break. */
  end(): CsvRow[] {
    return this.split(this.rest, true);
  }

  private split(text: string, final: boolean): CsvRow[] {
    const rows: CsvRow[] = [];
    const n = text.length;
    let pos = 0;
    if (this.skipping) {
      const lf = text.indexOf('\n');
      if (lf < 0) {
        this.rest = '';
        return rows;
      }
      pos = lf + 1;
      this.line++;
      this.skipping = false;
    }
    while (pos < n) {
      // Empty lines are skipped, as csv-parse's skip_empty_lines did.
      const c = text.charCodeAt(pos);
      if (c === LF) {
        pos++;
        this.line++;
        continue;
      }
      if (c === CR && pos + 1 < n && text.charCodeAt(pos + 1) === LF) {
        pos += 2;
        this.line++;
        continue;
      }
      if (c === CR && pos + 1 >= n && !final) break;
      const row = this.row(text, pos, final);
      if (row === INCOMPLETE) {
        if (n - pos <= this.maxRowChars) break;
        const cut = this.resync(
          text,
          pos,
          `no row ends within ${this.maxRowChars.toLocaleString('en')} characters (a quote left open?); read again from the next line`,
        );
        rows.push(cut.row);
        pos = cut.next;
        continue;
      }
      rows.push(row.row);
      pos = row.next;
    }
    this.rest = pos < n ? text.slice(pos) : '';
    return rows;
  }

  /** Reads the row starting at `start`; line numbers advance past it. */
  private row(
    text: string,
    start: number,
    final: boolean,
  ): typeof INCOMPLETE | { row: CsvRow; next: number } {
    const n = text.length;
    const line = this.line;
    let breaks = 0;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close < 0 || (close + 1 >= n && !final)) {
            if (!final) return INCOMPLETE;
            return this.resync(
              text,
              start,
              'a quoted cell is not closed before the end of the file; read again from the next line',
            );
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          value += text.slice(from, close + 1);
          from = close + 2;
        }
        value += text.slice(from, close);
        breaks += countBreaks(text, i + 1, close);
        cells.push(value);
        i = close + 1;
      } else {
        let j = i;
        let c = -1;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR || c === QUOTE) break;
          j++;
        }
        if (j < n && c === QUOTE)
          return this.skipBad(text, start, j, line, breaks, final, 'a quote inside an unquoted cell');
        cells.push(text.slice(i, j));
        i = j;
      }
      // After a cell: a comma, a line break or the end.
      if (i >= n) {
        if (!final) return INCOMPLETE;
        return { row: { cells, line }, next: n };
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) {
        this.line += breaks + 1;
        return { row: { cells, line }, next: i + 1 };
      }
      if (c === CR) {
        if (i + 1 >= n) {
          if (!final) return INCOMPLETE;
          this.line += breaks;
          return { row: { cells, line }, next: n };
        }
        if (text.charCodeAt(i + 1) === LF) {
          this.line += breaks + 1;
          return { row: { cells, line }, next: i + 2 };
        }
      }
      return this.skipBad(text, start, i, line, breaks, final, 'text after the closing quote of a cell');
    }
  }

  /**
   * A row given up on: reported at the line it starts on, and reading starts again after that
   * line, as if its opening quote were not there, so the rows after it are not lost.
   */
  private resync(text: string, start: number, error: string): { row: CsvRow; next: number } {
    const line = this.line;
    const lf = text.indexOf('\n', start);
    if (lf < 0) {
      this.skipping = true;
      return { row: { error, line }, next: text.length };
    }
    this.line = line + 1;
    return { row: { error, line }, next: lf + 1 };
  }

  /**
   * A malformed row is reported and skipped up to the end of the line it goes wrong on; or, when a
   * quoted cell had carried it over a line break (a quote left open, closed by chance by a quote in
   * a later row), up to the end of the line it starts on, so the rows it ran into are read.
   */
  private skipBad(
    text: string,
    start: number,
    at: number,
    line: number,
    breaks: number,
    final: boolean,
    error: string,
  ): typeof INCOMPLETE | { row: CsvRow; next: number } {
    if (breaks > 0) return this.resync(text, start, `${error}; read again from the next line`);
    const end = text.indexOf('\n', at);
    if (end < 0) {
      if (!final) return INCOMPLETE;
      this.line += breaks;
      return { row: { error, line }, next: text.length };
    }
    this.line += breaks + 1;
    return { row: { error, line }, next: end + 1 };
  }
}

function countBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) k++;
  return k;
}
