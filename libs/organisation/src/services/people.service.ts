import { Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { CommonError, refuseIfAny } from '@samverka/kernel';
import { PersonEntity } from '../entities/person.entity';
import { PersonRepository } from '../repositories/person.repository';
import { personViolations } from '../rules/person.rules';

export interface PersonInput {
  name: string;
  email: string;
  title?: string | null;
}

const duplicateEmail = (email: string) => CommonError.duplicate('email', email, `E-postadressen ${email} tillhör redan en person`);

// The pre-check gives a clear message; the unique e-mail settles a race between two creators, with the same answer.
declareConflict('person', (key) => duplicateEmail(key.email ?? ''));

@Injectable()
export class PeopleService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly people: PersonRepository,
    private readonly audit: AuditService,
  ) {}

  list(filter: { email?: string; q?: string } = {}): Promise<PersonEntity[]> {
    return this.people.list(filter);
  }

  /** One page of people by name, and how many match the filter. */
  page(filter: { email?: string; q?: string }, paging: { limit: number; offset: number }): Promise<{ items: PersonEntity[]; total: number }> {
    return this.people.page(filter, paging.limit, paging.offset);
  }

  async get(id: string): Promise<PersonEntity> {
    const person = await this.people.findById(id);
    if (!person) throw CommonError.notFound('Personen', id);
    return person;
  }

  create(actor: Actor, input: PersonInput): Promise<PersonEntity> {
    refuseIfAny(personViolations(input));
    return this.tx.run(async () => {
      const email = input.email.trim();
      if (await this.people.findByEmail(email)) throw duplicateEmail(email);
      const person = await this.people.insert({ name: input.name.trim(), email, title: input.title?.trim() || null });
      await this.audit.record(actor, {
        action: 'person.created',
        subjectType: 'person',
        subjectId: person.id,
        after: { name: person.name, email: person.email, title: person.title },
      });
      return person;
    });
  }
}
