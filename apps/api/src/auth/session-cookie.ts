import { SamverkaConfig } from '@samverka/config';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The browser session cookie: HttpOnly, SameSite=Lax, and over HTTPS Secure
 * with the __Host- prefix (no Domain, Path=/), so no sibling host can set it.
 */
export function sessionCookieName(config: SamverkaConfig): string {
  return config.identity.secureCookies ? '__Host-samverka_session' : 'samverka_session';
}

export function setSessionCookie(reply: FastifyReply, config: SamverkaConfig, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.identity.secureCookies,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: SamverkaConfig): void {
  void reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.identity.secureCookies });
}

export function readSessionCookie(request: FastifyRequest, config: SamverkaConfig): string | undefined {
  return (request.cookies as Record<string, string | undefined> | undefined)?.[sessionCookieName(config)];
}
