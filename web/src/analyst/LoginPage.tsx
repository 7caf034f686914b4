import { type FormEvent, useId, useState } from 'react';
import { ApiRequestError } from '../api/client.js';
import { navigate } from '../app/router.js';
import { useSession } from '../app/session.js';
import { useI18n } from '../i18n/I18n.js';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  // 'credentials' for a refused name or password; otherwise what went wrong (network, rate limit).
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userId = useId();
  const passId = useId();

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    try {
      await login(String(form.get('name') ?? ''), String(form.get('password') ?? ''));
      const lang = new URLSearchParams(window.location.search).get('lang');
      navigate(`/review${lang ? `?lang=${lang}` : ''}`);
    } catch (err) {
      // Only a 401 means the name or password is wrong: a rate limit or an unreachable server told
      // that way sends an analyst to retype a correct password, again and again.
      setFailed(
        err instanceof ApiRequestError && err.status === 401
          ? 'credentials'
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login-page">
      <h1>{t('login.title')}</h1>
      <form onSubmit={submit} className="login" data-testid="login-form">
        <div className="field">
          <label htmlFor={userId}>{t('login.username')}</label>
          <input id={userId} name="name" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor={passId}>{t('login.password')}</label>
          <input id={passId} name="password" type="password" autoComplete="current-password" required />
        </div>
        {failed && (
          <p role="alert" data-testid="login-error">
            {failed === 'credentials' ? t('login.failed') : t('common.error', { message: failed })}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </main>
  );
}
