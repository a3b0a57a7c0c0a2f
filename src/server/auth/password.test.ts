import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, verifyPassword } from './password';

const CHEAP = { ln: 6, r: 8, p: 1 };

describe('scrypt password hashes', () => {
  it('are PHC strings that record their parameters and a per-hash salt', async () => {
    const a = await hashPassword('correct horse', CHEAP);
    const b = await hashPassword('correct horse', CHEAP);
    expect(a).toMatch(/^\$scrypt\$ln=6,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct horse');
    expect(isPasswordHash(a)).toBe(true);
  });

  it('the default cost is scrypt N=2^15, r=8, p=1', async () => {
    const hash = await hashPassword('x');
    expect(hash.startsWith('$scrypt$ln=15,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('x', hash)).toBe(true);
  });

  it.each([
    ['the same password', 'correct horse', true],
    ['another password', 'correct horsE', false],
    ['an empty password', '', false],
    ['the password with a trailing space', 'correct horse ', false],
  ])('verify with %s → %s', async (_, attempt, expected) => {
    const hash = await hashPassword('correct horse', CHEAP);
    expect(await verifyPassword(attempt, hash)).toBe(expected);
  });

  it('verifies with the parameters recorded in the hash, not the current ones', async () => {
    const old = await hashPassword('pw-old-cost', { ln: 4, r: 4, p: 2 });
    expect(await verifyPassword('pw-old-cost', old)).toBe(true);
  });

  it('treats NFC and NFD spellings of a password as the same', async () => {
    const hash = await hashPassword('Zin\u00e9b', CHEAP);
    expect(await verifyPassword('Zine\u0301b', hash)).toBe(true);
  });

  it.each([
    '',
    'plain',
    '$scrypt$ln=6,r=8,p=1$$',
    '$argon2id$v=19$m=1,t=1,p=1$c2FsdA$aGFzaA',
    '$scrypt$ln=0,r=8,p=1$c2FsdA$aGFzaA',
    '$scrypt$ln=40,r=8,p=1$c2FsdA$aGFzaA',
  ])('a malformed hash %j never matches', async (hash) => {
    expect(isPasswordHash(hash)).toBe(false);
    expect(await verifyPassword('plain', hash)).toBe(false);
  });
});
