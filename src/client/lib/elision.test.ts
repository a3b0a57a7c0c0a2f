import { describe, expect, it } from 'vitest';
import { elisionContext } from './elision';
import i18n from './i18n';

describe('French elision in our strings', () => {
  const fr = i18n.getFixedT('fr', 'common');
  const en = i18n.getFixedT('en', 'common');
  const signedAs = (t: typeof fr, name: string) => t('actor.signedAs', { name, context: elisionContext(name) });

  it('elides que before a vowel, not before a consonant, an h or another script', () => {
    expect(signedAs(fr, 'Administrator')).toBe('Connecté·e en tant qu’Administrator');
    expect(signedAs(fr, 'Élodie')).toBe('Connecté·e en tant qu’Élodie');
    expect(signedAs(fr, 'Camille')).toBe('Connecté·e en tant que Camille');
    expect(signedAs(fr, 'Hugo')).toBe('Connecté·e en tant que Hugo');
    expect(signedAs(fr, 'زينب')).toBe('Connecté·e en tant que زينب');
  });

  it('leaves English as it is', () => {
    expect(signedAs(en, 'Administrator')).toBe('Working as Administrator');
  });

  it('elides de before a file name that begins with a vowel', () => {
    const d = i18n.getFixedT('fr', 'documents');
    expect(d('fileImport.reading', { name: 'article.xlf', context: elisionContext('article.xlf') })).toBe(
      'Lecture d’article.xlf…',
    );
    expect(d('fileImport.reading', { name: 'rapport.xlf', context: elisionContext('rapport.xlf') })).toBe(
      'Lecture de rapport.xlf…',
    );
  });
});
