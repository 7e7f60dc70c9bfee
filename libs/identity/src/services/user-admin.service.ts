import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { isPgError, PG, TransactionHost } from '@samverka/database';
import { Clock, CommonError, refuseIfAny } from '@samverka/kernel';
import { OrganisationRegistryService, PeopleService, type PersonEntity } from '@samverka/organisation';
import { GrantedRole, RoleGrantEntity } from '../entities/role-grant.entity';
import { UserEntity } from '../entities/user.entity';
import { IdentityError, IdentityErrorCode } from '../identity.exception';
import { RoleGrantRepository } from '../repositories/role-grant.repository';
import { UserRepository } from '../repositories/user.repository';
import { newUserViolations, passwordViolations } from '../rules/user.rules';
import { PasswordHasher } from './password-hasher';
import { Invitation, PasswordSetupService } from './password-setup.service';
import { PrincipalCache } from './principal-cache';
import { SessionService } from './session.service';

export interface CreateUserInput {
  email: string;
  /** Needed when no person has this e-mail yet. */
  name?: string;
  title?: string | null;
  /** Omit for a user who signs in only through single sign-on. */
  password?: string;
}

export interface RoleGrantInput {
  role: GrantedRole;
  departmentId?: string | null;
  committeeId?: string | null;
}

export interface UserWithGrants {
  user: UserEntity;
  grants: RoleGrantEntity[];
}

const grantSnapshot = (g: RoleGrantEntity) => ({ role: g.role, departmentId: g.departmentId, committeeId: g.committeeId });

/** Users, passwords and role grants: the admin's tools. Every change is audited. */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly grants: RoleGrantRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly cache: PrincipalCache,
    private readonly people: PeopleService,
    private readonly registry: OrganisationRegistryService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly passwordSetup: PasswordSetupService,
  ) {}

  async list(filter: { email?: string } = {}): Promise<UserWithGrants[]> {
    const users = await this.users.list(filter);
    const grants = await this.grants.findActiveForUsers(users.map((u) => u.id));
    return users.map((user) => ({ user, grants: grants.filter((g) => g.userId === user.id) }));
  }

  /** One page of users by name, optionally by exact e-mail, with their roles, and how many match in all. */
  async page(filter: { email?: string }, paging: { limit: number; offset: number }): Promise<{ items: UserWithGrants[]; total: number }> {
    const { users, total } = await this.users.page(filter, paging.offset, paging.limit);
    const grants = await this.grants.findActiveForUsers(users.map((u) => u.id));
    return { items: users.map((user) => ({ user, grants: grants.filter((g) => g.userId === user.id) })), total };
  }

  /** One page of users (by name) whose name or e-mail contains `query`, with their roles, and how many match in all. */
  async search(query: string, page: number, pageSize: number): Promise<{ users: UserWithGrants[]; total: number }> {
    const { users, total } = await this.users.search(query.trim(), Math.max(0, page - 1) * pageSize, pageSize);
    const grants = await this.grants.findActiveForUsers(users.map((u) => u.id));
    return { users: users.map((user) => ({ user, grants: grants.filter((g) => g.userId === user.id) })), total };
  }

  /** Which of these people have an account (one query): for pages that offer to create one. */
  async personIdsWithAccount(personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    return new Set((await this.users.findByPersonIds(personIds)).map((u) => u.personId));
  }

  async get(id: string): Promise<UserWithGrants> {
    const user = await this.users.findById(id);
    if (!user) throw CommonError.notFound('Användaren', id);
    return { user, grants: await this.grants.findActiveForUser(id) };
  }

  /**
   * Checks first, hashes last: a taken e-mail (or a missing name) is refused
   * before the password costs its argon2 hash, and the hash is made outside
   * the transaction. The checks are made again inside it, where a concurrent
   * creation ends as the same 409 through the unique key.
   */
  async create(actor: Actor, input: CreateUserInput): Promise<UserWithGrants> {
    refuseIfAny(newUserViolations(input));
    const email = input.email.trim();
    await this.personForNewUser(input, email);
    const passwordHash = input.password === undefined ? null : await this.hasher.hash(input.password);
    return this.tx.run(async () => {
      const person = (await this.personForNewUser(input, email)) ?? (await this.people.create(actor, { name: input.name!, email, title: input.title ?? null }));
      let user: UserEntity;
      try {
        user = await this.users.save({ personId: person.id, passwordHash, disabledAt: null, lastSignInAt: null });
      } catch (e) {
        if (isPgError(e, PG.UNIQUE_VIOLATION)) throw CommonError.duplicate('email', email, `${person.name} har redan ett konto`);
        throw e;
      }
      await this.audit.record(actor, { action: 'user.created', subjectType: 'user', subjectId: user.id, after: { personId: person.id, email, password: passwordHash !== null } });
      // Without a password the new user learns how to sign in: a set-password link (or word of single sign-on), in this transaction.
      if (passwordHash === null) await this.passwordSetup.invite(actor, user.id);
      return this.get(user.id);
    });
  }

  /** The person a new account is for (null: one is to be created, and a name is given); refused when they already have an account. */
  private async personForNewUser(input: CreateUserInput, email: string): Promise<PersonEntity | null> {
    const person = (await this.people.list({ email }))[0];
    if (!person) {
      if (!input.name?.trim()) throw CommonError.invalidField('name', 'isNotEmpty', 'Ange ett namn: ingen person har den e-postadressen ännu');
      return null;
    }
    if (await this.users.findByPersonId(person.id)) throw CommonError.duplicate('email', email, `${person.name} har redan ett konto`);
    // The login is for the person who has the e-mail: a different name or title would be silently dropped, so it is refused.
    const differs = (given: string | null | undefined, held: string | null) => given != null && given.trim() !== '' && given.trim() !== (held ?? '');
    refuseIfAny([
      ...(differs(input.name, person.name) ? [{ field: 'name', rule: 'matchesPerson', message: `E-postadressen är ${person.name}s: lämna namnet tomt för att skapa inloggningen för den personen, eller ange en annan e-postadress` }] : []),
      ...(differs(input.title, person.title) ? [{ field: 'title', rule: 'matchesPerson', message: `E-postadressen är ${person.name}s, vars titel är ${person.title ? `"${person.title}"` : 'tom'}: lämna titeln tom, eller ändra den på personen` }] : []),
    ]);
    return person;
  }

  /** Emails the user a new set-password link (or, with single sign-on, how to sign in); earlier links stop working. */
  resendInvitation(actor: Actor, userId: string): Promise<Invitation> {
    return this.passwordSetup.invite(actor, userId);
  }

  async setPassword(actor: Actor, userId: string, password: string): Promise<void> {
    refuseIfAny(passwordViolations(password));
    const hash = await this.hasher.hash(password);
    await this.changeAccess(async () => {
      const user = await this.lockUser(userId);
      await this.users.save({ id: user.id, passwordHash: hash });
      // A new password ends every session signed in with the old one.
      await this.sessions.revokeAllForUser(userId);
      await this.audit.record(actor, { action: 'user.password_set', subjectType: 'user', subjectId: userId });
    });
  }

  grantRole(actor: Actor, userId: string, input: RoleGrantInput): Promise<RoleGrantEntity> {
    return this.changeAccess(async () => {
      await this.lockUser(userId);
      const { departmentId, committeeId } = await this.checkScope(input);
      const existing = await this.grants.findActive(userId, input.role, departmentId, committeeId);
      if (existing) return (await this.grants.findById(existing.id))!;
      const grant = await this.grants.insert({ userId, role: input.role, departmentId, committeeId, grantedById: actor.personId });
      await this.audit.record(actor, { action: 'user.role_granted', subjectType: 'user', subjectId: userId, after: grantSnapshot(grant) });
      return (await this.grants.findById(grant.id))!;
    });
  }

  /** Refused (409 LAST_ADMIN) for the admin grant of the last active admin, as disabling them is. */
  revokeRole(actor: Actor, userId: string, grantId: string): Promise<void> {
    return this.changeAccess(async () => {
      await this.grants.lockAdminChanges();
      const user = await this.lockUser(userId);
      const grant = await this.grants.findById(grantId);
      if (!grant || grant.userId !== userId || grant.revokedAt) throw CommonError.notFound('Behörigheten', grantId);
      if (grant.role === 'admin' && !user.disabledAt) await this.refuseIfLastAdmin(userId, 'Behörigheten är den enda aktiva administratörens och kan inte tas bort');
      await this.grants.revoke(grantId, this.clock.now());
      await this.audit.record(actor, { action: 'user.role_revoked', subjectType: 'user', subjectId: userId, before: grantSnapshot(grant) });
    });
  }

  /**
   * Disabling signs the user out everywhere at once: every session and API token is revoked.
   * Refused (409) for one's own account, and for the last enabled admin: someone must be left
   * who can enable accounts again. Two admins disabling each other at once: the second waits for
   * the first (lockAdminChanges) and is then refused as the last.
   */
  disable(actor: Actor, userId: string): Promise<UserWithGrants> {
    return this.changeAccess(async () => {
      await this.grants.lockAdminChanges();
      const user = await this.lockUser(userId);
      if (actor.personId !== null && actor.personId === user.personId) {
        throw new IdentityError(IdentityErrorCode.OWN_ACCOUNT, 'Du kan inte inaktivera ditt eget konto; be en annan administratör');
      }
      if (!user.disabledAt) {
        await this.refuseIfLastAdmin(userId, 'Kontot är den enda aktiva administratörens och kan inte inaktiveras');
        await this.users.save({ id: userId, disabledAt: this.clock.now() });
        const revoked = await this.sessions.revokeAllForUser(userId);
        await this.audit.record(actor, { action: 'user.disabled', subjectType: 'user', subjectId: userId, after: { revokedSessions: revoked } });
      }
      return this.get(userId);
    });
  }

  enable(actor: Actor, userId: string): Promise<UserWithGrants> {
    return this.changeAccess(async () => {
      const user = await this.lockUser(userId);
      if (user.disabledAt) {
        await this.users.save({ id: userId, disabledAt: null });
        await this.audit.record(actor, { action: 'user.enabled', subjectType: 'user', subjectId: userId });
      }
      return this.get(userId);
    });
  }

  /** A change to who may do what, in one transaction; returns once every process has dropped the principals it cached. */
  private async changeAccess<T>(work: () => Promise<T>): Promise<T> {
    if (this.tx.inTransaction) return work();
    const result = await this.tx.run(work);
    await this.cache.settled();
    return result;
  }

  async findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findByEmail(email.trim());
  }

  /**
   * LAST_ADMIN when `userId` is an active admin and no other is. Called after lockAdminChanges, so a
   * concurrent change that could remove an admin has committed (and is seen here) or waits for this one.
   */
  private async refuseIfLastAdmin(userId: string, what: string): Promise<void> {
    const admins = await this.grants.findHolders('admin');
    if (admins.some((a) => a.userId === userId) && !admins.some((a) => a.userId !== userId)) {
      throw new IdentityError(IdentityErrorCode.LAST_ADMIN, `${what}; utse först en annan administratör`);
    }
  }

  private async lockUser(userId: string): Promise<UserEntity> {
    const user = await this.users.lockById(userId);
    if (!user) throw CommonError.notFound('Användaren', userId);
    return user;
  }

  private async checkScope(input: RoleGrantInput): Promise<{ departmentId: string | null; committeeId: string | null }> {
    const departmentId = input.departmentId ?? null;
    const committeeId = input.committeeId ?? null;
    if (input.role === 'management') {
      if (!departmentId || committeeId) throw CommonError.invalidField('departmentId', 'requiredForRole', 'Ledningsrollen gäller en förvaltning: ange departmentId (och inget committeeId)');
      await this.registry.getDepartment(departmentId).catch(() => {
        throw CommonError.unknownReference('departmentId', departmentId, `Förvaltningen ${departmentId} finns inte`);
      });
    } else if (input.role === 'committee_secretary') {
      if (!committeeId || departmentId) throw CommonError.invalidField('committeeId', 'requiredForRole', 'Nämndsekreterarrollen gäller en nämnd: ange committeeId (och inget departmentId)');
      await this.registry.getCommittee(committeeId).catch(() => {
        throw CommonError.unknownReference('committeeId', committeeId, `Nämnden ${committeeId} finns inte`);
      });
    } else if (departmentId || committeeId) {
      throw CommonError.invalidField(departmentId ? 'departmentId' : 'committeeId', 'notAllowedForRole', `Rollen ${input.role} gäller hela staden och har ingen förvaltning eller nämnd`);
    }
    return { departmentId, committeeId };
  }
}
