import { Inject, Injectable } from '@nestjs/common';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, localDateInCity } from '@samverka/kernel';
import { Recipient } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';

export type DepartmentPerson = Recipient & { personId: string };

/**
 * Who hears about a department's part in the plan: its coordinators and deputies (assignment valid
 * today) and its management users, each person once per department. Two statements, one after the
 * other (inside a step's or a freeze's transaction both run on its one connection).
 */
@Injectable()
export class DepartmentPeople {
  constructor(
    private readonly directory: RecipientDirectory,
    private readonly coordinators: CoordinatorService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async of(departmentIds: string[]): Promise<Map<string, DepartmentPerson[]>> {
    const today = localDateInCity(this.clock.now());
    const assignments = await this.coordinators.currentByDepartment(departmentIds);
    const managers = await this.directory.managementOf(departmentIds);
    const byDepartment = new Map<string, Map<string, DepartmentPerson>>();
    const add = (departmentId: string, person: DepartmentPerson) => {
      const people = byDepartment.get(departmentId) ?? new Map<string, DepartmentPerson>();
      if (!people.has(person.personId)) people.set(person.personId, person);
      byDepartment.set(departmentId, people);
    };
    for (const a of assignments) {
      if (a.person && this.coordinators.statusOf(a, today) === 'active') add(a.departmentId, { email: a.person.email, name: a.person.name, personId: a.personId });
    }
    for (const m of managers) if (m.departmentId) add(m.departmentId, { email: m.email, name: m.name, personId: m.personId });
    return new Map([...byDepartment].map(([id, people]) => [id, [...people.values()]]));
  }
}
