/** A problem with one input, naming where it is (file, line, field). */
export class InputError extends Error {
  constructor(
    message: string,
    readonly origin: string,
    readonly line: number | null = null,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** "file.jsonl:12 (published): not a real date: 2017-02-30" */
  get where(): string {
    return `${this.origin}${this.line !== null ? `:${this.line}` : ''}${this.field ? ` (${this.field})` : ''}`;
  }
}
