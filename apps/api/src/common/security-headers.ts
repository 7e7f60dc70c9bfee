import helmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The UI: no scripts at all, styles and images from this origin only, forms post here only, never framed. */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** Swagger UI (/api/docs) needs its own scripts and inline styles; nothing from elsewhere. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * helmet's headers (HSTS, nosniff, Referrer-Policy, COOP/CORP, …) on every
 * response, and a strict Content-Security-Policy set per response: the strict
 * one for the UI and the API, a looser one only for the API documentation.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply) => {
      void reply.header('content-security-policy', request.url.startsWith('/api/docs') ? DOCS_CSP : UI_CSP);
      void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    });
}
