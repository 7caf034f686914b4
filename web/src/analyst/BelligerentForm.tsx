import { useId, useState } from 'react';
import { BELLIGERENTS } from '../../../src/domain/codes.js';
import { BELLIGERENT_ASSESSMENTS, BELLIGERENT_ROLES } from '../../../src/domain/review.js';
import type { IncidentDetail } from '../api/types.js';
import { useI18n } from '../i18n/I18n.js';
import type { ActionName } from './actions.js';

interface Props {
  entries: IncidentDetail['belligerentRoles'];
  busy: boolean;
  run(action: ActionName, body: Record<string, unknown>): void;
}

/**
 * One belligerent's entry on an incident: whether its part is known or suspected, and its own
 * assessment of the civilian harm claims (Airwars' belligerent assessment); or its removal.
 */
export function BelligerentForm({ entries, busy, run }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const first = entries[0];
  const [belligerent, setBelligerent] = useState<string>(first?.belligerent ?? BELLIGERENTS[0]);
  const held = entries.find((e) => e.belligerent === belligerent);
  const [role, setRole] = useState<string>(first?.role ?? 'suspected');
  const [assessment, setAssessment] = useState<string>(first?.assessment ?? 'not_assessed');
  const ids = { belligerent: useId(), role: useId(), assessment: useId() };
  const choose = (code: string) => {
    setBelligerent(code);
    const entry = entries.find((e) => e.belligerent === code);
    setRole(entry?.role ?? 'suspected');
    setAssessment(entry?.assessment ?? 'not_assessed');
  };
  return (
    <fieldset className="belligerent-form button-row" data-testid="belligerent-form">
      <legend>{t('incident.belligerents')}</legend>
      <label htmlFor={ids.belligerent}>{t('review.belligerent')}</label>
      <select
        id={ids.belligerent}
        value={belligerent}
        onChange={(e) => choose(e.target.value)}
        data-testid="belligerent-select"
      >
        {BELLIGERENTS.map((b) => (
          <option key={b} value={b}>
            {i18n.code('bell', b)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.role}>{t('incident.role')}</label>
      <select
        id={ids.role}
        value={role}
        onChange={(e) => setRole(e.target.value)}
        data-testid="belligerent-role"
      >
        {BELLIGERENT_ROLES.map((r) => (
          <option key={r} value={r}>
            {i18n.code('role', r)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.assessment}>{t('incident.assessment')}</label>
      <select
        id={ids.assessment}
        value={assessment}
        onChange={(e) => setAssessment(e.target.value)}
        data-testid="belligerent-assessment"
      >
        {BELLIGERENT_ASSESSMENTS.map((a) => (
          <option key={a} value={a}>
            {i18n.code('assessment', a)}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={busy}
        onClick={() => run('belligerent', { belligerent, role, assessment })}
        data-testid="action-belligerent"
      >
        {t('review.setBelligerent')}
      </button>
      <button
        type="button"
        disabled={busy || !held}
        onClick={() => run('belligerent', { belligerent, remove: true })}
      >
        {t('review.removeBelligerent')}
      </button>
    </fieldset>
  );
}
