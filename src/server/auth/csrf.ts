import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a session: an HMAC keyed by the session token, which only the browser's httpOnly
 * cookie holds. Script on our origin reads it from GET /api/session and sends it back in X-CSRF-Token;
 * another site can neither read it nor compute it. Nothing to store, and it dies with the session.
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('visavis csrf v1').digest('base64url');
}

/** Constant-time check of the header against the session's token. */
export function csrfMatches(sessionToken: string, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
