import { useEffect, useId, useState } from 'react';
import { BELLIGERENTS, EVENT_TYPES, GRADINGS, INCIDENT_STATUSES } from '../../../src/domain/codes.js';
import { useI18n } from '../i18n/I18n.js';
import type { Admin1Entry, CountryEntry } from '../map/basemap.js';
import { EMPTY_FILTERS, type Filters } from '../state/query.js';

interface Props {
  filters: Filters;
  countries: CountryEntry[];
  admin1: Admin1Entry[];
  onChange(next: Filters): void;
}

interface Option {
  value: string;
  label: string;
}

/** A single-choice select that maps to a one-element list (the URL and API accept several). */
function SelectFilter({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string[];
  options: Option[];
  onChange(v: string[]): void;
  testId: string;
}) {
  const id = useId();
  const { t } = useI18n();
  const current = value.length === 1 ? (value[0] as string) : value.length ? value.join(',') : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={current}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value ? e.target.value.split(',') : [])}
      >
        <option value="">{t('filters.any')}</option>
        {value.length > 1 && <option value={current}>{value.join(', ')}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({ filters, countries, admin1, onChange }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [q, setQ] = useState(filters.q);
  const [copied, setCopied] = useState(false);
  const fromId = useId();
  const toId = useId();
  const qId = useId();

  useEffect(() => setQ(filters.q), [filters.q]);
  // Typing is debounced so each keystroke does not refetch the world.
  useEffect(() => {
    if (q === filters.q) return;
    const h = setTimeout(() => onChange({ ...filters, q }), 350);
    return () => clearTimeout(h);
  }, [q, filters, onChange]);

  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => onChange({ ...filters, [k]: v });
  const name = (e: { en: string; ar: string }) => (lang === 'ar' ? e.ar : e.en);
  const areaOptions = admin1
    .filter((a) => a.a1 && (filters.country.length === 0 || filters.country.includes(a.cc)))
    .map((a) => ({
      value: `${a.cc}.${a.a1}`,
      label: filters.country.length === 1 ? name(a) : `${name(a)} (${a.cc})`,
    }));

  return (
    <form className="filters" aria-label={t('filters.title')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={fromId}>{t('filters.from')}</label>
        <input
          id={fromId}
          type="date"
          value={filters.from ?? ''}
          data-testid="filter-from"
          onChange={(e) => set('from', e.target.value || null)}
        />
      </div>
      <div className="field">
        <label htmlFor={toId}>{t('filters.to')}</label>
        <input
          id={toId}
          type="date"
          value={filters.to ?? ''}
          data-testid="filter-to"
          onChange={(e) => set('to', e.target.value || null)}
        />
      </div>
      <SelectFilter
        label={t('filters.country')}
        testId="filter-country"
        value={filters.country}
        options={countries.map((c) => ({ value: c.code, label: name(c) }))}
        onChange={(v) =>
          onChange({
            ...filters,
            country: v,
            admin1: filters.admin1.filter((a) => v.some((c) => a.startsWith(`${c}.`))),
          })
        }
      />
      <SelectFilter
        label={t('filters.admin1')}
        testId="filter-admin1"
        value={filters.admin1}
        options={areaOptions}
        onChange={(v) => set('admin1', v)}
      />
      <SelectFilter
        label={t('filters.belligerent')}
        testId="filter-belligerent"
        value={filters.belligerent}
        options={BELLIGERENTS.map((b) => ({ value: b, label: i18n.code('bell', b) }))}
        onChange={(v) => set('belligerent', v)}
      />
      <SelectFilter
        label={t('filters.event')}
        testId="filter-event"
        value={filters.event}
        options={EVENT_TYPES.map((e) => ({ value: e, label: i18n.code('event', e) }))}
        onChange={(v) => set('event', v)}
      />
      <SelectFilter
        label={t('filters.grading')}
        testId="filter-grading"
        value={filters.grading}
        options={[...GRADINGS, 'ungraded'].map((g) => ({ value: g, label: i18n.code('grading', g) }))}
        onChange={(v) => set('grading', v)}
      />
      <SelectFilter
        label={t('filters.status')}
        testId="filter-status"
        value={filters.status}
        options={INCIDENT_STATUSES.map((s) => ({ value: s, label: i18n.code('status', s) }))}
        onChange={(v) => set('status', v)}
      />
      <div className="field grow">
        <label htmlFor={qId}>{t('filters.search')}</label>
        <input
          id={qId}
          type="search"
          value={q}
          data-testid="filter-q"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <div className="field actions">
        <button type="button" onClick={() => onChange(EMPTY_FILTERS)}>
          {t('filters.clear')}
        </button>
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(window.location.href).then(() => setCopied(true));
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {t('filters.share')}
        </button>
        <span role="status">{copied ? t('filters.copied') : ''}</span>
      </div>
    </form>
  );
}
