import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes are PHC strings that carry their own parameters, so the cost can be raised later
 * and old hashes still verify: `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64 without padding).
 * https://github.com/P-H-C/phc-string-format/blob/master/phc-sf-spec.md
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 B = 32 MiB and ~100 ms per hash: the interactive-login figures of RFC 7914 §2, raised. */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const b64 = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

export function isPasswordHash(value: string): boolean {
  const m = PHC.exec(value);
  return !!m && Number(m[1]) >= 1 && Number(m[1]) <= 22 && Number(m[2]) >= 1 && Number(m[3]) >= 1;
}

/** Compares in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const m = PHC.exec(hash);
  if (!m || !isPasswordHash(hash)) return false;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5]!, 'base64');
  const actual = await derive(password, Buffer.from(m[4]!, 'base64'), params, expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
