import { describe, expect, it } from 'vitest';
import { initI18n, pickUiLanguage } from './i18n';

// Counts are numbers a reader sees: singular and plural by each language's rules (French: 0 and 1 are
// singular, so is 1.5), thousands grouped the local way (French: a narrow no-break space).
const i18n = initI18n('en');
const en = i18n.getFixedT('en', 'workspace');
const fr = i18n.getFixedT('fr', 'workspace');
const ar = i18n.getFixedT('ar', 'workspace');

describe('UI strings with numbers', () => {
  it('say point or points by the number of points, in English and French', () => {
    expect(en('score.points', { count: 1, value: '1' })).toBe('1 point');
    expect(en('score.points', { count: 2.5, value: '2.5' })).toBe('2.5 points');
    expect(fr('score.points', { count: 0, value: '0' })).toBe('0 point');
    expect(fr('score.points', { count: 1.5, value: '1,5' })).toBe('1,5 point');
    expect(fr('score.penaltyPoints', { count: 4, value: '4' })).toBe('4 points de pénalité');
    expect(
      en('score.cell', { count: 1, severity: 'Minor', points: en('score.points', { count: 1, value: '1' }) }),
    ).toBe('1 × Minor = 1 point');
  });

  it('group thousands and agree with the count', () => {
    expect(en('score.words', { count: 1, basis: 'source' })).toBe('1 evaluated word (source)');
    expect(en('score.words', { count: 12345, basis: 'source' })).toBe('12,345 evaluated words (source)');
    expect(fr('score.words', { count: 1000, basis: 'source' })).toBe('1\u202f000 mots évalués (source)');
    expect(fr('meta', { source: 'arabe', target: 'français', count: 13 })).toBe('arabe → français · 13 segments');
    expect(i18n.getFixedT('fr', 'documents')('create.preview', { count: 1 })).toBe('1 segment sera créé');
    expect(i18n.getFixedT('fr', 'documents')('create.preview', { count: 0 })).toBe('0 segment sera créé');
  });
});

describe('Arabic', () => {
  it('has the six plural forms: zero, one, two, few (3–10), many (11–99), other (100, 1.5)', () => {
    expect(ar('panel.count', { count: 0 })).toBe('لا ملاحظات');
    expect(ar('panel.count', { count: 1 })).toBe('ملاحظة واحدة');
    expect(ar('panel.count', { count: 2 })).toBe('ملاحظتان');
    expect(ar('panel.count', { count: 3 })).toBe('3 ملاحظات');
    expect(ar('panel.count', { count: 11 })).toBe('11 ملاحظةً');
    expect(ar('panel.count', { count: 100 })).toBe('100 ملاحظة');
    expect(ar('meta', { source: 'العربية', target: 'الفرنسية', count: 13 })).toBe('العربية ← الفرنسية · 13 مقطعًا');
  });
});

describe('the interface language for a browser', () => {
  it('is the first of its languages we speak, by primary subtag', () => {
    expect(pickUiLanguage(['ar-MA', 'fr-FR'])).toBe('ar');
    expect(pickUiLanguage(['ar'])).toBe('ar');
    expect(pickUiLanguage(['de-DE', 'fr-CH', 'en'])).toBe('fr');
    expect(pickUiLanguage(['de-DE'])).toBe('en');
    expect(pickUiLanguage([])).toBe('en');
  });
});
