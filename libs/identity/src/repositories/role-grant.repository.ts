import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { IsNull } from 'typeorm';
import { GrantedRole, RoleGrantEntity } from '../entities/role-grant.entity';

/** A person holding a role through an enabled user account: whom role-addressed emails go to. */
export interface RoleHolderRow {
  /** The department the grant is for (management), else null. */
  departmentId: string | null;
  userId: string;
  personId: string;
  email: string;
  name: string;
}

@Injectable()
export class RoleGrantRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(RoleGrantEntity);
  }

  findActiveForUser(userId: string): Promise<RoleGrantEntity[]> {
    return this.repo.find({
      where: { userId, revokedAt: IsNull() },
      relations: { department: true, committee: true },
      order: { grantedAt: 'ASC' },
    });
  }

  /** Active grants of many users at once (no query per user). */
  findActiveForUsers(userIds: string[]): Promise<RoleGrantEntity[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('g')
      .leftJoinAndSelect('g.department', 'd')
      .leftJoinAndSelect('g.committee', 'c')
      .where('g.user_id = any(:userIds)', { userIds })
      .andWhere('g.revoked_at is null')
      .orderBy('g.granted_at', 'ASC')
      .getMany();
  }

  findById(id: string): Promise<RoleGrantEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { department: true, committee: true } });
  }

  findActive(userId: string, role: GrantedRole, departmentId: string | null, committeeId: string | null): Promise<RoleGrantEntity | null> {
    return this.repo.findOne({
      where: { userId, role, departmentId: departmentId ?? IsNull(), committeeId: committeeId ?? IsNull(), revokedAt: IsNull() },
    });
  }

  insert(values: Pick<RoleGrantEntity, 'userId' | 'role' | 'departmentId' | 'committeeId' | 'grantedById'>): Promise<RoleGrantEntity> {
    return this.repo.save(this.repo.create({ ...values, revokedAt: null }));
  }

  /**
   * Holds, until the transaction ends, the one lock every change that could take away an active
   * admin takes first (disabling a user, revoking an admin grant): two admins acting on each other
   * at once then check "is someone else left?" one after the other, each seeing the other's change.
   */
  async lockAdminChanges(): Promise<void> {
    await this.tx.manager.query(`select pg_advisory_xact_lock(hashtext('samverka.identity.active-admins'))`);
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { revokedAt: at });
  }

  /** Holders of an active grant of `role` (for management: of any of `departmentIds`), enabled users only, one set-based query. */
  async findHolders(role: GrantedRole, departmentIds?: string[]): Promise<RoleHolderRow[]> {
    if (departmentIds && departmentIds.length === 0) return [];
    const rows: Array<{ department_id: string | null; user_id: string; person_id: string; email: string; name: string }> = await this.tx.manager.query(
      `select g.department_id, u.id as user_id, p.id as person_id, p.email, p.name
         from role_grant g
         join app_user u on u.id = g.user_id
         join person p on p.id = u.person_id
        where g.role = $1 and g.revoked_at is null and u.disabled_at is null
          and ($2::uuid[] is null or g.department_id = any($2::uuid[]))
        order by g.department_id nulls first, p.name, u.id`,
      [role, departmentIds ?? null],
    );
    return rows.map((r) => ({ departmentId: r.department_id, userId: r.user_id, personId: r.person_id, email: r.email, name: r.name }));
  }
}
