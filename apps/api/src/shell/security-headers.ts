import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

const UI_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'none'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  'object-src': "'none'",
};

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** The UI: no scripts at all, styles and images from this origin only, forms post here only, never framed. */
export const UI_CSP = policy(UI_DIRECTIVES);

/** Swagger UI (/api/docs) needs its own scripts and inline styles; nothing from elsewhere. */
export const DOCS_CSP = policy({ ...UI_DIRECTIVES, 'script-src': "'self' 'unsafe-inline'", 'style-src': "'self' 'unsafe-inline'" });

/** Browsers remember HTTPS for a year; only ever said over HTTPS (RFC 6797 §7.2). */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * helmet's headers (nosniff, Referrer-Policy, COOP/CORP, …) on every
 * response, and a strict Content-Security-Policy set per response: the strict
 * one for the UI and the API, a looser one only for the API documentation.
 * Framing: CSP `frame-ancestors 'none'` governs, and X-Frame-Options says the
 * same (DENY) for browsers without CSP. HSTS only when the request came over
 * HTTPS (directly, or as a trusted proxy says in X-Forwarded-Proto). API
 * answers carry personal data: never stored by a browser or a cache.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, hsts: false, frameguard: { action: 'deny' }, global: true });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : UI_CSP);
      void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
      if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
      if (request.url.startsWith('/api/v1/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    });
}
