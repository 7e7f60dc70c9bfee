import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { IsNull } from 'typeorm';
import { PasswordSetupTokenEntity } from '../entities/password-setup-token.entity';

@Injectable()
export class PasswordSetupTokenRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(PasswordSetupTokenEntity);
  }

  insert(token: Pick<PasswordSetupTokenEntity, 'userId' | 'tokenHash' | 'expiresAt'>): Promise<PasswordSetupTokenEntity> {
    return this.repo.save(this.repo.create({ ...token, usedAt: null }));
  }

  /** The token with this hash, with its user and person. */
  findByHash(tokenHash: string): Promise<PasswordSetupTokenEntity | null> {
    return this.repo.findOne({ where: { tokenHash }, relations: { user: { person: true } } });
  }

  /** The same, locked for the rest of the transaction: two uses at once are one use and one refusal. */
  lockByHash(tokenHash: string): Promise<PasswordSetupTokenEntity | null> {
    return this.repo.createQueryBuilder('t').where('t.token_hash = :tokenHash', { tokenHash }).setLock('pessimistic_write').getOne();
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { usedAt: at });
  }

  /** A newer link replaces every earlier unused one of the user. */
  async retireUnusedForUser(userId: string, at: Date): Promise<void> {
    await this.repo.update({ userId, usedAt: IsNull() }, { usedAt: at });
  }
}
