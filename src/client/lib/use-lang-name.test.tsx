import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n';
import { useLangName } from './use-lang-name';

describe('useLangName', () => {
  it('names our languages, others by the browser, and keeps a code nobody knows', async () => {
    const i18n = initI18n('en');
    const { result, rerender } = renderHook(() => useLangName());
    expect(result.current('ar')).toBe('Arabic');
    expect(result.current('de')).toBe('German');
    expect(result.current('qqq')).toBe('qqq');
    expect(result.current('not a tag!')).toBe('not a tag!');
    await i18n.changeLanguage('fr');
    rerender();
    expect(result.current('de')).toBe('allemand');
    await i18n.changeLanguage('en');
  });
});
