import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer. The UI is one module script and one stylesheet from
 * /assets, talking to /api on the same origin: nothing inline, nothing from elsewhere, never in a frame.
 * (React sets `style={{…}}` through the CSSOM, which style-src does not govern.)
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * The same headers for the few answers sent before any hook runs (Fastify's frameworkErrors: a malformed
 * URL), where helmet's onRequest hook never gets to set them.
 */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': Object.entries(CSP_DIRECTIVES)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join(';'),
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** One year; no includeSubDomains: other sites may live on the deployment's sibling hosts. */
export const HSTS_VALUE = 'max-age=31536000';

/**
 * Security headers on every answer, the UI's files and the API's JSON alike (helmet's onRequest hook sets
 * them before any other hook can answer). Strict-Transport-Security only over HTTPS (the socket, or
 * X-Forwarded-Proto when trustProxy is on): sent over plain HTTP it would be ignored, and on localhost it
 * would pin the browser to an HTTPS the server does not speak.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      // No upgrade-insecure-requests: a server on plain http://localhost must keep loading its own files.
      directives: { ...CSP_DIRECTIVES },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
  });
}
