import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n, loadUiLanguage, UI_LANGUAGES } from '../lib/i18n';

initI18n('en');
// Tests read every language's strings: load them all before any test runs.
await Promise.all(UI_LANGUAGES.map(loadUiLanguage));
afterEach(() => {
  cleanup();
  localStorage.clear();
});
