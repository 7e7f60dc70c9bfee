import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { addDays, Clock, localDateInCity } from '@samverka/kernel';
import { CoordinatorService } from '../services/coordinator.service';
import { OrganisationRegistryService } from '../services/organisation-registry.service';
import { PeopleService } from '../services/people.service';
import city from './malmo-organisation.json';

export const DEMO_EMAIL_DOMAIN = 'malmo.example';

interface DemoCoordinator {
  department: string;
  name: string;
  title: string;
  /** Days from today the assignment started (negative: in the past). */
  fromDays: number;
  /** Days from today it ends, if it ends. */
  toDays?: number;
  acknowledged: boolean;
  deputy?: { name: string; title: string; acknowledged: boolean };
}

/**
 * A Malmö-like demo city: the real departments and committees (see
 * demo/malmo-organisation.json), invented people, and coordinators for all
 * departments but two (Miljöförvaltningen and Stadsbyggnadskontoret), so the
 * coverage view has something to show: one assignment unacknowledged, one
 * ending within 30 days, and one department whose coordinator was replaced.
 */
const COORDINATORS: DemoCoordinator[] = [
  { department: 'SEF', name: 'Maria Lindqvist', title: 'Verksamhetsutvecklare, kontaktcenter', fromDays: -400, acknowledged: true, deputy: { name: 'Jonas Berg', title: 'Gruppledare, kontaktcenter', acknowledged: true } },
  { department: 'FSK', name: 'Annika Åsberg', title: 'Avdelningschef', fromDays: -300, acknowledged: true, deputy: { name: 'Susanne Nyström', title: 'Verksamhetsutvecklare', acknowledged: true } },
  { department: 'KUF', name: 'Elin Öberg', title: 'Bibliotekschef', fromDays: -250, acknowledged: true, deputy: { name: 'Ahmed Khalil', title: 'Bibliotekarie', acknowledged: false } },
  { department: 'GRF', name: 'Karin Sjöström', title: 'Kommunikationsstrateg', fromDays: -200, acknowledged: true },
  { department: 'ASF', name: 'Fatima Hassan', title: 'Utvecklingsledare', fromDays: -180, acknowledged: true },
  { department: 'GYVF', name: 'Johan Ek', title: 'Utredare', fromDays: -150, toDays: 20, acknowledged: true },
  { department: 'HVOF', name: 'Lena Ståhl', title: 'Kvalitetsstrateg', fromDays: -120, acknowledged: true },
  { department: 'FSF', name: 'Mikael Björk', title: 'Verksamhetsutvecklare', fromDays: -90, acknowledged: true },
  { department: 'FRI', name: 'Sara Holm', title: 'Enhetschef', fromDays: -60, acknowledged: true },
  { department: 'FGK', name: 'Per Nilsson', title: 'Digitaliseringsstrateg', fromDays: -20, acknowledged: false },
  { department: 'STK', name: 'Ingrid Wallin', title: 'Strateg', fromDays: -10, acknowledged: true },
];

/** Grundskoleförvaltningen had another coordinator before; the history shows the hand-over. */
const PREVIOUS = { department: 'GRF', name: 'Björn Åkesson', title: 'Utvecklingssekreterare', fromDays: -700 };

const MANDATE =
  'Mandat att företräda förvaltningen i samarbetsprocessen för medborgarservice, ' +
  'lyfta förvaltningens strategiska behov till kontaktcenter och förankra arbetet i förvaltningsledningen.';

export function demoEmail(name: string): string {
  const ascii = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${ascii}@${DEMO_EMAIL_DOMAIN}`;
}

@Injectable()
export class DemoCitySeeder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly registry: OrganisationRegistryService,
    private readonly people: PeopleService,
    private readonly coordinators: CoordinatorService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** True when the registry holds no department yet (the quick start seeds only then). */
  async isEmpty(): Promise<boolean> {
    return (await this.registry.countDepartments()) === 0;
  }

  /** Loads the demo city in one transaction. Refuses a database that already has departments. */
  seed(actor: Actor): Promise<{ committees: number; departments: number; people: number; assignments: number }> {
    return this.tx.run(async () => {
      if (!(await this.isEmpty())) throw new Error('The database already holds an organisation; demo data is loaded only into an empty one.');
      const today = localDateInCity(this.clock.now());
      const committeeIds = new Map<string, string>();
      for (const c of city.committees) {
        committeeIds.set(c.code, (await this.registry.createCommittee(actor, { code: c.code, name: c.name })).id);
      }
      const departmentIds = new Map<string, string>();
      for (const d of city.departments) {
        const committeeId = committeeIds.get(d.committee);
        if (!committeeId) throw new Error(`Demo data: unknown committee ${d.committee}`);
        departmentIds.set(d.code, (await this.registry.createDepartment(actor, { code: d.code, name: d.name, committeeId })).id);
      }
      let peopleCount = 0;
      let assignments = 0;
      const appoint = async (department: string, name: string, title: string, kind: 'primary' | 'deputy', from: number, to: number | undefined, acknowledged: boolean) => {
        const person = await this.people.create(actor, { name, email: demoEmail(name), title });
        peopleCount++;
        const a = await this.coordinators.appoint(actor, departmentIds.get(department)!, {
          personId: person.id,
          kind,
          mandate: MANDATE,
          validFrom: addDays(today, from),
          validTo: to === undefined ? null : addDays(today, to),
        });
        assignments++;
        if (acknowledged) await this.coordinators.acknowledge({ personId: person.id, label: name }, a.id);
      };
      await appoint(PREVIOUS.department, PREVIOUS.name, PREVIOUS.title, 'primary', PREVIOUS.fromDays, undefined, true);
      for (const c of COORDINATORS) {
        await appoint(c.department, c.name, c.title, 'primary', c.fromDays, c.toDays, c.acknowledged);
        if (c.deputy) await appoint(c.department, c.deputy.name, c.deputy.title, 'deputy', c.fromDays, c.toDays, c.deputy.acknowledged);
      }
      return { committees: committeeIds.size, departments: departmentIds.size, people: peopleCount, assignments };
    });
  }
}
