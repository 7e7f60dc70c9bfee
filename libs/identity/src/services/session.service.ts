import { Inject, Injectable, Logger } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import { Clock } from '@samverka/kernel';
import { createHash, randomBytes } from 'node:crypto';
import { AuthSessionEntity, SessionKind } from '../entities/auth-session.entity';
import { AuthSessionRepository } from '../repositories/auth-session.repository';
import { PrincipalCache } from './principal-cache';

export interface NewSession {
  /** The secret: goes to the client once (cookie or access token), never stored. */
  token: string;
  session: AuthSessionEntity;
  expiresInSeconds: number;
}

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/** A session's "last seen" is written at most this often. */
export const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Opaque, revocable sessions: 32 random bytes per token; only their SHA-256 is stored. */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Sessions');

  constructor(
    private readonly sessions: AuthSessionRepository,
    private readonly cache: PrincipalCache,
    private readonly tx: TransactionHost,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  async create(userId: string, kind: SessionKind, method: 'password' | 'oidc', meta: SessionMeta): Promise<NewSession> {
    const now = this.clock.now();
    const ttlSeconds = kind === 'api' ? this.config.identity.apiTokenTtlMinutes * 60 : this.config.identity.sessionTtlHours * 3600;
    const token = randomBytes(32).toString('base64url');
    const session = await this.sessions.insert({
      userId,
      kind,
      method,
      tokenHash: hashToken(token),
      csrfToken: randomBytes(24).toString('base64url'),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
    });
    return { token, session, expiresInSeconds: ttlSeconds };
  }

  /**
   * The live session for a token of the given kind: not revoked, not past its
   * absolute expiry, and (browser sessions) not idle too long. Touches it at
   * most once a minute.
   */
  async resolve(token: string, kind: SessionKind): Promise<AuthSessionEntity | null> {
    if (!token || token.length > 200) return null;
    const now = this.clock.now();
    const session = await this.sessions.findLiveByTokenHash(hashToken(token), now);
    if (!session || session.kind !== kind || session.user?.disabledAt) return null;
    if (kind === 'web' && now.getTime() - session.lastSeenAt.getTime() > this.config.identity.sessionIdleMinutes * 60_000) {
      await this.sessions.revoke(session.id, now);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      this.touchInBackground(session.id, now);
      session.lastSeenAt = now;
    }
    return session;
  }

  /** Marks a session seen without holding up the request; a failure is logged (the next request tries again). */
  touchInBackground(sessionId: string, at: Date): void {
    this.sessions.touch(sessionId, at).catch((e: unknown) => this.logger.warn(`could not mark session ${sessionId} seen: ${(e as Error)?.message ?? String(e)}`));
  }

  /** Outside a transaction, returns once every process has dropped the session (inside one, its owner calls `PrincipalCache.settled()` after the commit). */
  async revoke(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now());
    if (!this.tx.inTransaction) await this.cache.settled();
  }

  async revokeAllForUser(userId: string): Promise<number> {
    const revoked = await this.sessions.revokeAllForUser(userId, this.clock.now());
    if (!this.tx.inTransaction) await this.cache.settled();
    return revoked;
  }
}
