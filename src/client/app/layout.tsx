import { Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { AccountMenu } from '../features/auth/components/account-menu';
import { MentionsLink } from '../features/mentions/components/mentions-link';
import { setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../lib/i18n';
import { useCan } from '../lib/session';

export function Layout() {
  const { t, i18n } = useTranslation('common');
  const { t: tAdmin } = useTranslation('admin');
  const canManageUsers = useCan('users.manage');
  const langId = useId();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          {t('appName')}
        </Link>
        <span className="tagline">{t('tagline')}</span>
        <div className="header-right">
          <nav aria-label={t('nav.main')}>
            <Link to="/">{t('nav.documents')}</Link>
          </nav>
          {canManageUsers && (
            <nav aria-label={tAdmin('nav')}>
              <Link to="/admin/users">{tAdmin('nav')}</Link>
              <Link to="/admin/webhooks">{tAdmin('webhooks.nav')}</Link>
            </nav>
          )}
          <MentionsLink />
          <AccountMenu />
          <div className="lang-switch">
            <label htmlFor={langId}>{t('language.label')}</label>
            <select
              id={langId}
              value={i18n.resolvedLanguage}
              onChange={(e) => void setUiLanguage(e.target.value as UiLanguage)}
            >
              {UI_LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {t(`language.${l}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {/* Pages are loaded with their route (app.tsx): the header is there while one comes. */}
        <Suspense fallback={<p className="page-state">{t('state.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
