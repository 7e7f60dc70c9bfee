import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { IsNull } from 'typeorm';
import { GrantedRole, RoleGrantEntity } from '../entities/role-grant.entity';

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

  async revoke(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { revokedAt: at });
  }
}
