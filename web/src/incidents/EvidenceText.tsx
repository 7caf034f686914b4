import { useI18n } from '../i18n/I18n.js';
import { excerptBounds, type Span, segments } from './highlight.js';

/**
 * The report's own text with each evidence span marked. dir="auto" lets an Arabic report read
 * right-to-left inside an English page and the other way round.
 */
export function EvidenceText({ text, spans }: { text: string; spans: Span[] }) {
  const i18n = useI18n();
  const { start, end } = excerptBounds(text, spans);
  const local = spans.map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
  const parts = segments(text.slice(start, end), local);
  return (
    <blockquote className="report-text" dir="auto" data-testid="report-text">
      {start > 0 && '… '}
      {parts.map((p) =>
        p.fields.length ? (
          <mark
            key={p.start}
            title={i18n.t('incident.evidenceFor', {
              fields: p.fields.map((f) => i18n.code('field', f)).join(', '),
            })}
            data-fields={p.fields.join(' ')}
          >
            {p.text}
          </mark>
        ) : (
          <span key={p.start}>{p.text}</span>
        ),
      )}
      {end < text.length && ' …'}
    </blockquote>
  );
}
