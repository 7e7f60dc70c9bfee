import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { IsNull } from 'typeorm';
import { AuthSessionEntity } from '../entities/auth-session.entity';

@Injectable()
export class AuthSessionRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(AuthSessionEntity);
  }

  insert(values: Omit<AuthSessionEntity, 'id' | 'createdAt' | 'user' | 'revokedAt'>): Promise<AuthSessionEntity> {
    return this.repo.save(this.repo.create({ ...values, revokedAt: null }));
  }

  /** The live session behind a token hash, with its user and person. */
  findLiveByTokenHash(tokenHash: string, now: Date): Promise<AuthSessionEntity | null> {
    return this.repo
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .innerJoinAndSelect('u.person', 'p')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_at is null')
      .andWhere('s.expires_at > :now', { now })
      .getOne();
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastSeenAt: at });
  }

  async revoke(id: string, at: Date): Promise<void> {
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllForUser(userId: string, at: Date): Promise<number> {
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected ?? 0;
  }
}
