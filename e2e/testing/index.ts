/**
 * `visavis/testing`: the page objects of Vis-à-vis's own Playwright suite and a small API client, for QA
 * teams writing their own checks against a deployment (README: Playwright checks against any deployment).
 */
export { AppPage } from '../pages/app-page';
export { DocumentsPage } from '../pages/documents-page';
export { WorkspacePage, type FlagInput, type Severity } from '../pages/workspace-page';
export { FindTools } from '../pages/find-tools';
export { VisavisApi, type Credentials, type GateAnswer } from './visavis-api';
