import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { PersonEntity } from '../entities/person.entity';

@Injectable()
export class PersonRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get repo() {
    return this.tx.repository(PersonEntity);
  }

  list(filter: { email?: string; q?: string } = {}): Promise<PersonEntity[]> {
    return this.filtered(filter).getMany();
  }

  /** One page of people by name (then id), and how many match in all. */
  async page(filter: { email?: string; q?: string }, limit: number, offset: number): Promise<{ items: PersonEntity[]; total: number }> {
    const [items, total] = await this.filtered(filter).addOrderBy('p.id', 'ASC').limit(limit).offset(offset).getManyAndCount();
    return { items, total };
  }

  private filtered(filter: { email?: string; q?: string }) {
    const q = this.repo.createQueryBuilder('p').orderBy('p.name', 'ASC');
    if (filter.email !== undefined) q.andWhere('p.email = :email', { email: filter.email });
    if (filter.q) q.andWhere('(p.name ilike :q or p.email::text ilike :q)', { q: `%${filter.q.replace(/[%_\\]/g, '\\$&')}%` });
    return q;
  }

  findById(id: string): Promise<PersonEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<PersonEntity | null> {
    return this.repo.createQueryBuilder('p').where('p.email = :email', { email }).getOne();
  }

  insert(values: Pick<PersonEntity, 'name' | 'email' | 'title'>): Promise<PersonEntity> {
    return this.repo.save(this.repo.create(values));
  }
}
