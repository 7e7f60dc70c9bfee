import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { UserEntity } from '../entities/user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { id }, relations: { person: true } });
  }

  /** By the person's e-mail, case-insensitively. */
  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').innerJoinAndSelect('u.person', 'p').where('p.email = :email', { email }).getOne();
  }

  findByPersonId(personId: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { personId }, relations: { person: true } });
  }

  findByPersonIds(personIds: string[]): Promise<UserEntity[]> {
    return this.repo.createQueryBuilder('u').where('u.person_id in (:...personIds)', { personIds }).getMany();
  }

  /** Locks the user row for the rest of the transaction (role changes, disabling). */
  lockById(id: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('u.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  list(filter: { email?: string } = {}): Promise<UserEntity[]> {
    const q = this.repo.createQueryBuilder('u').innerJoinAndSelect('u.person', 'p').orderBy('p.name', 'ASC');
    if (filter.email) q.andWhere('p.email = :email', { email: filter.email });
    return q.getMany();
  }

  /** One page of users by name (then id), optionally by exact e-mail, and how many match in all. */
  async page(filter: { email?: string }, offset: number, limit: number): Promise<{ users: UserEntity[]; total: number }> {
    const q = this.repo.createQueryBuilder('u').innerJoinAndSelect('u.person', 'p').orderBy('p.name', 'ASC').addOrderBy('u.id', 'ASC');
    if (filter.email) q.andWhere('p.email = :email', { email: filter.email });
    const [users, total] = await q.skip(offset).take(limit).getManyAndCount();
    return { users, total };
  }

  /** One page of users by name, whose name or e-mail contains `query` (case-insensitively), and how many match in all. */
  async search(query: string, offset: number, limit: number): Promise<{ users: UserEntity[]; total: number }> {
    const q = this.repo.createQueryBuilder('u').innerJoinAndSelect('u.person', 'p').orderBy('p.name', 'ASC').addOrderBy('u.id', 'ASC');
    if (query) q.andWhere(`(p.name ilike :pattern or p.email::text ilike :pattern)`, { pattern: `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const [users, total] = await q.skip(offset).take(limit).getManyAndCount();
    return { users, total };
  }

  save(user: Partial<UserEntity>): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  async markSignedIn(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastSignInAt: at });
  }
}
