import { SamverkaConfig } from '@samverka/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sameSecret } from '@samverka/kernel';
import { randomBytes } from 'node:crypto';

/**
 * Login CSRF protection for the (public) sign-in form: a double-submit
 * cookie. Rendering the form sets a random token in an HttpOnly,
 * SameSite=Strict cookie and the same token in a hidden field; a sign-in is
 * only tried when the two match. Another site can neither read the cookie
 * nor make the browser send it, so it cannot sign a victim in to an account
 * of its choosing. Over HTTPS the cookie has the __Host- prefix (Secure,
 * Path=/, no Domain), so a sibling host cannot plant one either.
 */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const MAX_AGE_SECONDS = 2 * 60 * 60;

export function loginCsrfCookieName(config: SamverkaConfig): string {
  return config.identity.secureCookies ? '__Host-samverka_login_csrf' : 'samverka_login_csrf';
}

export function readLoginCsrfCookie(request: FastifyRequest, config: SamverkaConfig): string | null {
  const value = (request.cookies as Record<string, string | undefined> | undefined)?.[loginCsrfCookieName(config)];
  return typeof value === 'string' && TOKEN_PATTERN.test(value) ? value : null;
}

/** The token for the form: the browser's current one when it has one (several tabs keep working), else a new one. Sets the cookie. */
export function issueLoginCsrfToken(request: FastifyRequest, reply: FastifyReply, config: SamverkaConfig, renew = false): string {
  const token = (!renew && readLoginCsrfCookie(request, config)) || randomBytes(24).toString('base64url');
  void reply.setCookie(loginCsrfCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.identity.secureCookies,
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
  return token;
}

export function clearLoginCsrfCookie(reply: FastifyReply, config: SamverkaConfig): void {
  void reply.clearCookie(loginCsrfCookieName(config), { path: '/', httpOnly: true, sameSite: 'strict', secure: config.identity.secureCookies });
}

/** Does the form's hidden field match the cookie? */
export function loginCsrfMatches(request: FastifyRequest, config: SamverkaConfig, presented: string): boolean {
  const expected = readLoginCsrfCookie(request, config);
  return !!expected && sameSecret(presented, expected);
}
