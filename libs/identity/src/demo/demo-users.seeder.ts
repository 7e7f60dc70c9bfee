import { Injectable } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { demoEmail, OrganisationRegistryService } from '@samverka/organisation';
import { GrantedRole } from '../entities/role-grant.entity';
import { UserAdminService } from '../services/user-admin.service';

/** The demo password. Demo data is refused in production (see libs/config), so this never reaches a real deployment. */
export const DEMO_PASSWORD = 'samverka-demo-2026';

interface DemoUser {
  name: string;
  title: string;
  role: GrantedRole | 'coordinator';
  department?: string;
  committee?: string;
}

/**
 * One user per role in the demo city. The coordinator is one of the demo
 * city's appointed coordinators (Annika Åsberg, Förskoleförvaltningen): the
 * role follows from her assignment, not from a grant.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'Sofia Berglund', title: 'Systemförvaltare', role: 'admin' },
  { name: 'Erik Strand', title: 'Strateg, kontaktcenter', role: 'strategist' },
  { name: 'Annika Åsberg', title: 'Avdelningschef', role: 'coordinator' },
  { name: 'Helena Ljung', title: 'Förvaltningsdirektör', role: 'management', department: 'FSK' },
  { name: 'Oskar Dahl', title: 'Nämndsekreterare', role: 'committee_secretary', committee: 'FSKN' },
];

@Injectable()
export class DemoUsersSeeder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UserAdminService,
    private readonly registry: OrganisationRegistryService,
  ) {}

  /** Needs the demo city (its departments, committees and coordinators) loaded first. */
  seed(actor: Actor): Promise<Array<{ email: string; role: string }>> {
    return this.tx.run(async () => {
      const out: Array<{ email: string; role: string }> = [];
      for (const u of DEMO_USERS) {
        const email = demoEmail(u.name);
        const { user } = await this.users.create(actor, { email, name: u.name, title: u.title, password: DEMO_PASSWORD });
        if (u.role !== 'coordinator') {
          const departmentId = u.department ? (await this.registry.listDepartments({ code: u.department }))[0]?.id : undefined;
          const committeeId = u.committee ? (await this.registry.listCommittees({ code: u.committee }))[0]?.id : undefined;
          await this.users.grantRole(actor, user.id, { role: u.role, departmentId, committeeId });
        }
        out.push({ email, role: u.role });
      }
      return out;
    });
  }
}
