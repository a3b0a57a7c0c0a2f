import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { normalizerFor } from './normalize';
import { provideSnowball, snowballProvided } from './stemmers';

// This file imports no `./snowball`: the module starts without the library, as the UI does (issue #10).
describe('Snowball stemmers provided on demand', () => {
  it('languages without a stemmer need none; a stemming language says the library is missing', () => {
    expect(snowballProvided()).toBe(false);
    expect(normalizerFor('fr', false).termKeys('Maisons')).toContain('maison');
    expect(() => normalizerFor('de', false)).toThrow(/Snowball stemmers not loaded/);
  });

  it('once provided, German words are stemmed', () => {
    provideSnowball(snowball);
    expect(snowballProvided()).toBe(true);
    expect(normalizerFor('de', false).termKeys('Häuser')).toContain('haus');
  });
});
