import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import { Clock, CommonError, formatSwedishDateTime, refuseIfAny } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { randomBytes } from 'node:crypto';
import { PasswordSetupTokenEntity } from '../entities/password-setup-token.entity';
import { UserEntity } from '../entities/user.entity';
import { IdentityError, IdentityErrorCode } from '../identity.exception';
import { PasswordSetupTokenRepository } from '../repositories/password-setup-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { passwordViolations } from '../rules/user.rules';
import { PasswordHasher } from './password-hasher';
import { hashToken, NewSession, SessionMeta, SessionService } from './session.service';

/** How long a set-password link is valid. */
export const PASSWORD_SETUP_TTL_HOURS = 72;

/** Where a set-password link stands: usable, used (or replaced by a newer link), past its 72 hours, or for a disabled account. */
export type PasswordSetupStatus = 'valid' | 'used' | 'expired' | 'disabled' | 'unknown';

/** The rule, in one place: a link is usable once, before it expires, for an account that is enabled. */
export function passwordSetupStatus(token: Pick<PasswordSetupTokenEntity, 'expiresAt' | 'usedAt'> | null, user: Pick<UserEntity, 'disabledAt'> | null, now: Date): PasswordSetupStatus {
  if (!token || !user) return 'unknown';
  if (token.usedAt) return 'used';
  if (now.getTime() >= token.expiresAt.getTime()) return 'expired';
  if (user.disabledAt) return 'disabled';
  return 'valid';
}

export interface PasswordSetupCheck {
  status: PasswordSetupStatus;
  /** The account's person, for a usable link. */
  name: string | null;
  email: string | null;
}

/** What an invitation sent: a set-password link, or (single sign-on configured) word to sign in with it. */
export interface Invitation {
  sso: boolean;
}

const MAX_TOKEN_LENGTH = 200;

/**
 * Set-password links for new users: issued with the account (or again by an admin), emailed in the
 * same transaction, single use, valid for 72 hours, only their hash stored. With single sign-on
 * configured there is no link: the email says to sign in with the city's login.
 */
@Injectable()
export class PasswordSetupService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly tokens: PasswordSetupTokenRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  /** Whether users sign in through the city's identity provider (then nobody gets a set-password link). */
  get singleSignOn(): boolean {
    return this.config.identity.oidc !== undefined;
  }

  /**
   * Emails the user how to sign in: a new set-password link (every earlier unused link stops working), or,
   * with single sign-on, the word to sign in with it. Joins the caller's transaction when there is one.
   */
  invite(actor: Actor, userId: string): Promise<Invitation> {
    return this.tx.run(async () => {
      const user = await this.users.findById(userId);
      if (!user) throw CommonError.notFound('Användaren', userId);
      if (user.disabledAt) throw new IdentityError(IdentityErrorCode.ACCOUNT_DISABLED, `${user.person!.name}s konto är inaktiverat; aktivera det först`);
      const now = this.clock.now();
      const recipient = { email: user.person!.email, name: user.person!.name, personId: user.personId };
      const base = { invitedBy: personLabelOf(actor), signInUrl: this.links.signIn(), email: user.person!.email };
      if (this.singleSignOn) {
        await this.outbox.enqueue('user.invited', recipient, { ...base, setPasswordUrl: null, validUntil: null, ssoLabel: this.config.identity.oidc!.buttonLabel }, `user.invited:${userId}:${now.toISOString()}`);
        await this.audit.record(actor, { action: 'user.invited', subjectType: 'user', subjectId: userId, after: { sso: true } });
        return { sso: true };
      }
      await this.tokens.retireUnusedForUser(userId, now);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + PASSWORD_SETUP_TTL_HOURS * 3_600_000);
      const saved = await this.tokens.insert({ userId, tokenHash: hashToken(token), expiresAt });
      await this.outbox.enqueue(
        'user.invited',
        recipient,
        { ...base, setPasswordUrl: this.links.setPassword(token), validUntil: formatSwedishDateTime(expiresAt), ssoLabel: null },
        `user.invited:${saved.id}`,
      );
      await this.audit.record(actor, { action: 'user.invited', subjectType: 'user', subjectId: userId, after: { sso: false, expiresAt } });
      return { sso: false };
    });
  }

  /** Where the link stands, and whose account it is (for the page that asks for the password). */
  async check(token: string): Promise<PasswordSetupCheck> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return { status: 'unknown', name: null, email: null };
    const found = await this.tokens.findByHash(hashToken(token));
    const status = passwordSetupStatus(found, found?.user ?? null, this.clock.now());
    const person = status === 'valid' ? found!.user!.person! : null;
    return { status, name: person?.name ?? null, email: person?.email ?? null };
  }

  /**
   * Sets the password with the link and signs the user in (a new web session). The rules are checked
   * before anything is written; the link is locked, so two uses at once are one use and one refusal.
   */
  async setPassword(token: string, password: string, meta: SessionMeta): Promise<NewSession> {
    refuseIfAny(passwordViolations(password));
    const tokenHash = token && token.length <= MAX_TOKEN_LENGTH ? hashToken(token) : null;
    const passwordHash = await this.hasher.hash(password);
    return this.tx.run(async () => {
      const found = tokenHash ? await this.tokens.lockByHash(tokenHash) : null;
      const user = found ? await this.users.lockById(found.userId) : null;
      const now = this.clock.now();
      const status = passwordSetupStatus(found, user, now);
      if (status !== 'valid') throw linkRefusal(status);
      await this.tokens.markUsed(found!.id, now);
      await this.users.save({ id: user!.id, passwordHash });
      await this.sessions.revokeAllForUser(user!.id);
      const session = await this.sessions.create(user!.id, 'web', 'password', meta);
      await this.users.markSignedIn(user!.id, now);
      const person = (await this.users.findById(user!.id))!.person!;
      await this.audit.record({ personId: user!.personId, label: person.name, ip: meta.ip ?? null }, {
        action: 'user.password_set',
        subjectType: 'user',
        subjectId: user!.id,
        after: { via: 'password_setup_link' },
      });
      return session;
    });
  }
}

/** The Swedish refusal for a link that cannot be used. */
export function linkRefusal(status: Exclude<PasswordSetupStatus, 'valid'>): IdentityError {
  const messages: Record<Exclude<PasswordSetupStatus, 'valid'>, string> = {
    used: 'Länken har redan använts. Logga in med ditt lösenord, eller be en administratör om en ny länk.',
    expired: `Länken gällde i ${PASSWORD_SETUP_TTL_HOURS} timmar och har gått ut. Be en administratör skicka en ny länk.`,
    disabled: 'Kontot är inaktiverat. Kontakta en administratör.',
    unknown: 'Länken är inte giltig. Kontrollera att du har kopierat hela länken, eller be en administratör om en ny.',
  };
  return new IdentityError(IdentityErrorCode.PASSWORD_LINK_INVALID, messages[status], { status });
}
