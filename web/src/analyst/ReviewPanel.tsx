import { type FormEvent, useId, useState } from 'react';
import { GRADINGS } from '../../../src/domain/codes.js';
import { ApiRequestError, api } from '../api/client.js';
import type { ClaimWithSource, IncidentDetail, IncidentView } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useI18n } from '../i18n/I18n.js';
import { type ActionName, runAction } from './actions.js';

interface Props {
  incident: IncidentView;
  claims: ClaimWithSource[];
  splitSelection: string[];
  onChanged(): void;
}

/** Every change an analyst can make to one incident; each reloads the page's data when it lands. */
export function ReviewPanel({ incident, claims, splitSelection, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [grading, setGrading] = useState(incident.grading ?? 'fair');
  const [mergeInto, setMergeInto] = useState('');
  const [place, setPlace] = useState(incident.placeName ?? '');
  const [civMin, setCivMin] = useState(incident.civiliansKilled ? String(incident.civiliansKilled.min) : '');
  const [civMax, setCivMax] = useState(
    incident.civiliansKilled?.max != null ? String(incident.civiliansKilled.max) : '',
  );
  const ids = { reason: useId(), grade: useId(), merge: useId(), place: useId(), min: useId(), max: useId() };
  // The version an action left the incident at. The page reloads the incident after each action,
  // but a second action taken before that reload lands (the "done" message shows first) sent the
  // version the first action had replaced, and was refused as a conflict.
  const [acted, setActed] = useState<{ id: string; version: number } | null>(null);
  const expectedVersion =
    acted && acted.id === incident.id ? Math.max(incident.version, acted.version) : incident.version;

  const run = async (
    action: ActionName,
    body: Record<string, unknown> = {},
    after?: (r: Record<string, unknown>) => void,
  ) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await runAction(incident.id, action, expectedVersion, {
        ...(reason ? { reason } : {}),
        ...body,
      });
      const changed = (r.incident as { id?: unknown; version?: unknown } | undefined) ?? {};
      if (changed.id === incident.id && typeof changed.version === 'number')
        setActed({ id: incident.id, version: changed.version });
      setMessage(t('review.done', { action }));
      if (after) after(r);
      else onChanged();
    } catch (e) {
      const err = e as Error;
      setMessage(
        err instanceof ApiRequestError && err.status === 409
          ? t('review.conflict')
          : t('review.failed', { message: err.message }),
      );
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = (e: FormEvent) => {
    e.preventDefault();
    const min = civMin.trim() === '' ? null : Number(civMin);
    const max = civMax.trim() === '' ? null : Number(civMax);
    const range = min === null ? null : { min, max };
    if (place !== (incident.placeName ?? '')) void run('edit', { fields: { place_name: place || null } });
    else void run('set-range', { range });
  };

  return (
    <section className="review-panel" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title">{t('review.actions')}</h2>
      <div className="field">
        <label htmlFor={ids.reason}>{t('review.reason')}</label>
        <input id={ids.reason} value={reason} onChange={(e) => setReason(e.target.value)} dir="auto" />
      </div>
      <div className="button-row">
        {incident.status === 'new' && (
          <button
            type="button"
            disabled={busy}
            data-testid="action-assign"
            onClick={() => void run('assign', { assignee: user?.name ?? '' })}
          >
            {t('review.startReview')}
          </button>
        )}
        {incident.status === 'in_review' && (
          <button
            type="button"
            disabled={busy}
            data-testid="action-submit"
            onClick={() => void run('submit')}
          >
            {t('review.markReady')}
          </button>
        )}
        {incident.status === 'ready_for_review' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void run('publish')}
            data-testid="action-publish"
          >
            {t('review.publish')}
          </button>
        )}
        {['published', 'discounted', 'duplicate', 'unverifiable'].includes(incident.status) && (
          <button type="button" disabled={busy} onClick={() => void run('reopen')}>
            {t('review.reopen')}
          </button>
        )}
      </div>
      <div className="button-row">
        <label htmlFor={ids.grade}>{t('review.grade')}</label>
        <select
          id={ids.grade}
          value={grading}
          onChange={(e) => setGrading(e.target.value)}
          data-testid="grade-select"
        >
          {GRADINGS.map((g) => (
            <option key={g} value={g}>
              {i18n.code('grading', g)}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={busy}
          onClick={() => void run('grade', { grading })}
          data-testid="action-grade"
        >
          {t('review.grade')}
        </button>
      </div>
      <ul className="claim-actions">
        {claims.map((c) => (
          <li key={c.id}>
            {/* The name is isolated, in its own direction; the line follows the page's, so an Arabic
                name in English still reads "name — status". */}
            <span>
              <bdi>{c.report.source?.name ?? c.report.title ?? c.reportId}</bdi> —{' '}
              {i18n.code('claimStatus', c.status)}
            </span>
            <button
              type="button"
              disabled={busy || c.status === 'accepted'}
              onClick={() => void run('accept-claim', { claim: c.id })}
              data-testid="action-accept"
            >
              {t('review.accept')}
            </button>
            <button
              type="button"
              disabled={busy || c.status === 'rejected'}
              onClick={() => void run('reject-claim', { claim: c.id })}
            >
              {t('review.reject')}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('review.mergeHint')}</p>
      <div className="button-row">
        <label htmlFor={ids.merge}>{t('review.mergeTarget')}</label>
        <input id={ids.merge} value={mergeInto} onChange={(e) => setMergeInto(e.target.value)} />
        <button
          type="button"
          disabled={busy || !mergeInto}
          onClick={() =>
            void api
              .get<IncidentDetail>(`/api/incidents/${encodeURIComponent(mergeInto)}`)
              .then((other) =>
                run('merge', { source: other.incident.id, sourceVersion: other.incident.version }),
              )
              .catch((e: Error) => setMessage(t('review.failed', { message: e.message })))
          }
        >
          {t('review.merge')}
        </button>
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={busy || splitSelection.length === 0}
          onClick={() =>
            void run('split', { claims: splitSelection }, (r) => {
              const created = typeof r.created === 'string' ? r.created : null;
              if (created) navigate(`/incidents/${created}`);
              else onChanged();
            })
          }
        >
          {t('review.split')}
        </button>
      </div>
      <form className="edit" onSubmit={saveEdit}>
        <h3>{t('review.edit')}</h3>
        <div className="field">
          <label htmlFor={ids.place}>{t('review.placeName')}</label>
          <input id={ids.place} value={place} onChange={(e) => setPlace(e.target.value)} dir="auto" />
        </div>
        <div className="field">
          <label htmlFor={ids.min}>{t('review.civMin')}</label>
          <input
            id={ids.min}
            inputMode="numeric"
            value={civMin}
            onChange={(e) => setCivMin(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.max}>{t('review.civMax')}</label>
          <input
            id={ids.max}
            inputMode="numeric"
            value={civMax}
            onChange={(e) => setCivMax(e.target.value)}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('review.save')}
        </button>
      </form>
      <p role="status" data-testid="review-status">
        {message}
      </p>
    </section>
  );
}
