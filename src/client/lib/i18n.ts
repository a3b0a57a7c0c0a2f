import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAdmin from '../../../locales/en/admin.json';
import enAuth from '../../../locales/en/auth.json';
import enCommon from '../../../locales/en/common.json';
import enDocuments from '../../../locales/en/documents.json';
import enGuidelines from '../../../locales/en/guidelines.json';
import enQa from '../../../locales/en/qa.json';
import enWorkspace from '../../../locales/en/workspace.json';
import {
  isUiLanguage,
  pickUiLanguage,
  UI_LANGUAGE_COOKIE,
  UI_LANGUAGES,
  type UiLanguage,
} from '../../shared/ui-language';

/** English is built in: it is the fallback, and the strings' types come from it (i18next.d.ts). */
export const resources = {
  en: {
    common: enCommon,
    documents: enDocuments,
    workspace: enWorkspace,
    auth: enAuth,
    admin: enAdmin,
    qa: enQa,
    guidelines: enGuidelines,
  },
} as const;

type Bundle = (typeof resources)['en'];
/**
 * The other languages come as chunks of their own, when chosen: each is ~10 kB compressed, and a first load
 * on a slow network waits for every byte it is given (issue #10). The server hints the chunk of the
 * browser's language beside the page's code (preload.ts), so it arrives in the same round trip.
 */
const BUNDLES: Record<Exclude<UiLanguage, 'en'>, () => Promise<{ bundle: Record<keyof Bundle, object> }>> = {
  fr: () => import('./locale-bundles/fr'),
  ar: () => import('./locale-bundles/ar'),
};

export { pickUiLanguage, UI_LANGUAGES, type UiLanguage };
const STORAGE_KEY = 'visavis.uiLanguage';

function initialLanguage(): UiLanguage {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isUiLanguage(stored)) return stored;
  return pickUiLanguage(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']);
}

/**
 * <html lang dir> follows the UI language (content cells carry their own lang/dir), and so does the cookie that
 * tells the server which language to draw a first screen in.
 */
function applyToDocument(lng: string) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.documentElement.dir = i18n.dir(lng);
  document.cookie = `${UI_LANGUAGE_COOKIE}=${encodeURIComponent(lng)}; path=/; max-age=31536000; samesite=lax`;
}

/** Makes a language's strings available (at once for English and for one already loaded). */
export async function loadUiLanguage(lng: UiLanguage): Promise<void> {
  if (lng === 'en' || i18n.hasResourceBundle(lng, 'common')) return;
  const { bundle } = await BUNDLES[lng]();
  for (const [ns, strings] of Object.entries(bundle)) i18n.addResourceBundle(lng, ns, strings, true, true);
}

export async function setUiLanguage(lng: UiLanguage) {
  await loadUiLanguage(lng);
  globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  return i18n.changeLanguage(lng);
}

/**
 * Starts i18next in `lng`; `ready` resolves once that language's strings are here (at once for English):
 * the app renders after it, so nobody sees English strings flash before their own.
 */
export function initI18n(lng: UiLanguage = initialLanguage()) {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyToDocument);
    void i18n.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      ns: ['common', 'documents', 'workspace', 'auth', 'admin', 'qa', 'guidelines'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    applyToDocument(lng);
  }
  return i18n;
}

/** `initI18n`, then its language's strings: what the app waits for before its first render. */
export function startI18n(lng: UiLanguage = initialLanguage()): Promise<void> {
  initI18n(lng);
  return loadUiLanguage(lng).then(() => {
    // Strings added after init: tell the components that already asked (none yet on a first load).
    if (i18n.language === lng) void i18n.changeLanguage(lng);
  });
}

export default i18n;
