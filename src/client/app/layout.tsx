import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useActor } from '../lib/actor';
import { setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../lib/i18n';
import { ActorDialog } from './actor-dialog';

export function Layout() {
  const { t, i18n } = useTranslation('common');
  const actor = useActor();
  const [askName, setAskName] = useState(false);
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
          {actor && (
            <span className="actor">
              {t('actor.signedAs', { name: actor })}{' '}
              <button type="button" className="link-button" onClick={() => setAskName(true)}>
                {t('actor.change')}
              </button>
            </span>
          )}
          <div className="lang-switch">
            <label htmlFor={langId}>{t('language.label')}</label>
            <select id={langId} value={i18n.resolvedLanguage} onChange={(e) => void setUiLanguage(e.target.value as UiLanguage)}>
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
        <Outlet />
      </main>
      <ActorDialog open={!actor || askName} onDone={() => setAskName(false)} />
    </div>
  );
}
