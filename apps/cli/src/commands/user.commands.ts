import { CLI_ACTOR } from '@samverka/audit';
import { migrateDatabase, TransactionHost } from '@samverka/database';
import { GRANTED_ROLES, GrantedRole, UserAdminService } from '@samverka/identity';
import { DomainError } from '@samverka/kernel';
import { OrganisationRegistryService } from '@samverka/organisation';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { ServiceContext } from '../service-context';
import { readSecret } from './read-secret';
import { say } from './say';

interface CreateOptions {
  email?: string;
  name?: string;
  title?: string;
  role: string[];
  department?: string;
  committee?: string;
  password: boolean;
}

const fail = (message: string): void => {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
};

const describeError = (e: unknown): string => {
  if (e instanceof DomainError) {
    const details = e.details ? ` (${e.details.map((d) => `${d.field}: ${d.message}`).join('; ')})` : '';
    return `${e.message}${details}`;
  }
  return (e as Error).message;
};

@Command({
  name: 'user:create',
  description: 'Create a user (the password is read from standard input) and grant roles',
})
export class CreateUserCommand extends CommandRunner {
  constructor(private readonly service: ServiceContext) {
    super();
  }

  @Option({ flags: '--email <email>', description: "the person's e-mail address", required: true })
  parseEmail(v: string) {
    return v;
  }

  @Option({ flags: '--name <name>', description: 'full name (needed when no person has the e-mail yet)' })
  parseName(v: string) {
    return v;
  }

  @Option({ flags: '--title <title>', description: 'job title' })
  parseTitle(v: string) {
    return v;
  }

  @Option({ flags: '--role <role>', description: `${GRANTED_ROLES.join(' | ')} (repeatable)` })
  parseRole(v: string, previous: string[] = []) {
    return [...previous, v];
  }

  @Option({ flags: '--department <code>', description: 'department code, for management' })
  parseDepartment(v: string) {
    return v;
  }

  @Option({ flags: '--committee <code>', description: 'committee code, for committee_secretary' })
  parseCommittee(v: string) {
    return v;
  }

  @Option({ flags: '--no-password', description: 'no password: the user signs in through single sign-on only' })
  parsePassword() {
    return false;
  }

  async run(_: string[], options: CreateOptions): Promise<void> {
    const roles = options.role ?? [];
    const unknown = roles.filter((r) => !(GRANTED_ROLES as readonly string[]).includes(r));
    if (unknown.includes('coordinator')) return fail('coordinator is not granted: appoint the person as coordinator of a department instead');
    if (unknown.length) return fail(`unknown role(s): ${unknown.join(', ')}; one of ${GRANTED_ROLES.join(', ')}`);
    const app = await this.service.open();
    await migrateDatabase(app.get(DataSource));
    const registry = app.get(OrganisationRegistryService);
    const users = app.get(UserAdminService);

    const departmentId = options.department ? (await registry.listDepartments({ code: options.department }))[0]?.id : undefined;
    if (options.department && !departmentId) return fail(`no department has the code ${options.department}`);
    const committeeId = options.committee ? (await registry.listCommittees({ code: options.committee }))[0]?.id : undefined;
    if (options.committee && !committeeId) return fail(`no committee has the code ${options.committee}`);

    const password = options.password === false ? undefined : await readSecret('Lösenord: ');
    if (password !== undefined && password.length === 0) return fail('no password on standard input (use --no-password for single sign-on only)');
    try {
      // One transaction: the user and all their roles, or nothing.
      const created = await app.get(TransactionHost).run(async () => {
        const { user } = await users.create(CLI_ACTOR, { email: options.email!, name: options.name, title: options.title, password });
        for (const role of roles as GrantedRole[]) {
          await users.grantRole(CLI_ACTOR, user.id, {
            role,
            departmentId: role === 'management' ? departmentId : undefined,
            committeeId: role === 'committee_secretary' ? committeeId : undefined,
          });
        }
        return users.get(user.id);
      });
      const granted = created.grants.map((g) => g.role + (g.department ? ` (${g.department.code})` : g.committee ? ` (${g.committee.code})` : ''));
      say(`created ${created.user.person!.email} (${created.user.person!.name})${granted.length ? `: ${granted.join(', ')}` : ''}`);
    } catch (e) {
      fail(describeError(e));
    }
  }
}

@Command({ name: 'user:disable', description: 'Disable a user: every session and access token is revoked at once' })
export class DisableUserCommand extends CommandRunner {
  constructor(private readonly service: ServiceContext) {
    super();
  }

  @Option({ flags: '--email <email>', description: "the user's e-mail address", required: true })
  parseEmail(v: string) {
    return v;
  }

  async run(_: string[], options: { email: string }): Promise<void> {
    const users = (await this.service.open()).get(UserAdminService);
    const user = await users.findByEmail(options.email);
    if (!user) return fail(`no user has the e-mail ${options.email}`);
    await users.disable(CLI_ACTOR, user.id);
    say(`disabled ${user.person!.email}; their sessions and tokens are revoked`);
  }
}
