import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import { Clock } from '@samverka/kernel';
import { SessionKind } from '../entities/auth-session.entity';
import { IdentityError, IdentityErrorCode } from '../identity.exception';
import { SignInAttemptRepository } from '../repositories/sign-in-attempt.repository';
import { UserRepository } from '../repositories/user.repository';
import { PasswordHasher } from './password-hasher';
import { PrincipalCache } from './principal-cache';
import { NewSession, SessionMeta, SessionService } from './session.service';

export interface SignInRequest extends SessionMeta {
  email: string;
  password: string;
  kind: SessionKind;
  ip: string;
}

const lockedMessage = (minutes: number) =>
  `För många misslyckade inloggningsförsök. Försök igen om ${minutes} ${minutes === 1 ? 'minut' : 'minuter'}.`;

/**
 * Password sign-in with rate limiting per account and per address. Every
 * attempt is recorded (and audited) in a transaction of its own, so a refused
 * attempt still counts.
 */
@Injectable()
export class SignInService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly attempts: SignInAttemptRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly cache: PrincipalCache,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  async signInWithPassword(request: SignInRequest): Promise<NewSession> {
    const email = request.email.trim();
    const limits = this.config.identity.signIn;
    const now = this.clock.now();
    const windowMs = limits.windowMinutes * 60_000;
    const recent = await this.attempts.countRecentFailures(email, request.ip, new Date(now.getTime() - windowMs));
    const lockedSince =
      recent.account >= limits.maxFailuresPerAccount ? recent.oldestAccountFailure : recent.address >= limits.maxFailuresPerAddress ? recent.oldestAddressFailure : null;
    if (lockedSince) {
      const retryAfterSeconds = Math.max(1, Math.ceil((lockedSince.getTime() + windowMs - now.getTime()) / 1000));
      await this.record(email, request.ip, false, null, 'auth.sign_in_locked');
      throw new IdentityError(IdentityErrorCode.SIGN_IN_LOCKED, lockedMessage(Math.ceil(retryAfterSeconds / 60)), { retryAfterSeconds });
    }

    const user = await this.users.findByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, request.password);
    if (!user || !valid) {
      await this.record(email, request.ip, false, user?.id ?? null, 'auth.sign_in_failed');
      throw new IdentityError(IdentityErrorCode.INVALID_CREDENTIALS, 'Fel e-postadress eller lösenord');
    }
    if (user.disabledAt) {
      await this.record(email, request.ip, false, user.id, 'auth.sign_in_disabled');
      throw new IdentityError(IdentityErrorCode.USER_DISABLED, 'Kontot är avstängt. Kontakta administratören.');
    }
    return this.tx.run(async () => {
      await this.attempts.record(email, request.ip, true, this.clock.now());
      const session = await this.sessions.create(user.id, request.kind, 'password', request);
      await this.users.markSignedIn(user.id, now);
      await this.audit.record(
        { personId: user.personId, label: user.person!.name, ip: request.ip },
        { action: 'auth.signed_in', subjectType: 'user', subjectId: user.id, after: { method: 'password', kind: request.kind, ip: request.ip } },
      );
      return session;
    });
  }

  /** A session for a user whose e-mail the identity provider verified. */
  async signInVerifiedEmail(email: string, meta: SessionMeta & { ip: string }): Promise<NewSession> {
    const user = await this.users.findByEmail(email);
    if (!user) {
      throw new IdentityError(IdentityErrorCode.UNKNOWN_USER, `Det finns inget konto i Samverka för ${email}. Kontakta administratören.`);
    }
    if (user.disabledAt) throw new IdentityError(IdentityErrorCode.USER_DISABLED, 'Kontot är avstängt. Kontakta administratören.');
    return this.tx.run(async () => {
      const session = await this.sessions.create(user.id, 'web', 'oidc', meta);
      await this.users.markSignedIn(user.id, this.clock.now());
      await this.audit.record(
        { personId: user.personId, label: user.person!.name, ip: meta.ip },
        { action: 'auth.signed_in', subjectType: 'user', subjectId: user.id, after: { method: 'oidc', kind: 'web', ip: meta.ip } },
      );
      return session;
    });
  }

  async signOut(sessionId: string, actor: Actor, userId: string, ip: string | null): Promise<void> {
    await this.tx.run(async () => {
      await this.sessions.revoke(sessionId);
      await this.audit.record(actor, { action: 'auth.signed_out', subjectType: 'user', subjectId: userId, after: { sessionId, ip } });
    });    // Returns once every process has dropped the session's principal.
    await this.cache.settled();
  }

  private async record(email: string, ip: string, succeeded: boolean, userId: string | null, action: string): Promise<void> {
    await this.tx.run(async () => {
      const attempt = await this.attempts.record(email, ip, succeeded, this.clock.now());
      await this.audit.record(
        { personId: null, label: email.slice(0, 320), ip },
        { action, subjectType: userId ? 'user' : 'sign_in_attempt', subjectId: userId ?? attempt.id, after: { email, ip } },
      );
    });
  }
}
