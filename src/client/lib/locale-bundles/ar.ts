import admin from '../../../../locales/ar/admin.json';
import auth from '../../../../locales/ar/auth.json';
import common from '../../../../locales/ar/common.json';
import documents from '../../../../locales/ar/documents.json';
import guidelines from '../../../../locales/ar/guidelines.json';
import qa from '../../../../locales/ar/qa.json';
import workspace from '../../../../locales/ar/workspace.json';

/** The interface's strings in this language: a chunk of its own, loaded only by those who read it. */
export const bundle = { common, documents, workspace, auth, admin, qa, guidelines };
