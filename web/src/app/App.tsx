import { LoginPage } from '../analyst/LoginPage.js';
import { ReviewQueue } from '../analyst/ReviewQueue.js';
import { I18nProvider, useI18n } from '../i18n/I18n.js';
import { isolated } from '../i18n/messages.js';
import { IncidentPage } from '../incidents/IncidentPage.js';
import { parseState, serializeState } from '../state/query.js';
import { Explore } from './Explore.js';
import { matchRoute, navigate, useLocation } from './router.js';
import { mayReview, SessionProvider, useSession } from './session.js';

function Link({ to, children, testId }: { to: string; children: string; testId?: string }) {
  return (
    <a
      href={to}
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

function Header() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { user, logout } = useSession();
  const { pathname, search } = useLocation();
  const state = parseState(search);
  const langQuery = lang === 'ar' ? '?lang=ar' : '';
  const switchTo = lang === 'ar' ? 'en' : 'ar';
  return (
    <header className="top">
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <div className="brand">
        <strong>{t('app.title')}</strong> <span className="muted">{t('app.tagline')}</span>
      </div>
      <nav aria-label={t('app.title')}>
        <Link to={`/${langQuery}`}>{t('nav.explore')}</Link>
        {mayReview(user) && (
          <Link to={`/review${langQuery}`} testId="nav-review">
            {t('nav.review')}
          </Link>
        )}
        {user ? (
          <>
            <span className="muted" data-testid="signed-in-as">
              {t('nav.signedInAs', {
                name: isolated(user.name),
                role: i18n.code('account', user.role),
              })}
            </span>
            <button
              type="button"
              data-testid="logout"
              onClick={() => void logout().then(() => navigate(`/${langQuery}`))}
            >
              {t('nav.logout')}
            </button>
          </>
        ) : (
          <Link to={`/login${langQuery}`} testId="nav-login">
            {t('nav.login')}
          </Link>
        )}
        <button
          type="button"
          lang={switchTo}
          data-testid="lang-switch"
          aria-label={`${t('nav.language')}: ${t(`lang.${switchTo}`)}`}
          onClick={() => navigate(`${pathname}${serializeState({ ...state, lang: switchTo })}`)}
        >
          {t(`lang.${switchTo}`)}
        </button>
      </nav>
    </header>
  );
}

function Page() {
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);
  const { t } = useI18n();
  switch (route.name) {
    case 'explore':
      return (
        <main id="main">
          <h1 className="visually-hidden">{t('nav.explore')}</h1>
          <Explore />
        </main>
      );
    case 'incident':
      return <IncidentPage key={route.id} id={route.id} />;
    case 'login':
      return <LoginPage />;
    case 'review':
      return <ReviewQueue />;
    default:
      return (
        <main id="main">
          <h1 data-testid="page-not-found">{t('app.notFound')}</h1>
          <Link to={`/${search.includes('lang=ar') ? '?lang=ar' : ''}`}>{t('incident.back')}</Link>
        </main>
      );
  }
}

export function App() {
  const { search } = useLocation();
  const { lang } = parseState(search);
  return (
    <I18nProvider lang={lang}>
      <SessionProvider>
        <Header />
        <Page />
      </SessionProvider>
    </I18nProvider>
  );
}
