import { describe, expect, it } from 'vitest';
import { LoginSchema } from '../../shared/users';
import { findConfusable, skeleton } from './login-skeleton';

describe('UTS #39 skeleton', () => {
  it.each([
    ['Cyrillic а', '\u0430dmin', 'admin'],
    ['Greek ο', 'r\u03BFot', 'root'],
    ['digit one and capital I', 'I1l', 'lll'],
    ['rn looks like m', 'rnary', 'mary'],
  ])('%s: the same skeleton', (_, a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it('ignores default-ignorable code points (a variation selector, a combining grapheme joiner)', () => {
    expect(skeleton('admin\uFE00')).toBe(skeleton('admin'));
    expect(skeleton('ad\u034Fmin')).toBe(skeleton('admin'));
  });
});

describe('look-alike logins', () => {
  const existing = ['admin', 'Reviewer A', 'زينب', '山田', 'Amina'];
  // As the API sees them: LoginSchema (NFKC) first.
  const lookalike = (login: string) => findConfusable(LoginSchema.parse(login), existing);

  it.each([
    ['Cyrillic а', '\u0430dmin', 'admin'],
    ['fullwidth', '\uFF21\uFF44\uFF4D\uFF49\uFF4E', 'admin'],
    ['upper case', 'ADMIN', 'admin'],
    ['Greek capital Alpha', '\u0391DMIN', 'admin'],
    ['a combining dot above on i', 'admi\u0307n', 'admin'],
    ['a combining grapheme joiner', 'ad\u034Fmin', 'admin'],
    ['a variation selector', 'admin\uFE00', 'admin'],
    ['Cyrillic е in a spaced login', 'Revi\u0435wer A', 'Reviewer A'],
  ])('%s → %s', (_, login, expected) => {
    expect(lookalike(login)).toBe(expected);
  });

  it.each([
    ['a different login', 'administrator'],
    ['Japanese, kana and kanji mixed', 'やまだ太郎'],
    ['Japanese kanji', '山本'],
    ['Arabic', 'فاطمة'],
    ['Latin with accents', 'Amína'],
  ])('%s is allowed', (_, login) => {
    expect(lookalike(login)).toBeUndefined();
  });

  it('NFKC composes a decomposed accent, so "é" typed either way is one login', () => {
    expect(LoginSchema.parse('Ame\u0301lie')).toBe('Amélie');
    expect(findConfusable(LoginSchema.parse('Ame\u0301lie'), ['Amélie'])).toBe('Amélie');
  });
});
