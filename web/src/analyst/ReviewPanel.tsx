import { type FormEvent, useEffect, useId, useState } from 'react';
import { EVENT_TYPES, GRADINGS, STRIKE_STATUSES } from '../../../src/domain/codes.js';
import { ApiRequestError, api } from '../api/client.js';
import type { ClaimWithSource, IncidentDetail, IncidentView } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useI18n } from '../i18n/I18n.js';
import { type ActionName, runAction } from './actions.js';
import { BelligerentForm } from './BelligerentForm.js';
import { CodeSelect } from './CodeSelect.js';
import { type EditForm, editFormOf, editSteps } from './edit-steps.js';

interface Props {
  incident: IncidentView;
  claims: ClaimWithSource[];
  belligerents: IncidentDetail['belligerentRoles'];
  splitSelection: string[];
  onChanged(): void;
}

/** Every change an analyst can make to one incident; each reloads the page's data when it lands. */
export function ReviewPanel({ incident, claims, belligerents, splitSelection, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [grading, setGrading] = useState(incident.grading ?? 'fair');
  const [mergeInto, setMergeInto] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [strike, setStrike] = useState(incident.strikeStatus ?? STRIKE_STATUSES[0]);
  const [form, setForm] = useState<EditForm>(() => editFormOf(incident));
  // The form shows the incident as it now is: each action reloads it, and a form still holding the
  // values from before would send them back as changes.
  useEffect(() => setForm(editFormOf(incident)), [incident]);
  const set = (k: keyof EditForm) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const ids = {
    reason: useId(),
    merge: useId(),
    duplicate: useId(),
  };
  // The version an action left the incident at. The page reloads the incident after each action,
  // but a second action taken before that reload lands (the "done" message shows first) sent the
  // version the first action had replaced, and was refused as a conflict.
  const [acted, setActed] = useState<{ id: string; version: number } | null>(null);
  const expectedVersion =
    acted && acted.id === incident.id ? Math.max(incident.version, acted.version) : incident.version;

  const run = (
    action: ActionName,
    body: Record<string, unknown> = {},
    after?: (r: Record<string, unknown>) => void,
  ) => runAll([[action, body]], after);

  /** Actions one after another, each sent with the version the one before left. */
  const runAll = async (
    steps: [ActionName, Record<string, unknown>][],
    after?: (r: Record<string, unknown>) => void,
  ) => {
    setBusy(true);
    setMessage(null);
    let landed = 0;
    try {
      let version = expectedVersion;
      let r: Record<string, unknown> = {};
      for (const [action, body] of steps) {
        r = await runAction(incident.id, action, version, { ...(reason ? { reason } : {}), ...body });
        landed++;
        const changed = (r.incident as { id?: unknown; version?: unknown } | undefined) ?? {};
        if (changed.id === incident.id && typeof changed.version === 'number') {
          version = changed.version;
          setActed({ id: incident.id, version });
        }
      }
      setMessage(t('review.done', { action: steps.map(([a]) => a).join(', ') }));
      if (after) after(r);
      else onChanged();
    } catch (e) {
      const err = e as Error;
      setMessage(
        err instanceof ApiRequestError && err.status === 409
          ? t('review.conflict')
          : t('review.failed', { message: err.message }),
      );
      // The steps before the one refused did land: the page shows them.
      if (landed > 0) onChanged();
    } finally {
      setBusy(false);
    }
  };

  // Only what changed is sent: a Save that also sent the unchanged range set it by hand, and the
  // range no longer followed the claims; one that changed the place and the range kept the place only.
  const saveEdit = (e: FormEvent) => {
    e.preventDefault();
    const steps = editSteps(incident, form);
    if (steps.length === 0) setMessage(t('review.nothingChanged'));
    else void runAll(steps);
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
          <>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run('publish')}
              data-testid="action-publish"
            >
              {t('review.publish')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run('discount')}
              data-testid="action-discount"
            >
              {t('review.discount')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run('unverifiable')}>
              {t('review.unverifiable')}
            </button>
          </>
        )}
        {['ready_for_review', 'published', 'discounted', 'duplicate', 'unverifiable'].includes(
          incident.status,
        ) && (
          <button type="button" disabled={busy} onClick={() => void run('reopen')}>
            {t('review.reopen')}
          </button>
        )}
      </div>
      {incident.status === 'ready_for_review' && (
        <div className="button-row">
          <label htmlFor={ids.duplicate}>{t('review.duplicateOf')}</label>
          <input id={ids.duplicate} value={duplicateOf} onChange={(e) => setDuplicateOf(e.target.value)} />
          <button
            type="button"
            disabled={busy || !duplicateOf.trim()}
            onClick={() => void run('mark-duplicate', { of: duplicateOf.trim() })}
          >
            {t('review.markDuplicate')}
          </button>
        </div>
      )}
      <div className="button-row">
        <CodeSelect
          label={t('review.grade')}
          value={grading}
          onChange={setGrading}
          codes={GRADINGS}
          prefix="grading"
          testId="grade-select"
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => void run('grade', { grading })}
          data-testid="action-grade"
        >
          {t('review.grade')}
        </button>
      </div>
      <div className="button-row">
        <CodeSelect
          label={t('incident.strikeStatus')}
          value={strike}
          onChange={setStrike}
          codes={STRIKE_STATUSES}
          prefix="strike"
          testId="strike-select"
        />
        <button
          type="button"
          disabled={busy}
          onClick={() => void run('strike-status', { strikeStatus: strike })}
          data-testid="action-strike"
        >
          {t('review.setStrike')}
        </button>
      </div>
      <BelligerentForm entries={belligerents} busy={busy} run={(action, body) => void run(action, body)} />
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
        <TextField
          label={t('review.placeName')}
          value={form.place}
          onChange={set('place')}
          dir="auto"
          testId="edit-place"
        />
        <TextField
          label={t('review.dateFrom')}
          value={form.from}
          onChange={set('from')}
          type="date"
          testId="edit-from"
        />
        <TextField
          label={t('review.dateTo')}
          value={form.to}
          onChange={set('to')}
          type="date"
          testId="edit-to"
        />
        <div className="field">
          <CodeSelect
            label={t('incident.event')}
            value={form.event}
            onChange={set('event')}
            codes={EVENT_TYPES}
            prefix="event"
            empty
            testId="edit-event"
          />
        </div>
        <div className="field">
          <CodeSelect
            label={t('incident.target')}
            value={form.target}
            onChange={set('target')}
            codes={[...new Set([...i18n.codes('target'), ...(form.target ? [form.target] : [])])]}
            prefix="target"
            empty
            testId="edit-target"
          />
        </div>
        <TextField
          label={t('review.civMin')}
          value={form.min}
          onChange={set('min')}
          numeric
          testId="edit-min"
        />
        <TextField
          label={t('review.civMax')}
          value={form.max}
          onChange={set('max')}
          numeric
          testId="edit-max"
        />
        <button type="submit" disabled={busy} data-testid="edit-save">
          {t('review.save')}
        </button>
      </form>
      <p role="status" data-testid="review-status">
        {message}
      </p>
    </section>
  );
}

/** One labelled input of the edit form. */
function TextField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date';
  numeric?: boolean;
  dir?: 'auto';
  testId: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        inputMode={props.numeric ? 'numeric' : undefined}
        dir={props.dir}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </div>
  );
}
