import { useI18n } from '../i18n/I18n.js';

interface Props {
  id: string;
  value: string;
  onChange(value: string): void;
  /** The codes offered, shown as the catalogue names them under `prefix` ("grading", "event"). */
  codes: readonly string[];
  prefix: string;
  /** Offers "–" first, for no value. */
  empty?: boolean;
  testId?: string;
}

/** A select of codes from one of the domain's lists, each shown in the reader's language. */
export function CodeSelect({ id, value, onChange, codes, prefix, empty = false, testId }: Props) {
  const i18n = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
      {empty && <option value="">–</option>}
      {codes.map((code) => (
        <option key={code} value={code}>
          {i18n.code(prefix, code)}
        </option>
      ))}
    </select>
  );
}
