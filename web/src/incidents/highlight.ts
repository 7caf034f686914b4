/**
 * Splits a report's text into plain and highlighted segments from evidence spans, which may
 * overlap (a number can support both "killed" and "civiliansKilled").
 */

export interface Span {
  start: number;
  end: number;
  field: string;
}

export interface Segment {
  text: string;
  start: number;
  /** The fields this piece of text is evidence for; empty for plain text. */
  fields: string[];
}

export function segments(text: string, spans: readonly Span[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    const fields = [...new Set(valid.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))].sort();
    const prev = out[out.length - 1];
    if (prev && prev.fields.join() === fields.join()) prev.text += text.slice(a, b);
    else out.push({ text: text.slice(a, b), start: a, fields });
  }
  return out;
}

/** The paragraph-sized window of text around the spans, so long reports show only what matters. */
export function excerptBounds(
  text: string,
  spans: readonly Span[],
  margin = 400,
): { start: number; end: number } {
  if (spans.length === 0) return { start: 0, end: Math.min(text.length, margin * 2) };
  const lo = Math.min(...spans.map((s) => s.start));
  const hi = Math.max(...spans.map((s) => s.end));
  let start = Math.max(0, lo - margin);
  let end = Math.min(text.length, hi + margin);
  const para = text.lastIndexOf('\n', lo);
  if (para >= start) start = para + 1;
  const paraEnd = text.indexOf('\n', hi);
  if (paraEnd !== -1 && paraEnd <= end) end = paraEnd;
  return { start, end };
}
