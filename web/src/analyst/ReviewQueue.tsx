import { api, withQuery } from '../api/client.js';
import { navigate } from '../app/router.js';
import { mayReview, useSession } from '../app/session.js';
import { useAsync } from '../app/useAsync.js';
import type { MessageKey } from '../i18n/en.js';
import { useI18n } from '../i18n/I18n.js';
import { formatDateSpan, formatRange } from '../incidents/format.js';

const COLUMNS: { status: string; title: MessageKey }[] = [
  { status: 'new', title: 'review.new' },
  { status: 'in_review', title: 'review.inReview' },
  { status: 'ready_for_review', title: 'review.ready' },
];

/** GET /api/review/queue's rows (src/services/review/queue.ts). */
interface QueueItem {
  id: string;
  code: string;
  status: string;
  assignee: string | null;
  date: string | null;
  place: string | null;
  civiliansKilled: { min: number; max: number | null } | null;
  claims: number;
  sources: number;
}

function Column({ status, title }: { status: string; title: MessageKey }) {
  const i18n = useI18n();
  const { t } = i18n;
  const page = useAsync(
    (signal) =>
      api.get<{ items: QueueItem[] }>(
        withQuery('/api/review/queue', new URLSearchParams({ status })),
        signal,
      ),
    [status],
  );
  const items = page.data?.items ?? [];
  const lang = new URLSearchParams(window.location.search).get('lang');
  return (
    <section className="queue-column" aria-labelledby={`q-${status}`} data-testid={`queue-${status}`}>
      <h2 id={`q-${status}`}>
        {t(title)} <span className="muted">({i18n.num(items.length)})</span>
      </h2>
      {page.status === 'error' && <p role="alert">{t('common.error', { message: page.error.message })}</p>}
      {page.status === 'ok' && items.length === 0 && <p>{t('review.empty')}</p>}
      <ul>
        {items.map((it) => {
          const href = `/incidents/${it.code}${lang ? `?lang=${lang}` : ''}`;
          return (
            // Each part isolated: in Arabic the Latin code, a Latin place name and the digits of the
            // date otherwise merge into one left-to-right run and the parts come out of order.
            <li key={it.id}>
              <bdi>
                <a
                  href={href}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(href);
                  }}
                >
                  {it.code}
                </a>
              </bdi>{' '}
              <bdi>{it.place ?? ''}</bdi>
              {it.date && (
                <>
                  {' · '}
                  <bdi>{formatDateSpan(i18n, it.date)}</bdi>
                </>
              )}
              {' · '}
              <bdi>{formatRange(i18n, it.civiliansKilled)}</bdi>
              {status === 'in_review' && (
                <span className="muted">
                  {' '}
                  · {it.assignee ? t('review.by', { name: it.assignee }) : t('review.unassigned')}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReviewQueue() {
  const { t } = useI18n();
  const { user, loaded } = useSession();
  if (loaded && !mayReview(user)) {
    return (
      <main id="main">
        <p role="alert">{t('login.title')}</p>
      </main>
    );
  }
  return (
    <main id="main" className="review-queue">
      <h1>{t('review.title')}</h1>
      <div className="queue">
        {COLUMNS.map((c) => (
          <Column key={c.status} {...c} />
        ))}
      </div>
    </main>
  );
}
