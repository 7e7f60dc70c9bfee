import { Injectable } from '@nestjs/common';
import { CoordinatorService } from '@samverka/organisation';
import { AuthSessionEntity } from '../entities/auth-session.entity';
import { Principal } from '../principal';
import { RoleGrantRepository } from '../repositories/role-grant.repository';

/** Resolves what a signed-in user may reach: granted roles plus coordinator reach from assignments valid today. */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly grants: RoleGrantRepository,
    private readonly coordinators: CoordinatorService,
  ) {}

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
