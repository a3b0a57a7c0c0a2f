import { renderHook } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/schemas';
import { ApiError } from './api';
import { initI18n } from './i18n';
import { useErrorText } from './use-error-text';

// A raw code never reaches a person: "Something went wrong (SEGMENT_LOCKED)" was what a translator read.

describe('useErrorText', () => {
  const i18n = initI18n('en');
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  for (const lang of ['en', 'fr']) {
    it(`${lang}: every error code the server sends reads as a sentence, not as its code`, async () => {
      await i18n.changeLanguage(lang);
      const { result } = renderHook(() => useErrorText());
      const unknown = result.current(new ApiError(400, 'SOMETHING_NEW', 'x'));
      const raw = ERROR_CODES.map((code) => [code, result.current(new ApiError(409, code, 'Server message.'))]).filter(
        ([code, text]) => text === unknown.replace('SOMETHING_NEW', code!) || text!.includes(code!),
      );
      expect(raw).toEqual([]);
    });
  }

  it('names the code only for one it does not know (a newer server)', async () => {
    await i18n.changeLanguage('en');
    const { result } = renderHook(() => useErrorText());
    expect(result.current(new ApiError(400, 'SOMETHING_NEW', 'x'))).toBe('Something went wrong (SOMETHING_NEW).');
    expect(result.current(new Error('boom'))).toBe('Something went wrong on the server.');
  });
});
