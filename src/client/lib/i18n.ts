import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from '../../../locales/en/admin.json';
import enAuth from '../../../locales/en/auth.json';
import enCommon from '../../../locales/en/common.json';
import enDocuments from '../../../locales/en/documents.json';
import enQa from '../../../locales/en/qa.json';
import enWorkspace from '../../../locales/en/workspace.json';
import arAdmin from '../../../locales/ar/admin.json';
import arAuth from '../../../locales/ar/auth.json';
import arCommon from '../../../locales/ar/common.json';
import arDocuments from '../../../locales/ar/documents.json';
import arQa from '../../../locales/ar/qa.json';
import arWorkspace from '../../../locales/ar/workspace.json';
import frAdmin from '../../../locales/fr/admin.json';
import frAuth from '../../../locales/fr/auth.json';
import frCommon from '../../../locales/fr/common.json';
import frDocuments from '../../../locales/fr/documents.json';
import frQa from '../../../locales/fr/qa.json';
import frWorkspace from '../../../locales/fr/workspace.json';

export const resources = {
  en: { common: enCommon, documents: enDocuments, workspace: enWorkspace, auth: enAuth, admin: enAdmin, qa: enQa },
  fr: { common: frCommon, documents: frDocuments, workspace: frWorkspace, auth: frAuth, admin: frAdmin, qa: frQa },
  ar: { common: arCommon, documents: arDocuments, workspace: arWorkspace, auth: arAuth, admin: arAdmin, qa: arQa },
} as const;

export const UI_LANGUAGES = ['en', 'fr', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
const STORAGE_KEY = 'visavis.uiLanguage';

function initialLanguage(): UiLanguage {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && (UI_LANGUAGES as readonly string[]).includes(stored)) return stored as UiLanguage;
  return pickUiLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']);
}

/** The first of the browser's languages (in its order of preference) the interface speaks, by primary subtag. */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.split(/[-_]/)[0]!.toLowerCase();
    if ((UI_LANGUAGES as readonly string[]).includes(primary)) return primary as UiLanguage;
  }
  return 'en';
}

/** <html lang dir> follows the UI language (content cells carry their own lang/dir). */
function applyToDocument(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
}

export function setUiLanguage(lng: UiLanguage) {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  return i18n.changeLanguage(lng);
}

export function initI18n(lng: string = initialLanguage()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyToDocument);
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      ns: ['common', 'documents', 'workspace', 'auth', 'admin', 'qa'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    applyToDocument(lng);
  }
  return i18n;
}

export default i18n;
