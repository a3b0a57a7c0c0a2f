import admin from '../../../../locales/fr/admin.json';
import auth from '../../../../locales/fr/auth.json';
import common from '../../../../locales/fr/common.json';
import documents from '../../../../locales/fr/documents.json';
import guidelines from '../../../../locales/fr/guidelines.json';
import qa from '../../../../locales/fr/qa.json';
import workspace from '../../../../locales/fr/workspace.json';

/** The interface's strings in this language: a chunk of its own, loaded only by those who read it. */
export const bundle = { common, documents, workspace, auth, admin, qa, guidelines };
