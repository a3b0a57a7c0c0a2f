import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, LANGUAGE_TAGS, languageDirection } from './direction';
import table from './languages.json';
// @ts-expect-error -- a plain .mjs script without types
import { generateLanguages } from '../../../scripts/gen-languages.mjs';

describe('languageDirection', () => {
  for (const runtimeTextInfo of [true, false]) {
    describe(runtimeTextInfo ? 'with the runtime’s text info' : 'from the CLDR tables alone', () => {
      it('is right-to-left for Arabic, Hebrew, Persian, Urdu, Pashto, Sorani, Uyghur, Yiddish, Dhivehi', () => {
        for (const tag of ['ar', 'ar-MA', 'he', 'fa', 'ur', 'ps', 'ckb', 'ug', 'yi', 'dv', 'sd'])
          expect([tag, languageDirection(tag, { runtimeTextInfo })]).toEqual([tag, 'rtl']);
      });
      it('is left-to-right for French, English, German, Chinese, Turkish and Uzbek in Latin script', () => {
        for (const tag of ['fr', 'en-GB', 'de', 'zh-Hant-TW', 'tr', 'uz-Latn'])
          expect([tag, languageDirection(tag, { runtimeTextInfo })]).toEqual([tag, 'ltr']);
      });
    });
  }
  it('follows an explicit script: Azerbaijani in Arabic script is right-to-left, Sindhi in Devanagari not', () => {
    expect(languageDirection('az-Arab', { runtimeTextInfo: false })).toBe('rtl');
    expect(languageDirection('sd-Deva', { runtimeTextInfo: false })).toBe('ltr');
  });
  it('is left-to-right for what is not a language tag', () => {
    expect(languageDirection('not a tag')).toBe('ltr');
    expect(languageDirection('')).toBe('ltr');
  });
});

describe('canonicalLanguageTag', () => {
  it('canonicalises valid tags and refuses the rest', () => {
    expect(canonicalLanguageTag('AR-ma')).toBe('ar-MA');
    expect(canonicalLanguageTag(' zh-hant-tw ')).toBe('zh-Hant-TW');
    expect(canonicalLanguageTag('gsw')).toBe('gsw');
    expect(canonicalLanguageTag('en_US')).toBeNull();
    expect(canonicalLanguageTag('français')).toBeNull();
    expect(canonicalLanguageTag('')).toBeNull();
  });
});

describe('the language table', () => {
  it('has the ISO 639-1 languages and common regional variants, all canonical', () => {
    for (const tag of ['ar', 'fr', 'en', 'de', 'sw', 'zu', 'ar-MA', 'fr-CA', 'pt-BR', 'en-US', 'es-419', 'zh-Hant-TW'])
      expect(LANGUAGE_TAGS).toContain(tag);
    expect(LANGUAGE_TAGS.filter((t) => canonicalLanguageTag(t) !== t)).toEqual([]);
    expect(LANGUAGE_TAGS.length).toBeGreaterThan(180);
  });
  it('is what scripts/gen-languages.mjs makes from the installed cldr-core (run it after an upgrade)', () => {
    expect(generateLanguages()).toEqual(table);
  });
});
