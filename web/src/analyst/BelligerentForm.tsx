import { useState } from 'react';
import { BELLIGERENTS } from '../../../src/domain/codes.js';
import { BELLIGERENT_ASSESSMENTS, BELLIGERENT_ROLES } from '../../../src/domain/review.js';
import type { IncidentDetail } from '../api/types.js';
import { useI18n } from '../i18n/I18n.js';
import type { ActionName } from './actions.js';
import { CodeSelect } from './CodeSelect.js';

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
  const { t } = useI18n();
  const first = entries[0];
  const [belligerent, setBelligerent] = useState<string>(first?.belligerent ?? BELLIGERENTS[0]);
  const held = entries.find((e) => e.belligerent === belligerent);
  const [role, setRole] = useState<string>(first?.role ?? 'suspected');
  const [assessment, setAssessment] = useState<string>(first?.assessment ?? 'not_assessed');
  const choose = (code: string) => {
    setBelligerent(code);
    const entry = entries.find((e) => e.belligerent === code);
    setRole(entry?.role ?? 'suspected');
    setAssessment(entry?.assessment ?? 'not_assessed');
  };
  return (
    <fieldset className="belligerent-form button-row" data-testid="belligerent-form">
      <legend>{t('incident.belligerents')}</legend>
      <CodeSelect
        label={t('review.belligerent')}
        value={belligerent}
        onChange={choose}
        codes={BELLIGERENTS}
        prefix="bell"
        testId="belligerent-select"
      />
      <CodeSelect
        label={t('incident.role')}
        value={role}
        onChange={setRole}
        codes={BELLIGERENT_ROLES}
        prefix="role"
        testId="belligerent-role"
      />
      <CodeSelect
        label={t('incident.assessment')}
        value={assessment}
        onChange={setAssessment}
        codes={BELLIGERENT_ASSESSMENTS}
        prefix="assessment"
        testId="belligerent-assessment"
      />
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
