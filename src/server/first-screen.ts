import type { FastifyRequest } from 'fastify';
import i18next from 'i18next';
import Negotiator from 'negotiator';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import enCommon from '../../locales/en/common.json';
import enWorkspace from '../../locales/en/workspace.json';
import arCommon from '../../locales/ar/common.json';
import arWorkspace from '../../locales/ar/workspace.json';
import frCommon from '../../locales/fr/common.json';
import frWorkspace from '../../locales/fr/workspace.json';
import { FirstScreen, type FirstScreenT } from '../first-screen/first-screen';
import { languageName } from '../shared/lang/language-name';
import { isUiLanguage, pickUiLanguage, UI_LANGUAGE_COOKIE, type UiLanguage } from '../shared/ui-language';
import { languageDirection } from '../shared/lang/direction';
import { can } from '../shared/permissions';
import { toDocumentState } from '../shared/reducer';
import { SESSION_COOKIE } from './auth/auth-hooks';
import type { AuthStore } from './auth/auth-store';
import { sessionResponse } from './auth/session-routes';
import { documentAnswerJson } from './document-answer';
import type { DocumentStore } from './store/document-store';

/**
 * The workspace's page as the server sends it (issue #10: a cold load on a slow network). On its own the page
 * is an empty shell: nothing shows until ~230 kB of script have arrived and asked for the session and the
 * document. For a signed-in user who may read the document, the shell comes with
 * - the first screen (client/first-screen/first-screen.tsx): the title and the first rows, translation cells
 *   editable, drawn here with react-dom/server in the user's interface language;
 * - the answers the app would ask for first, GET /api/session and GET /api/documents/:id, as JSON data blocks
 *   (not scripts: the Content-Security-Policy stays as strict), so it starts without those round trips. A
 *   document whose answer is larger than BOOT_DOCUMENT_MAX_BYTES is left to its own request (which can be
 *   answered 304 from the browser's cache); the first screen still shows its first rows.
 * Anything else (no session, no permission, no such document, a shell without the expected markup) gets the
 * plain shell, and the app does what it always did.
 */

export const BOOT_DOCUMENT_MAX_BYTES = 512 * 1024;
const WORKSPACE_PATH = /^\/documents\/([A-Za-z0-9_-]{1,64})\/?$/;
const ROOT = '<div id="root"></div>';
const HTML_TAG = /<html lang="en" dir="ltr">/;

const i18n = i18next.createInstance();
void i18n.init({
  resources: {
    en: { common: enCommon, workspace: enWorkspace },
    fr: { common: frCommon, workspace: frWorkspace },
    ar: { common: arCommon, workspace: arWorkspace },
  },
  lng: 'en',
  fallbackLng: 'en',
  ns: ['common', 'workspace'],
  defaultNS: 'common',
  // React escapes what it draws.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The interface language: the one chosen in this browser (its cookie), else the browser's (Accept-Language). */
export function uiLanguageOf(req: FastifyRequest): UiLanguage {
  const chosen = req.cookies?.[UI_LANGUAGE_COOKIE];
  if (isUiLanguage(chosen)) return chosen;
  const accept = req.headers['accept-language'];
  return accept ? pickUiLanguage(new Negotiator({ headers: { 'accept-language': accept } }).languages()) : 'en';
}

/** JSON inside <script type="application/json">: `<` escaped, so no `</script>` or `<!--` in the text ends it. */
const dataBlock = (id: string, json: string) =>
  `<script type="application/json" id="${id}">${json.replaceAll('<', '\\u003c')}</script>`;

export interface FirstScreenPage {
  html: string;
  /** The document's answer is in the page: no need to hint (preload) a request for it. */
  bootsDocument: boolean;
}

export function createFirstScreen(opts: { staticDir: string; store: DocumentStore; auth: AuthStore }) {
  const file = path.join(opts.staticDir, 'index.html');
  let cached: { mtimeMs: number; html: string } | undefined;
  function shell(): string | undefined {
    try {
      const { mtimeMs } = statSync(file);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
      return cached.html;
    } catch {
      return undefined; // a UI being rebuilt: the plain shell (sendFile) answers
    }
  }

  /** The workspace's page for this request, or undefined when the plain shell is the answer. */
  return async function firstScreenPage(
    req: FastifyRequest,
    pathname: string,
    lng: UiLanguage,
  ): Promise<FirstScreenPage | undefined> {
    const id = WORKSPACE_PATH.exec(pathname)?.[1];
    const html = id && shell();
    if (!id || !html || !html.includes(ROOT) || !HTML_TAG.test(html)) return undefined;
    const token = req.cookies?.[SESSION_COOKIE];
    const found = token ? await opts.auth.signedIn(token) : undefined;
    const user = found?.user;
    if (!user || user.disabled || user.mustChangePassword || !can(user.roles, 'document.read')) return undefined;
    const state = await opts.store.get(id);
    if (!state) return undefined;

    // Keys are built from data (statuses, language tags): checked by the locale tests, not by i18next's key types.
    const t = i18n.getFixedT(lng) as unknown as FirstScreenT;
    const langName = (tag: string) => t(`common:langNames.${tag}`, { defaultValue: languageName(tag, lng) ?? tag });
    const markup = renderToStaticMarkup(
      createElement(FirstScreen, {
        doc: toDocumentState(state),
        t,
        langName,
        canEdit: can(user.roles, 'segment.edit'),
      }),
    );
    const answer = documentAnswerJson(state);
    const bootsDocument = answer.length <= BOOT_DOCUMENT_MAX_BYTES;
    const blocks = [
      dataBlock('visavis-session', JSON.stringify(sessionResponse(user, token!))),
      ...(bootsDocument ? [dataBlock('visavis-document', answer.toString('utf8'))] : []),
    ];
    return {
      bootsDocument,
      html: html
        .replace(HTML_TAG, `<html lang="${lng}" dir="${languageDirection(lng)}" class="first-screen-on">`)
        .replace(ROOT, () => `<div id="first-screen">${markup}</div>${ROOT}${blocks.join('')}`),
    };
  };
}
