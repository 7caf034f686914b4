import { useEffect, useRef, useState } from 'react';
import { api, withQuery } from '../api/client.js';
import type { IncidentView, Page } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useI18n } from '../i18n/I18n.js';
import { apiQuery, type Filters } from '../state/query.js';
import { formatDateSpan, formatRange } from './format.js';

const SORTS = ['-date', 'date', 'code', '-updated'] as const;

interface Props {
  filters: Filters;
  sort: string;
  onSort(sort: string): void;
  /** Changes whenever data may have changed server-side (after a review action). */
  version?: number;
}

export function IncidentList({ filters, sort, onSort, version }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const [items, setItems] = useState<IncidentView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // Which query the list shows: a page asked for under an earlier one is dropped, not appended.
  const query = useRef(0);

  const load = async (cursor: string | null, signal?: AbortSignal) => {
    const q = apiQuery(filters);
    q.set('sort', SORTS.includes(sort as (typeof SORTS)[number]) ? sort : '-date');
    q.set('limit', '50');
    if (cursor) q.set('cursor', cursor);
    return api.get<Page<IncidentView>>(withQuery('/api/incidents', q), signal);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the query changes
  useEffect(() => {
    const ctrl = new AbortController();
    query.current++;
    setLoading(true);
    setLoadingMore(false);
    load(null, ctrl.signal).then(
      (p) => {
        setItems(p.items);
        setNext(p.next);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (!ctrl.signal.aborted) {
          setError(e.message);
          setLoading(false);
        }
      },
    );
    return () => ctrl.abort();
  }, [filters, sort, version]);

  const loadMore = () => {
    if (!next || loadingMore) return;
    const asked = query.current;
    setLoadingMore(true);
    load(next).then(
      (p) => {
        if (asked !== query.current) return;
        setItems((xs) => [...xs, ...p.items]);
        setNext(p.next);
        setError(null);
        setLoadingMore(false);
      },
      (e: Error) => {
        if (asked !== query.current) return;
        // The rows already shown stay; the button stays to try again.
        setError(e.message);
        setLoadingMore(false);
      },
    );
  };

  return (
    <section className="list-panel" aria-labelledby="list-title">
      <div className="panel-head">
        <h2 id="list-title">{t('list.title')}</h2>
        <span className="muted" aria-live="polite">
          {loading ? t('common.loading') : t('list.count', { count: items.length })}
        </span>
        <label className="inline">
          {t('list.sort')}{' '}
          <select value={sort} onChange={(e) => onSort(e.target.value)} data-testid="list-sort">
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {!loading && items.length === 0 && !error && <p>{t(user ? 'list.empty' : 'list.emptyPublic')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="incidents" data-testid="incident-table">
            <thead>
              <tr>
                <th scope="col">{t('col.code')}</th>
                <th scope="col">{t('col.date')}</th>
                <th scope="col">{t('col.place')}</th>
                <th scope="col">{t('col.civilians')}</th>
                <th scope="col">{t('col.grading')}</th>
                <th scope="col">{t('col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((it) => (
                <tr key={it.id}>
                  <td>
                    <a
                      href={`/incidents/${it.code}${window.location.search}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate(`/incidents/${it.code}${window.location.search}`);
                      }}
                    >
                      {it.code}
                    </a>
                  </td>
                  <td>{formatDateSpan(i18n, it.date)}</td>
                  <td dir="auto">{it.placeName ?? '–'}</td>
                  <td className="num">{formatRange(i18n, it.civiliansKilled)}</td>
                  <td>{it.grading ? i18n.code('grading', it.grading) : t('grading.ungraded')}</td>
                  <td>{i18n.code('status', it.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button
          type="button"
          onClick={loadMore}
          disabled={loadingMore}
          aria-busy={loadingMore}
          data-testid="list-more"
        >
          {loadingMore ? t('common.loading') : t('list.more')}
        </button>
      )}
    </section>
  );
}
