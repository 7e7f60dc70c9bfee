import { INestApplicationContext } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { addDays, Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import {
  CommitteeEntity,
  CoordinatorAssignmentEntity,
  CoordinatorKind,
  CoordinatorService,
  DepartmentEntity,
  OrganisationRegistryService,
  PeopleService,
  PersonEntity,
} from '@samverka/organisation';
import { GrantedRole, UserAdminService, UserWithGrants } from '@samverka/identity';
import { NeedInput, NeedService, SubmissionService } from '@samverka/needs';
import { CreatePlanRoundInput, PlanRoundCommandService, PlanRoundQueryService, PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { randomBytes } from 'node:crypto';

export const TEST_ACTOR: Actor = { personId: null, label: 'test' };
export const TEST_PASSWORD = 'ett långt och hemligt lösenord';

export interface RoleSpec {
  role: GrantedRole;
  departmentId?: string;
  committeeId?: string;
}

const unique = () => randomBytes(3).toString('hex').toUpperCase();
/** One round per year may be active: each built round gets a year of its own (each test file has its own database). */
let nextYear = 2001;

/**
 * A need as a coordinator logs it (the input of `NeedService.create`, or the body of `POST …/needs`):
 * guidance at the libraries in Lokal service, in Norr, for newcomers, high priority, observed by staff.
 */
export function sampleNeed(departmentId: string, values: Partial<NeedInput> = {}): NeedInput {
  return {
    departmentId,
    areaCode: 'LOKAL_SERVICE',
    title: 'Vägledning på biblioteken',
    description: 'Invånare tar med kommunala ärenden till biblioteken, som saknar stöd för vägledning.',
    channels: ['library'],
    districts: ['norr'],
    targetGroups: ['newcomers'],
    evidence: { kind: 'staffObservation', source: 'Bibliotekens personal', date: '2026-01-15' },
    monthlyVolume: 400,
    priority: 'high',
    consequence: 'Ärenden blir liggande',
    ...values,
  };
}

/** Small builders that insert rows through the real services: `given.department()`. */
export class Given {
  constructor(private readonly app: INestApplicationContext) {}

  committee(values: Partial<{ code: string; name: string }> = {}): Promise<CommitteeEntity> {
    const code = values.code ?? `N${unique()}`;
    return this.app.get(OrganisationRegistryService).createCommittee(TEST_ACTOR, { code, name: values.name ?? `Nämnd ${code}` });
  }

  async department(values: Partial<{ code: string; name: string; committeeId: string }> = {}): Promise<DepartmentEntity> {
    const code = values.code ?? `F${unique()}`;
    const committeeId = values.committeeId ?? (await this.committee()).id;
    return this.app.get(OrganisationRegistryService).createDepartment(TEST_ACTOR, { code, name: values.name ?? `Förvaltning ${code}`, committeeId });
  }

  person(values: Partial<{ name: string; email: string; title: string }> = {}): Promise<PersonEntity> {
    const id = unique().toLowerCase();
    return this.app.get(PeopleService).create(TEST_ACTOR, {
      name: values.name ?? `Åsa Ölund ${id}`,
      email: values.email ?? `asa.olund.${id}@malmo.example`,
      title: values.title,
    });
  }

  /** A user with a password (TEST_PASSWORD) and the given roles; a new person unless an existing person's e-mail is given. */
  async user(values: Partial<{ email: string; name: string; roles: RoleSpec[]; password: string | null }> = {}): Promise<UserWithGrants & { email: string }> {
    const users = this.app.get(UserAdminService);
    const id = unique().toLowerCase();
    const email = values.email ?? `user.${id}@malmo.example`;
    // An existing person's e-mail: the login is theirs, under their own name.
    const existing = values.email === undefined ? undefined : (await this.app.get(PeopleService).list({ email }))[0];
    const created = await users.create(TEST_ACTOR, {
      email,
      name: values.name ?? (existing ? undefined : `Användare ${id}`),
      password: values.password === null ? undefined : (values.password ?? TEST_PASSWORD),
    });
    for (const role of values.roles ?? []) await users.grantRole(TEST_ACTOR, created.user.id, role);
    return { ...(await users.get(created.user.id)), email };
  }

  async coordinator(
    department: DepartmentEntity,
    values: Partial<{ kind: CoordinatorKind; personId: string; validFrom: LocalDate; validTo: LocalDate | null; mandate: string }> = {},
  ): Promise<CoordinatorAssignmentEntity> {
    const personId = values.personId ?? (await this.person()).id;
    return this.app.get(CoordinatorService).appoint(TEST_ACTOR, department.id, {
      personId,
      kind: values.kind ?? 'primary',
      mandate: values.mandate ?? 'Mandat att företräda förvaltningen i samarbetsprocessen.',
      validFrom: values.validFrom ?? '2026-01-01',
      validTo: values.validTo ?? null,
    });
  }

  /** Needs in 59 days, replies in 120, the decision in 212 (from 2 March 2026: 30 April, 30 June, 30 September). */
  roundDeadlines(): { needs: LocalDate; consultationReply: LocalDate; decision: LocalDate } {
    const today = localDateInCity(this.app.get(Clock).now());
    return { needs: addDays(today, 59), consultationReply: addDays(today, 120), decision: addDays(today, 212) };
  }

  /** A round in `preparing` for the given participants (default: a new department), deadlines from `roundDeadlines()`. */
  async round(values: Partial<CreatePlanRoundInput> = {}): Promise<PlanRoundView> {
    const participantDepartmentIds = values.participantDepartmentIds ?? [(await this.department()).id];
    return this.app.get(PlanRoundCommandService).create(TEST_ACTOR, {
      title: values.title ?? `Utvecklingsplan för kontaktcenter ${values.year ?? nextYear} och framåt`,
      year: values.year ?? nextYear++,
      caseNumber: values.caseNumber ?? `STK-2026-${unique()}`,
      participantDepartmentIds,
      areas: values.areas,
      deadlines: values.deadlines ?? this.roundDeadlines(),
      autoClose: values.autoClose,
    });
  }

  /** A round launched (collecting needs). */
  async roundInCollectingNeeds(values: Partial<CreatePlanRoundInput> = {}): Promise<PlanRoundView> {
    const round = await this.round(values);
    return this.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'LAUNCH' });
  }

  /** A need as a coordinator logs it: `sampleNeed`. */
  need(departmentId: string, values: Partial<NeedInput> = {}): NeedInput {
    return sampleNeed(departmentId, values);
  }

  /**
   * A round collecting needs in which every participant (default: a new department) has logged one need
   * (`given.need()` with `need`'s values) and handed it in. The round as it reads afterwards.
   */
  async submittedRound(values: Partial<CreatePlanRoundInput> & { need?: Partial<NeedInput> } = {}): Promise<PlanRoundView> {
    const { need, ...roundValues } = values;
    const round = await this.roundInCollectingNeeds(roundValues);
    for (const { departmentId } of round.participants) {
      await this.app.get(NeedService).create(TEST_ACTOR, round.id, this.need(departmentId, need));
      await this.app.get(SubmissionService).submit(TEST_ACTOR, round.id, departmentId);
    }
    return this.app.get(PlanRoundQueryService).view(round.id);
  }

  /**
   * A round in `draftingPlan`: `submittedRound(values)` with needs collection closed. The plan's
   * builders (items, responsibilities, versions) start from here.
   */
  async roundInDraftingPlan(values: Partial<CreatePlanRoundInput> & { need?: Partial<NeedInput> } = {}): Promise<PlanRoundView> {
    const round = await this.submittedRound(values);
    return this.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'CLOSE_NEEDS' });
  }
}
