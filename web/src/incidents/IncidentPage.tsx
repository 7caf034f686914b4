import { useState } from 'react';
import { ReviewPanel } from '../analyst/ReviewPanel.js';
import { ApiRequestError, api } from '../api/client.js';
import type { AuditEntry, ClaimWithSource, IncidentDetail, ReportText } from '../api/types.js';
import { navigate } from '../app/router.js';
import { mayReview, useSession } from '../app/session.js';
import { useAsync } from '../app/useAsync.js';
import { useI18n } from '../i18n/I18n.js';
import { isolated } from '../i18n/messages.js';
import { EvidenceText } from './EvidenceText.js';
import { formatDateSpan, formatRange } from './format.js';
import { MapInset } from './MapInset.js';

function Claim({
  claim,
  canReadReports,
  selectable,
  selected,
  onSelect,
}: {
  claim: ClaimWithSource;
  canReadReports: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect(on: boolean): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const report = useAsync(
    (signal) =>
      canReadReports
        ? api
            .get<{ report: ReportText }>(`/api/reports/${encodeURIComponent(claim.reportId)}`, signal)
            .then((r) => r.report)
        : Promise.resolve(null),
    [claim.reportId, canReadReports],
  );
  const src = claim.report.source;
  const source = src
    ? src.sensitive && !src.name
      ? t('incident.protectedSource')
      : src.name
    : t('incident.unknownSource');
  const spans = claim.quotes.map((q) => ({ start: q.start, end: q.end, field: q.field }));
  return (
    <article className="claim" data-testid="claim" data-claim-id={claim.id}>
      <header>
        <h3>
          {t('incident.claimFrom', {
            source: isolated(source),
            date: claim.report.published ? i18n.date(claim.report.published) : t('common.unknown'),
          })}
        </h3>
        <span className={`badge claim-${claim.status}`}>{i18n.code('claimStatus', claim.status)}</span>
        {selectable && (
          <label className="inline">
            <input type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} />{' '}
            {t('review.selectClaim')}
          </label>
        )}
      </header>
      {claim.report.title && (
        <p className="report-title" dir="auto">
          {claim.report.url ? (
            <a href={claim.report.url} rel="noreferrer noopener" target="_blank">
              {claim.report.title}
            </a>
          ) : (
            claim.report.title
          )}
        </p>
      )}
      <dl className="claim-facts">
        <div>
          <dt>{t('incident.civilians')}</dt>
          <dd>{formatRange(i18n, claim.civiliansKilled)}</dd>
        </div>
        <div>
          <dt>{t('incident.place')}</dt>
          <dd dir="auto">{claim.placeName ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('incident.belligerents')}</dt>
          <dd>{claim.belligerents.map((b) => i18n.code('bell', b)).join(', ') || '–'}</dd>
        </div>
        {claim.target && (
          <div>
            <dt>{t('incident.target')}</dt>
            <dd dir="auto">{i18n.code('target', claim.target)}</dd>
          </div>
        )}
      </dl>
      {claim.hedged && <p className="hedged">{t('incident.hedged')}</p>}
      {report.data?.text ? (
        <EvidenceText text={report.data.text} spans={spans} />
      ) : claim.quotes.length ? (
        <ul className="quotes">
          {claim.quotes.map((q) => (
            <li key={`${q.start}-${q.field}`}>
              <span className="muted">{i18n.code('field', q.field)}: </span>
              <mark dir="auto">{q.text}</mark>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('incident.noEvidence')}</p>
      )}
    </article>
  );
}

export function IncidentPage({ id }: { id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const [version, setVersion] = useState(0);
  const [split, setSplit] = useState<Set<string>>(new Set());
  const detail = useAsync(
    (signal) => api.get<IncidentDetail>(`/api/incidents/${encodeURIComponent(id)}`, signal),
    [id, version],
  );
  const history = useAsync(
    (signal) =>
      api
        .get<{ items: AuditEntry[] }>(`/api/incidents/${encodeURIComponent(id)}/history`, signal)
        .then((r) => r.items)
        .catch(() => [] as AuditEntry[]),
    [id, version],
  );
  const analyst = mayReview(user);

  if (detail.status === 'error' && !detail.data) {
    // Only a 404 means there is no such incident (or none this reader may see); a server or
    // network failure must not tell a reader that an incident does not exist.
    const missing = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return (
      <main id="main" className="incident-page">
        {/* The heading stays a heading (an alert role on it would hide it from the outline). */}
        <div role="alert">
          <h1 data-testid="incident-error">
            {missing ? t('incident.notFound') : t('common.error', { message: detail.error.message })}
          </h1>
        </div>
        {!missing && (
          <button type="button" onClick={() => detail.reload()}>
            {t('common.retry')}
          </button>
        )}
        <BackLink />
      </main>
    );
  }
  if (!detail.data)
    return (
      <main id="main" className="incident-page">
        <p>{t('common.loading')}</p>
      </main>
    );
  const { incident: inc, claims, dataset } = detail.data;
  const assessments = detail.data.belligerentRoles;

  return (
    <main id="main" className="incident-page" data-testid="incident-page">
      <BackLink />
      <h1>
        {inc.code}{' '}
        <span className="muted" dir="auto">
          {inc.placeName ?? ''}
        </span>
      </h1>
      <div className="incident-top">
        <section aria-labelledby="facts-title" className="facts">
          <h2 id="facts-title">{t('incident.facts')}</h2>
          <dl>
            <div>
              <dt>{t('incident.date')}</dt>
              <dd>{formatDateSpan(i18n, inc.date)}</dd>
            </div>
            <div>
              <dt>{t('incident.place')}</dt>
              <dd dir="auto">{[inc.placeName, inc.country].filter(Boolean).join(', ') || '–'}</dd>
            </div>
            <div>
              <dt>{t('incident.event')}</dt>
              <dd>{i18n.code('event', inc.event)}</dd>
            </div>
            {inc.target && (
              <div>
                <dt>{t('incident.target')}</dt>
                <dd dir="auto">{i18n.code('target', inc.target)}</dd>
              </div>
            )}
            <div>
              <dt>{t('incident.civilians')}</dt>
              <dd className="big" data-testid="incident-range">
                {formatRange(i18n, inc.civiliansKilled)}
              </dd>
            </div>
            <div>
              <dt>{t('incident.killed')}</dt>
              <dd>{formatRange(i18n, inc.killed)}</dd>
            </div>
            <div>
              <dt>{t('incident.injured')}</dt>
              <dd>{formatRange(i18n, inc.injured)}</dd>
            </div>
            <div>
              <dt>{t('incident.status')}</dt>
              <dd data-testid="incident-status">{i18n.code('status', inc.status)}</dd>
            </div>
            {inc.strikeStatus && (
              <div>
                <dt>{t('incident.strikeStatus')}</dt>
                <dd>{i18n.code('strike', inc.strikeStatus)}</dd>
              </div>
            )}
          </dl>
          {inc.attribution && (
            <p className="credits" data-testid="incident-attribution">
              {t('incident.dataSource')}: <bdi>{inc.attribution}</bdi>
            </p>
          )}
          {inc.civOverrideReason && <p>{t('incident.override', { reason: inc.civOverrideReason })}</p>}
          <p className="rule muted">{t('totals.rangeRule')}</p>
          <h3>{t('incident.grading')}</h3>
          <p data-testid="incident-grading">
            <strong>{inc.grading ? i18n.code('grading', inc.grading) : t('incident.ungraded')}</strong>
            {inc.grading && <> — {i18n.code('gradingDef', inc.grading)}</>}
          </p>
          <h3>{t('incident.belligerents')}</h3>
          {assessments.length ? (
            <table className="belligerents">
              <thead>
                <tr>
                  <th scope="col">{t('incident.belligerents')}</th>
                  <th scope="col">{t('incident.role')}</th>
                  <th scope="col">{t('incident.assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((b) => (
                  <tr key={b.belligerent}>
                    <td>{i18n.code('bell', b.belligerent)}</td>
                    <td>{i18n.code('role', b.role)}</td>
                    <td>{i18n.code('assessment', b.assessment)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('common.none')}</p>
          )}
        </section>
        <MapInset lat={inc.lat} lon={inc.lon} precision={inc.geoPrecision} />
      </div>
      {analyst && (
        <ReviewPanel
          incident={inc}
          claims={claims}
          belligerents={assessments}
          splitSelection={[...split]}
          onChanged={() => {
            setSplit(new Set());
            setVersion((v) => v + 1);
          }}
        />
      )}
      <section aria-labelledby="claims-title">
        <h2 id="claims-title">{t('incident.claims')}</h2>
        {claims.length === 0 && <p>{inc.attribution ? t('incident.imported') : t('common.none')}</p>}
        {dataset && dataset.sources.length > 0 && (
          <section aria-labelledby="dataset-sources-title" data-testid="dataset-sources">
            <h3 id="dataset-sources-title">
              {t('incident.datasetSources', {
                row: isolated(`${dataset.name.toUpperCase()} ${dataset.id ?? ''}`.trim()),
              })}
            </h3>
            <ul>
              {dataset.sources.map((c) => (
                <li key={[c.name, c.published, c.title, c.url].join('\u0000')}>
                  <bdi>{c.name ?? t('incident.unknownSource')}</bdi>
                  {', '}
                  {c.published ? i18n.date(c.published) : t('common.unknown')}
                  {c.title && (
                    <>
                      {': '}
                      {c.url ? (
                        <a href={c.url} rel="noreferrer noopener" target="_blank" dir="auto">
                          {c.title}
                        </a>
                      ) : (
                        <q dir="auto">{c.title}</q>
                      )}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {claims.map((c) => (
          <Claim
            key={c.id}
            claim={c}
            canReadReports={user !== null}
            selectable={analyst}
            selected={split.has(c.id)}
            onSelect={(on) =>
              setSplit((s) => {
                const n = new Set(s);
                if (on) n.add(c.id);
                else n.delete(c.id);
                return n;
              })
            }
          />
        ))}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('incident.history')}</h2>
        {history.data?.length ? (
          <ol className="history" data-testid="history">
            {history.data.map((h) => (
              <li key={h.seq}>
                <time dateTime={h.at}>{i18n.dateTime(h.at)}</time> —{' '}
                <strong data-action={h.action}>{i18n.code('audit', h.action)}</strong>,{' '}
                {h.actor ? (
                  <bdi>{t('incident.historyBy', { actor: h.actor })}</bdi>
                ) : (
                  t('incident.historyAutomatic')
                )}
                {/* The colon stays in the page's direction, outside the reason's own: inside an
                    English reason on an Arabic page it went to the far end, and the reason ran into
                    the analyst's name. */}
                {h.reason && (
                  <>
                    : <bdi>{h.reason}</bdi>
                  </>
                )}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('incident.noHistory')}</p>
        )}
      </section>
    </main>
  );
}

function BackLink() {
  const { t } = useI18n();
  const href = `/${window.location.search}`;
  return (
    <a
      href={href}
      className="back"
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {t('incident.back')}
    </a>
  );
}
