import { useId } from 'react';
import { useI18n } from '../i18n/I18n.js';

interface Props {
  /** The label before the select, tied to it. */
  label: string;
  value: string;
  onChange(value: string): void;
  /** The codes offered, shown as the catalogue names them under `prefix` ("grading", "event"). */
  codes: readonly string[];
  prefix: string;
  /** Offers "–" first, for no value. */
  empty?: boolean;
  testId?: string;
}

/** A labelled select of codes from one of the domain's lists, each shown in the reader's language. */
export function CodeSelect({ label, value, onChange, codes, prefix, empty = false, testId }: Props) {
  const i18n = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {empty && <option value="">–</option>}
        {codes.map((code) => (
          <option key={code} value={code}>
            {i18n.code(prefix, code)}
          </option>
        ))}
      </select>
    </>
  );
}
