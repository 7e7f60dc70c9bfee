import { CommitteeEntity, CoordinatorService, DepartmentEntity, OrganisationRegistryService, PeopleService, PersonEntity } from '@samverka/organisation';
import { SessionService, UserAdminService } from '@samverka/identity';
import { addDays, LocalDate, localDateInCity } from '@samverka/kernel';
import { randomBytes } from 'node:crypto';
import { AuthedApi, E2eContext } from './e2e';
import { TEST_ACTOR } from './given';

/**
 * Who calls, in the access matrix. Every request targets department A (in
 * committee A); "own" callers act for A, "other" callers for B.
 */
export const CALLERS = [
  'anonymous',
  'nobody',
  'admin',
  'strategist',
  'coordinator-own',
  'coordinator-other',
  'management-own',
  'management-other',
  'secretary-own',
  'secretary-other',
  'self',
] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedInCaller = Exclude<Caller, 'anonymous'>;

export const CALLER_NOTES: Record<Caller, string> = {
  anonymous: 'no credentials',
  nobody: 'signed in, no role',
  admin: 'admin',
  strategist: 'strategist',
  'coordinator-own': 'coordinator (assignment valid today) of department A',
  'coordinator-other': 'coordinator of department B, acting on A',
  'management-own': 'management of department A',
  'management-other': 'management of department B, acting on A',
  'secretary-own': 'committee_secretary of committee A (department A belongs to it)',
  'secretary-other': 'committee_secretary of committee B, acting on A',
  self: 'the person the request concerns (appointee of the assignment in the path); elsewhere a user without roles',
};

/** The organisation and the callers every case of the matrix uses. */
export interface AccessWorld {
  ctx: E2eContext;
  committeeA: CommitteeEntity;
  committeeB: CommitteeEntity;
  departmentA: DepartmentEntity;
  departmentB: DepartmentEntity;
  /** A person that exists (GET /people/{id}). */
  person: PersonEntity;
  /** A user that exists (GET /admin/users/{id}), and one whose password signs in (POST /auth/token). */
  targetUser: { id: string; email: string };
  callers: Record<SignedInCaller, AuthedApi>;
  today: LocalDate;
  /** A fresh, never repeated string for codes and e-mail addresses. */
  unique(): string;
  /** A distinct one-day window in the future, so one person can hold many scheduled assignments in A. */
  futureDay(): LocalDate;
  /** A fresh access token for a caller (for calls that consume the token, e.g. sign-out). */
  freshToken(caller: SignedInCaller): Promise<string>;
  registry: OrganisationRegistryService;
  people: PeopleService;
  users: UserAdminService;
  coordinators: CoordinatorService;
  sessions: SessionService;
}

/** A coordinator is not granted: a user whose person holds an assignment valid today. */
async function coordinatorOf(ctx: E2eContext, department: DepartmentEntity): Promise<AuthedApi> {
  const user = await ctx.given.user();
  await ctx.given.coordinator(department, { personId: user.user.personId, kind: 'primary', validFrom: '2020-01-01' });
  const token = await ctx.tokenFor(user.email);
  return { token, userId: user.user.id, personId: user.user.personId, email: user.email, api: ctx.withToken(token) };
}

export async function buildAccessWorld(ctx: E2eContext): Promise<AccessWorld> {
  const { given } = ctx;
  const [committeeA, committeeB] = await Promise.all([given.committee(), given.committee()]);
  const [departmentA, departmentB] = await Promise.all([
    given.department({ committeeId: committeeA.id }),
    given.department({ committeeId: committeeB.id }),
  ]);
  const [person, target] = await Promise.all([given.person(), given.user({ roles: [] })]);
  const [nobody, admin, strategist, coordinatorOwn, coordinatorOther, managementOwn, managementOther, secretaryOwn, secretaryOther, self] = await Promise.all([
    ctx.as('nobody'),
    ctx.as([{ role: 'admin' }]),
    ctx.as([{ role: 'strategist' }]),
    coordinatorOf(ctx, departmentA),
    coordinatorOf(ctx, departmentB),
    ctx.as([{ role: 'management', departmentId: departmentA.id }]),
    ctx.as([{ role: 'management', departmentId: departmentB.id }]),
    ctx.as([{ role: 'committee_secretary', committeeId: committeeA.id }]),
    ctx.as([{ role: 'committee_secretary', committeeId: committeeB.id }]),
    ctx.as('nobody'),
  ]);
  const callers: Record<SignedInCaller, AuthedApi> = {
    nobody,
    admin,
    strategist,
    'coordinator-own': coordinatorOwn,
    'coordinator-other': coordinatorOther,
    'management-own': managementOwn,
    'management-other': managementOther,
    'secretary-own': secretaryOwn,
    'secretary-other': secretaryOther,
    self,
  };
  const today = localDateInCity(new Date());
  let counter = 0;
  let day = 0;
  const sessions = ctx.app.get(SessionService);
  return {
    ctx,
    committeeA,
    committeeB,
    departmentA,
    departmentB,
    person,
    targetUser: { id: target.user.id, email: target.email },
    callers,
    today,
    unique: () => `${randomBytes(3).toString('hex').toUpperCase()}${(counter++).toString(36).toUpperCase()}`,
    futureDay: () => addDays(today, 400 + day++),
    async freshToken(caller) {
      const { token } = await sessions.create(callers[caller].userId, 'api', 'password', { ip: '127.0.0.1' });
      return token;
    },
    registry: ctx.app.get(OrganisationRegistryService),
    people: ctx.app.get(PeopleService),
    users: ctx.app.get(UserAdminService),
    coordinators: ctx.app.get(CoordinatorService),
    sessions,
  };
}

export { TEST_ACTOR };
