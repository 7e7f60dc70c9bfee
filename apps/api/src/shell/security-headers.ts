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
