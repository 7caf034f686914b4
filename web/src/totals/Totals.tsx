import { GRADE_NAMES, type GradeName } from '../../../src/domain/map-clusters.js';
import { combine, type Totals as T } from '../data/points.js';
import { useI18n } from '../i18n/I18n.js';
import { formatRange } from '../incidents/format.js';

/** `failed`: the data behind the totals could not be loaded, so they are not on their way either. */
export function Totals({
  totals,
  failed = false,
}: {
  totals: Record<GradeName, T> | null;
  failed?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const headline = totals ? combine([totals.confirmed, totals.fair]) : null;
  return (
    <section className="totals-panel" aria-labelledby="totals-title" aria-live="polite">
      <h2 id="totals-title">{t('totals.title')}</h2>
      {headline && totals ? (
        <>
          <p className="headline">
            <span className="big" data-testid="headline-range">
              {formatRange(i18n, headline.civilians)}
            </span>
            <span>{t('totals.headline')}</span>
            <span className="muted">{t('totals.incidents', { count: headline.incidents })}</span>
          </p>
          <h3>{t('totals.byGrade')}</h3>
          <dl className="grade-totals">
            {GRADE_NAMES.filter((g) => g !== 'confirmed' && g !== 'fair').map((g) => (
              <div key={g}>
                <dt>{i18n.code('grading', g)}</dt>
                <dd>
                  {formatRange(i18n, totals[g].civilians)}{' '}
                  <span className="muted">({t('totals.incidents', { count: totals[g].incidents })})</span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : failed ? (
        <p data-testid="totals-unavailable">{t('totals.unavailable')}</p>
      ) : (
        <p>{t('common.loading')}</p>
      )}
      <div className="rule" data-testid="counting-rule">
        <h3>{t('totals.rule')}</h3>
        <p>{t('totals.sumRule')}</p>
        <p>{t('totals.rangeRule')}</p>
      </div>
    </section>
  );
}
