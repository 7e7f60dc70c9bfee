import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { Clock } from '@samverka/kernel';
import { CoordinatorService } from '@samverka/organisation';
import { AuthSessionEntity, SessionKind } from '../entities/auth-session.entity';
import { Principal } from '../principal';
import { RoleGrantRepository } from '../repositories/role-grant.repository';
import { PrincipalCache } from './principal-cache';
import { hashToken, SessionService, TOUCH_INTERVAL_MS } from './session.service';

/** Resolves what a signed-in user may reach: granted roles plus coordinator reach from assignments valid today. */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly grants: RoleGrantRepository,
    private readonly coordinators: CoordinatorService,
    private readonly sessions: SessionService,
    private readonly cache: PrincipalCache,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(SAMVERKA_CONFIG) private readonly config: SamverkaConfig,
  ) {}

  /**
   * The principal behind a token of the given kind, or null. In the steady state from this process's
   * cache, without a statement: a hit still honours the session's absolute expiry and (browser
   * sessions) its idle limit, and marks it seen at most once a minute, off the request's path. A miss
   * reads the session (3 statements) and caches what it found.
   */
  async forToken(token: string, kind: SessionKind): Promise<Principal | null> {
    if (!token || token.length > 200) return null;
    const key = `${kind}:${hashToken(token)}`;
    const day = this.coordinators.today();
    const hit = this.cache.get(key, day);
    if (hit) {
      const now = this.clock.now().getTime();
      const idle = kind === 'web' && now - hit.lastSeenAt > this.config.identity.sessionIdleMinutes * 60_000;
      if (now < hit.expiresAt && !idle) {
        if (now - hit.lastSeenAt > TOUCH_INTERVAL_MS) {
          hit.lastSeenAt = now;
          this.sessions.touchInBackground(hit.principal.sessionId, new Date(now));
        }
        return hit.principal;
      }
      // Expired or idle: the database decides (and revokes an idle session).
      this.cache.forget(key);
    }
    const generation = this.cache.generation;
    const session = await this.sessions.resolve(token, kind);
    if (!session) return null;
    const principal = await this.forSession(session);
    this.cache.set(key, { principal, expiresAt: session.expiresAt.getTime(), lastSeenAt: session.lastSeenAt.getTime(), day }, generation);
    return principal;
  }

  async forSession(session: AuthSessionEntity): Promise<Principal> {
    const user = session.user!;
    const [grants, coordinated] = await Promise.all([
      this.grants.findActiveForUser(user.id),
      this.coordinators.departmentsCoordinatedBy(user.personId),
    ]);
    return {
      userId: user.id,
      personId: user.personId,
      name: user.person!.name,
      email: user.person!.email,
      sessionId: session.id,
      sessionKind: session.kind,
      csrfToken: session.csrfToken,
      admin: grants.some((g) => g.role === 'admin'),
      strategist: grants.some((g) => g.role === 'strategist'),
      management: grants.filter((g) => g.role === 'management').map((g) => g.departmentId!),
      committeeSecretary: grants.filter((g) => g.role === 'committee_secretary').map((g) => g.committeeId!),
      coordinator: coordinated,
    };
  }
}
