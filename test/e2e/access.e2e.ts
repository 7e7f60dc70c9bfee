/**
 * The access table: every operation in the OpenAPI document × every caller ×
 * own/other scope. Each operation must be declared below with whom it allows
 * and how to build a request that succeeds for them; an operation in the
 * document without an entry (or without `x-access`), or an entry whose
 * operation is gone, fails the test. Callers: see CALLERS in
 * test/support/access-fixtures.ts (everything targets department A).
 */
import { ExecutionContext } from '@nestjs/common';
import { hashToken, NotificationPreferenceService, SessionService } from '@samverka/identity';
import { addDays } from '@samverka/kernel';
import { PlanRoundQueryService, PlanRoundStepService, PlanRoundView } from '@samverka/rounds';
import { NeedService, ReferenceDataService, SubmissionService } from '@samverka/needs';
import { PlanDraftService, PlanQueryService } from '@samverka/plan';
import { ConsultationService } from '@samverka/consultation';
import { AccessGuard } from '../../apps/api/src/auth/access.guard';
import { AccessWorld, buildAccessWorld, Caller, CALLER_NOTES, CALLERS, SignedInCaller, TEST_ACTOR } from '../support/access-fixtures';
import { ApiResponse, e2eContext, E2eContext } from '../support/e2e';
import { TEST_PASSWORD } from '../support/given';
import { GivenPlan } from '../support/given-plan-allocation';
import { DataSource } from 'typeorm';
import { GivenPlanRows } from '../support/given-plan-questions';
import { FORSKOLENAMNDEN, GivenConsultation } from '../support/given-consultation-compile';
import { GivenConsultationRows } from '../support/given-consultation-respond';
import { pdfWith } from '../support/documents';
import { GivenFollowUp } from '../support/given-follow-up';
import { FollowUpQueryService } from '@samverka/follow-up';

// ---- the table --------------------------------------------------------------

type Allowed = 'everyone' | 'signed-in' | readonly SignedInCaller[];

interface Prepared {
  /** Values for the `{name}` placeholders of the OpenAPI path. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Did the call's write take effect? Must be true after an allowed call and false after a refused one. */
  effect?: () => Promise<boolean>;
}

interface RouteSpec {
  allow: Allowed;
  /** Status an allowed caller gets. */
  status: number;
  /** One case; writes get fresh resources, so no case depends on another. `token` is what the call carries. */
  build(w: AccessWorld, call: { caller: Caller; token?: string }): Promise<Prepared> | Prepared;
  /** The call uses up the caller's token (sign-out): each case gets a fresh one. */
  consumesToken?: boolean;
}

const MANDATE = 'Mandat att företräda förvaltningen i samarbetsprocessen.';
const NEW_PASSWORD = 'ett annat långt och hemligt lösenord';
const CITY_WIDE_READERS = ['admin', 'strategist'] as const;

/** Each built round gets its own year (one active round per year; years 2000–2100; 2038 and 2039 are the shared rounds'). */
let roundYear = 2000;
/** Years of rounds a case cancelled when done (`releaseRound`): free again for the next round. */
const freedYears: number[] = [];
const nextRoundYear = () => {
  const reused = freedYears.pop();
  if (reused !== undefined) return reused;
  do roundYear++;
  while (roundYear === 2038 || roundYear === 2039);
  if (roundYear > 2100) throw new Error('the access table ran out of years for its rounds');
  return roundYear;
};
/**
 * Years handed to the rounds of one route's cases (not the shared rounds): once the route's cases are
 * done, `recycleCaseYears` cancels those rounds and frees their years, so the table never runs out.
 */
const caseYears: number[] = [];
const caseYear = () => {
  const year = nextRoundYear();
  caseYears.push(year);
  return year;
};
const recycleCaseYears = async (w: AccessWorld) => {
  const years = caseYears.splice(0);
  if (years.length === 0) return;
  await w.ctx.dataSource.query(`update plan_round set state = 'cancelled' where year = any($1::int[]) and state not in ('closed', 'cancelled')`, [years]);
  freedYears.push(...years);
};
/** One round in which department A takes part, shared by the read cases. */
let sharedRound: Promise<PlanRoundView> | undefined;
const roundOfA = (w: AccessWorld) => (sharedRound ??= w.ctx.given.round({ year: 2039, participantDepartmentIds: [w.departmentA.id] }));

/** A launched round with department A taking part (shared by the needs cases that only read or add). */
let collectingRound: Promise<PlanRoundView> | undefined;
const collectingRoundOfA = (w: AccessWorld) => (collectingRound ??= w.ctx.given.roundInCollectingNeeds({ year: 2038, participantDepartmentIds: [w.departmentA.id] }));
/** A round of its own for a case that hands in or endorses (each submission step can happen once). */
const freshCollectingRoundOfA = (w: AccessWorld) => w.ctx.given.roundInCollectingNeeds({ year: caseYear(), participantDepartmentIds: [w.departmentA.id] });
const submittedRoundOfA = (w: AccessWorld) => w.ctx.given.submittedRound({ year: caseYear(), participantDepartmentIds: [w.departmentA.id] });
const needBody = (w: AccessWorld, title: string) => w.ctx.given.need(w.departmentA.id, { title });
/** The round's needs as department A's own people read them (its drafts included: a draft is the department's own). */
const needsOf = (w: AccessWorld, roundId: string) => w.ctx.app.get(NeedService).list(roundId, { all: true, departmentIds: [w.departmentA.id], committeeIds: [] });
const statusOfA = async (w: AccessWorld, roundId: string) =>
  (await w.ctx.app.get(SubmissionService).list(roundId, { all: true, departmentIds: [], committeeIds: [] })).find((r) => r.departmentId === w.departmentA.id)?.status;

/** A round drafting its plan with department A taking part (shared by the plan cases that read or add). */
let draftingRound: Promise<PlanRoundView> | undefined;
const draftingRoundOfA = (w: AccessWorld) => (draftingRound ??= w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] }));
/** A round of its own drafting its plan (starting or freezing happens once); `releaseRound` cancels it when the case is done, freeing its year. */
const freshDraftingRoundOfA = (w: AccessWorld) => w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
const releaseRound = async (w: AccessWorld, round: PlanRoundView) => {
  await w.ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'CANCEL', reason: 'Testfallet är klart' });
  freedYears.push(round.year);
};
/** A case's check of its effect, and then the case's own round released. */
const checkThenRelease = (w: AccessWorld, round: PlanRoundView, check: () => Promise<boolean>) => async () => {
  try {
    return await check();
  } finally {
    await releaseRound(w, round);
  }
};
/** Shared rounds for the callers refused starting or freezing: nothing allowed writes to them, so a refused call's effect shows. */
let unstartedRound: Promise<PlanRoundView> | undefined;
const unstartedRoundOfA = (w: AccessWorld) => (unstartedRound ??= w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] }));
let unfrozenRound: Promise<PlanRoundView> | undefined;
const unfrozenRoundOfA = (w: AccessWorld) =>
  (unfrozenRound ??= (async () => {
    const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
    await planItem(w, round.id);
    return round;
  })());
const planItem = (w: AccessWorld, roundId: string) =>
  w.ctx.app.get(PlanDraftService).createItem(TEST_ACTOR, roundId, { areaCode: 'LOKAL_SERVICE', title: `Insats ${w.unique()}`, description: 'Vägledning på biblioteken.' });
const planItemsOf = async (w: AccessWorld, roundId: string) => (await w.ctx.app.get(PlanQueryService).draft(roundId)).document.areas.flatMap((a) => a.items);
/** A round whose plan has versions 1 and 2 (shared by the version cases, which only read). */
let frozenRound: Promise<PlanRoundView> | undefined;
const frozenRoundOfA = (w: AccessWorld) =>
  (frozenRound ??= (async () => {
    const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
    const drafts = w.ctx.app.get(PlanDraftService);
    await planItem(w, round.id);
    await drafts.freeze(TEST_ACTOR, round.id);
    await planItem(w, round.id);
    await drafts.freeze(TEST_ACTOR, round.id);
    return round;
  })());

const gone = (p: Promise<unknown>) => p.then(() => false, () => true);

/** A fresh user without a password (cheap: no hashing), optionally with grants. */
const freshUser = async (w: AccessWorld) => (await w.ctx.given.user({ password: null })).user;

/** A round drafting its plan, with department A responsible for one item and version 1 frozen (the allocation's cases). */
const frozenPlanRoundOfA = async (w: AccessWorld) => {
  const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
  const plans = new GivenPlan(w.ctx.app);
  await plans.draft(round.id, [
    {
      areaCode: 'LOKAL_SERVICE',
      code: 'LS-1',
      title: 'Gemensam ingång',
      responsibilities: [
        { contactCentre: true, role: 'accountable', expectations: 'Leder arbetet.', effortHours: 100 },
        { departmentId: w.departmentA.id, role: 'responsible', expectations: 'Utser en kontaktperson.', effortHours: 40 },
      ],
    },
  ]);
  await plans.freeze(round.id, new Date());
  return round;
};
/** One such round, shared by the allocation's cases. */
let allocationRound: Promise<PlanRoundView> | undefined;
const allocationRoundOfA = (w: AccessWorld) => (allocationRound ??= frozenPlanRoundOfA(w));
/** Each "read" case marks a version of its own (frozen on the shared round) as read. */
let readVersion = 100;
const summaryReads = async (w: AccessWorld, roundId: string, version: number): Promise<number> =>
  Number((await w.ctx.app.get(DataSource).query('select count(*) as n from plan_summary_read where round_id = $1 and version = $2', [roundId, version]))[0].n);
// -- the plan's needs coverage and questions: one round of A drafting its plan, with one item; fresh needs and questions per case --
let questionsRound: Promise<{ roundId: string; needId: string; itemId: string }> | undefined;
const questionsRoundOfA = (w: AccessWorld) =>
  (questionsRound ??= (async () => {
    const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
    const needId = [...(await new GivenPlanRows(w.ctx.dataSource).needIds(round.id)).values()][0];
    const itemId = await new GivenPlanRows(w.ctx.dataSource).item(round.id, { code: `AT-${w.unique()}`, roles: [{ departmentId: w.departmentA.id, role: 'accountable' }] });
    return { roundId: round.id, needId, itemId };
  })());
/** A round in consultation with committees A and B as recipients, shared by the responses' cases that read or keep a draft. */
let consultationRound: Promise<string> | undefined;
const consultationRoundOfA = (w: AccessWorld) =>
  (consultationRound ??= (async () => {
    const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
    await new GivenConsultationRows(w.ctx.dataSource).consultation(round.id, [w.committeeA.id, w.committeeB.id], { itemCode: `AT-${w.unique()}` });
    return round.id;
  })());
const responseBody = (summary: string) => ({
  stance: 'approve',
  summary,
  text: 'Nämnden tillstyrker planen.',
  adoptedOn: '2026-01-15',
  minuteReference: '§ 1',
  signatories: ['Ordföranden'],
  receivedOnPaper: true,
});
/** A submitted response of the committee, inserted with SQL; its id. */
const submittedResponseOf = async (w: AccessWorld, roundId: string, committeeId: string): Promise<string> => {
  const [row] = (await w.ctx.dataSource.query(
    `insert into consultation_response (round_id, committee_id, revision, status, stance, summary, text, adopted_on, minute_reference, signatories, created_by_name, submitted_by_name, submitted_at)
     values ($1, $2, 1, 'submitted', 'approve', 'Tillstyrker', 'Text', '2026-01-15', '§ 1', '{Ordföranden}', 'Någon', 'Någon', now()) returning id`,
    [roundId, committeeId],
  )) as Array<{ id: string }>;
  return row.id;
};
/**
 * The round a response case writes in: the writers' own (one per allowed caller, so the callers of a
 * route, running side by side, never meet; committee A's responses in it are removed first), else the
 * shared one (a refused call writes nothing).
 */
const writerRounds = new Map<Caller, Promise<string>>();
const RESPONSE_WRITERS: readonly Caller[] = ['secretary-own', 'strategist'];
const responseRoundFor = async (w: AccessWorld, caller: Caller): Promise<string> => {
  if (!RESPONSE_WRITERS.includes(caller)) return consultationRoundOfA(w);
  if (!writerRounds.has(caller)) {
    writerRounds.set(
      caller,
      (async () => {
        const round = await w.ctx.given.round({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
        await new GivenConsultationRows(w.ctx.dataSource).consultation(round.id, [w.committeeA.id], { itemCode: `AT-${w.unique()}` });
        return round.id;
      })(),
    );
  }
  const roundId = await writerRounds.get(caller)!;
  await w.ctx.dataSource.query('delete from consultation_response where round_id = $1 and committee_id = $2', [roundId, w.committeeA.id]);
  return roundId;
};
const responseWith = async (w: AccessWorld, sql: string, params: unknown[]) => ((await w.ctx.dataSource.query(sql, params)) as unknown[]).length > 0;

/** A copy of the drafting round's need (handed in with it), for a case of its own. */
const freshNeedOfA = async (w: AccessWorld, roundId: string, sourceId: string): Promise<string> => {
  const columns = ((await w.ctx.dataSource.query(`select column_name from information_schema.columns where table_name = 'need' and column_name <> 'id'`)) as Array<{ column_name: string }>)
    .map((c) => `"${c.column_name}"`)
    .join(', ');
  const [row] = (await w.ctx.dataSource.query(`insert into need (${columns}) select ${columns} from need where id = $1 and round_id = $2 returning id`, [sourceId, roundId])) as Array<{ id: string }>;
  return row.id;
};
/** A round of A on consultation to committee A, with committee A's response (the compilation's cases). */
let compilationRound: Promise<PlanRoundView> | undefined;
const compilationRoundOfA = (w: AccessWorld) =>
  (compilationRound ??= (async () => {
    const given = new GivenConsultation(w.ctx.app);
    const round = await given.sentTo([w.departmentA.id], [w.committeeA.id], { year: nextRoundYear() });
    await given.response(round.id, w.committeeA.id, FORSKOLENAMNDEN);
    return round;
  })());
const deferralOf = async (w: AccessWorld, needId: string): Promise<boolean> => ((await w.ctx.dataSource.query('select 1 from plan_need_deferral where need_id = $1', [needId])) as unknown[]).length > 0;

/** A round of A drafting its plan, its version 1 frozen (for preparing the remiss); and one whose remiss to committee A is sent. */
let remissDraftRound: Promise<string> | undefined;
let remissSentRound: Promise<string> | undefined;
const remissDraftRoundOfA = (w: AccessWorld) =>
  (remissDraftRound ??= (async () => {
    const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id] });
    const rows = new GivenPlanRows(w.ctx.dataSource);
    await rows.item(round.id, { code: `RA-${w.unique()}`, roles: [{ departmentId: w.departmentA.id, role: 'accountable' }] });
    await rows.freeze(round.id);
    return round.id;
  })());
/** A round of A whose remiss to committee A is sent. */
const newSentRoundOfA = async (w: AccessWorld): Promise<PlanRoundView> => {
  const round = await w.ctx.given.roundInDraftingPlan({ year: nextRoundYear(), participantDepartmentIds: [w.departmentA.id], areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }] });
  const drafts = w.ctx.app.get(PlanDraftService);
  const item = await drafts.createItem(TEST_ACTOR, round.id, { areaCode: 'LOKAL_SERVICE', title: 'Vägledning', description: 'På biblioteken.' });
  await drafts.setResponsibilities(TEST_ACTOR, round.id, item.id, { responsibilities: [{ contactCentre: true, role: 'accountable', expectations: 'Leda arbetet.' }] });
  await drafts.freeze(TEST_ACTOR, round.id);
  await w.ctx.app.get(ConsultationService).prepare(TEST_ACTOR, round.id, { planVersion: 1, replyBy: addDays(w.today, 60), committeeIds: [w.committeeA.id], coverLetter: 'Planen på remiss.' });
  return w.ctx.app.get(PlanRoundStepService).transition(TEST_ACTOR, round.id, { type: 'SEND_FOR_CONSULTATION' });
};
const remissSentRoundOfA = (w: AccessWorld) => (remissSentRound ??= newSentRoundOfA(w).then((r) => r.id));
/** An open extension request in the sent round, of a recipient committee of its own (cases run at once; one open request per recipient). */
const openExtensionOfA = async (w: AccessWorld) => {
  const roundId = await remissSentRoundOfA(w);
  const committee = await w.ctx.given.committee();
  await w.ctx.dataSource.query(`insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)`, [roundId, committee.id, addDays(w.today, 60)]);
  const [row] = (await w.ctx.dataSource.query(
    `insert into consultation_extension (round_id, committee_id, requested_reply_by, reason, requested_by_name) values ($1, $2, $3, 'Sammanträde senare', 'Någon') returning id`,
    [roundId, committee.id, addDays(w.today, 90)],
  )) as Array<{ id: string }>;
  const status = async () => ((await w.ctx.dataSource.query('select status from consultation_extension where id = $1', [row.id])) as Array<{ status: string }>)[0].status;
  return { roundId, committeeId: committee.id, extensionId: row.id, status };
};


/** A round in follow-up whose item department A and the contact centre are responsible for (the follow-up's cases; reports get unique comments). */
let followUpRound: Promise<{ roundId: string; itemId: string; periodId: string }> | undefined;
const followUpRoundOfA = (w: AccessWorld) =>
  (followUpRound ??= (async () => {
    // The accountable is a third department of committee A (no caller acts for it).
    const leader = await w.ctx.given.department({ committeeId: w.committeeA.id });
    const adopted = await new GivenFollowUp(w.ctx.app, w.ctx.given).roundInFollowUp({
      year: nextRoundYear(),
      participantDepartmentIds: [w.departmentA.id, leader.id],
      items: [
        {
          areaCode: 'LOKAL_SERVICE',
          title: 'Vägledning',
          responsibilities: [{ departmentId: w.departmentA.id, role: 'responsible', effortHours: 40 }, { contactCentre: true, role: 'responsible' }, { departmentId: leader.id, role: 'accountable' }],
        },
      ],
    });
    const [period] = (await w.ctx.dataSource.query('select id from follow_up_period where round_id = $1 order by position limit 1', [adopted.round.id])) as Array<{ id: string }>;
    return { roundId: adopted.round.id, itemId: adopted.items[0].id, periodId: period.id };
  })());
const followUpPeriodsOf = async (w: AccessWorld, roundId: string) =>
  (await w.ctx.dataSource.query(`select id, label, due_on::text as "dueOn" from follow_up_period where round_id = $1 order by position`, [roundId])) as Array<{ id: string; label: string; dueOn: string }>;

const ROUTES: Record<string, RouteSpec> = {
  // -- health (public) --
  'GET /health': { allow: 'everyone', status: 200, build: () => ({}) },
  'GET /health/ready': { allow: 'everyone', status: 200, build: () => ({}) },

  // -- auth --
  'POST /api/v1/auth/token': {
    allow: 'everyone',
    status: 200,
    build: (w) => ({ body: { email: w.targetUser.email, password: TEST_PASSWORD } }),
  },
  'DELETE /api/v1/auth/token': {
    allow: 'signed-in',
    status: 204,
    consumesToken: true,
    build: (w, { token }) => ({
      effect: async () => token !== undefined && (await w.ctx.withToken(token)('GET', '/api/v1/me')).status === 401,
    }),
  },
  'GET /api/v1/me': { allow: 'signed-in', status: 200, build: () => ({}) },

  // -- users and roles: admins alone --
  'GET /api/v1/admin/users': { allow: ['admin'], status: 200, build: () => ({}) },
  'POST /api/v1/admin/users': {
    allow: ['admin'],
    status: 201,
    build: (w) => {
      const email = `ny.${w.unique().toLowerCase()}@malmo.example`;
      return { body: { email, name: 'Ny Användare' }, effect: async () => (await w.users.findByEmail(email)) !== null };
    },
  },
  'GET /api/v1/admin/users/{id}': { allow: ['admin'], status: 200, build: (w) => ({ params: { id: w.targetUser.id } }) },
  'PUT /api/v1/admin/users/{id}/password': {
    allow: ['admin'],
    status: 204,
    build: async (w) => {
      const user = await freshUser(w);
      return { params: { id: user.id }, body: { password: NEW_PASSWORD }, effect: async () => (await w.users.get(user.id)).user.passwordHash !== null };
    },
  },
  'POST /api/v1/admin/users/{id}/invitation': {
    allow: ['admin'],
    status: 204,
    build: async (w) => {
      const user = await freshUser(w);
      // Created without a password, the user already has one link; a second is the new invitation.
      const links = async (): Promise<number> => (await w.ctx.dataSource.query(`select count(*)::int as n from password_setup_token where user_id = $1`, [user.id]))[0].n;
      return { params: { id: user.id }, effect: async () => (await links()) > 1 };
    },
  },
  'POST /api/v1/admin/users/{id}/roles': {
    allow: ['admin'],
    status: 201,
    build: async (w) => {
      const user = await freshUser(w);
      return {
        params: { id: user.id },
        body: { role: 'management', departmentId: w.departmentA.id },
        effect: async () => (await w.users.get(user.id)).grants.length > 0,
      };
    },
  },
  'DELETE /api/v1/admin/users/{id}/roles/{grantId}': {
    allow: ['admin'],
    status: 204,
    build: async (w) => {
      const { user, grants } = await w.ctx.given.user({ password: null, roles: [{ role: 'management', departmentId: w.departmentA.id }] });
      return { params: { id: user.id, grantId: grants[0].id }, effect: async () => (await w.users.get(user.id)).grants.length === 0 };
    },
  },
  'POST /api/v1/admin/users/{id}/disable': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const user = await freshUser(w);
      return { params: { id: user.id }, effect: async () => (await w.users.get(user.id)).user.disabledAt !== null };
    },
  },
  'POST /api/v1/admin/users/{id}/enable': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const user = await freshUser(w);
      await w.users.disable(TEST_ACTOR, user.id);
      return { params: { id: user.id }, effect: async () => (await w.users.get(user.id)).user.disabledAt === null };
    },
  },

  // -- the registry: everyone signed in reads, admins alone write --
  'GET /api/v1/committees': { allow: 'signed-in', status: 200, build: () => ({}) },
  'POST /api/v1/committees': {
    allow: ['admin'],
    status: 201,
    build: (w) => {
      const code = `N${w.unique()}`;
      return { body: { code, name: `Nämnd ${code}` }, effect: async () => (await w.registry.listCommittees({ code })).length > 0 };
    },
  },
  'GET /api/v1/committees/{id}': { allow: 'signed-in', status: 200, build: (w) => ({ params: { id: w.committeeA.id } }) },
  'PATCH /api/v1/committees/{id}': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const committee = await w.ctx.given.committee();
      return { params: { id: committee.id }, body: { name: 'Omdöpt nämnd' }, effect: async () => (await w.registry.getCommittee(committee.id)).name === 'Omdöpt nämnd' };
    },
  },
  'DELETE /api/v1/committees/{id}': {
    allow: ['admin'],
    status: 204,
    build: async (w) => {
      const committee = await w.ctx.given.committee();
      return { params: { id: committee.id }, effect: () => gone(w.registry.getCommittee(committee.id)) };
    },
  },
  'GET /api/v1/departments': { allow: 'signed-in', status: 200, build: () => ({}) },
  'POST /api/v1/departments': {
    allow: ['admin'],
    status: 201,
    build: (w) => {
      const code = `F${w.unique()}`;
      return {
        body: { code, name: `Förvaltning ${code}`, committeeId: w.committeeA.id },
        effect: async () => (await w.registry.listDepartments({ code })).length > 0,
      };
    },
  },
  'GET /api/v1/departments/{id}': { allow: 'signed-in', status: 200, build: (w) => ({ params: { id: w.departmentA.id } }) },
  'PATCH /api/v1/departments/{id}': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const department = await w.ctx.given.department({ committeeId: w.committeeA.id });
      return {
        params: { id: department.id },
        body: { name: 'Omdöpt förvaltning' },
        effect: async () => (await w.registry.getDepartment(department.id)).name === 'Omdöpt förvaltning',
      };
    },
  },
  'DELETE /api/v1/departments/{id}': {
    allow: ['admin'],
    status: 204,
    build: async (w) => {
      const department = await w.ctx.given.department({ committeeId: w.committeeA.id });
      return { params: { id: department.id }, effect: () => gone(w.registry.getDepartment(department.id)) };
    },
  },

  // -- people --
  'GET /api/v1/people': { allow: CITY_WIDE_READERS, status: 200, build: () => ({}) },
  'POST /api/v1/people': {
    allow: ['admin'],
    status: 201,
    build: (w) => {
      const email = `person.${w.unique().toLowerCase()}@malmo.example`;
      return { body: { name: 'Ny Person', email }, effect: async () => (await w.people.list({ email })).length > 0 };
    },
  },
  'GET /api/v1/people/{id}': { allow: CITY_WIDE_READERS, status: 200, build: (w) => ({ params: { id: w.person.id } }) },

  // -- coordinators --
  'GET /api/v1/departments/{id}/coordinators': {
    allow: ['admin', 'strategist', 'coordinator-own', 'management-own'],
    status: 200,
    build: (w) => ({ params: { id: w.departmentA.id } }),
  },
  'POST /api/v1/departments/{id}/coordinators': {
    allow: ['admin'],
    status: 201,
    build: async (w) => {
      const person = await w.ctx.given.person();
      return {
        params: { id: w.departmentA.id },
        body: { personId: person.id, kind: 'deputy', mandate: MANDATE, validFrom: w.futureDay() },
        effect: async () => (await w.coordinators.listForDepartment(w.departmentA.id, true)).some((a) => a.personId === person.id),
      };
    },
  },
  'POST /api/v1/coordinator-assignments/{id}/acknowledge': {
    allow: ['self'],
    status: 200,
    build: async (w) => {
      const day = w.futureDay();
      const assignment = await w.ctx.given.coordinator(w.departmentA, { personId: w.callers.self.personId, kind: 'deputy', validFrom: day, validTo: day });
      return { params: { id: assignment.id }, effect: async () => (await w.coordinators.get(assignment.id)).acknowledgedAt !== null };
    },
  },
  'POST /api/v1/coordinator-assignments/{id}/end': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const assignment = await w.ctx.given.coordinator(w.departmentA, { kind: 'deputy', validFrom: '2020-01-01' });
      return { params: { id: assignment.id }, body: {}, effect: async () => (await w.coordinators.get(assignment.id)).validTo !== null };
    },
  },
  'GET /api/v1/coordinator-coverage': { allow: CITY_WIDE_READERS, status: 200, build: () => ({}) },

  // -- plan rounds: strategists steer; participants (departments taking part, their committees' secretaries) and admins read --
  'POST /api/v1/rounds': {
    allow: ['strategist'],
    status: 201,
    build: (w) => {
      const caseNumber = `STK-${w.unique()}`;
      return {
        body: { title: 'Utvecklingsplan', year: caseYear(), caseNumber, participantDepartmentIds: [w.departmentA.id], deadlines: { needs: addDays(w.today, 30) } },
        effect: async () => (await w.ctx.app.get(PlanRoundQueryService).list({ all: true, departmentIds: [], committeeIds: [] })).some((r) => r.caseNumber === caseNumber),
      };
    },
  },
  'GET /api/v1/rounds': { allow: 'signed-in', status: 200, build: () => ({}) },
  'GET /api/v1/rounds/{id}': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await roundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/history': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await roundOfA(w)).id } }),
  },
  'PATCH /api/v1/rounds/{id}': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await w.ctx.given.round({ year: caseYear(), participantDepartmentIds: [w.departmentA.id] });
      return { params: { id: round.id }, body: { title: 'Ändrad titel' }, effect: async () => (await w.ctx.app.get(PlanRoundQueryService).view(round.id)).title === 'Ändrad titel' };
    },
  },
  'POST /api/v1/rounds/{id}/events': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await w.ctx.given.round({ year: caseYear(), participantDepartmentIds: [w.departmentA.id] });
      return { params: { id: round.id }, body: { type: 'LAUNCH' }, effect: async () => (await w.ctx.app.get(PlanRoundQueryService).view(round.id)).state === 'collectingNeeds' };
    },
  },

  'POST /api/v1/rounds/{id}/participants/{departmentId}/reminders': {
    allow: ['strategist'],
    status: 201,
    build: async (w) => {
      const round = await freshCollectingRoundOfA(w);
      const reminded = async () => (await w.ctx.app.get(PlanRoundQueryService).historyOf(round.id)).some((e) => e.type === 'REMINDER_SENT');
      return { params: { id: round.id, departmentId: w.departmentA.id }, effect: reminded };
    },
  },

  // -- needs: a department's coordinators write its needs and hand them in, its management endorses or returns;
  //    strategists, admins and the round's participants read; admins change the reference data --
  'POST /api/v1/rounds/{id}/needs': {
    allow: ['coordinator-own'],
    status: 201,
    build: async (w) => {
      const round = await collectingRoundOfA(w);
      const title = `Behov ${w.unique()}`;
      return { params: { id: round.id }, body: needBody(w, title), effect: async () => (await needsOf(w, round.id)).some((n) => n.title === title) };
    },
  },
  'GET /api/v1/rounds/{id}/needs': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await collectingRoundOfA(w)).id } }),
  },
  'PATCH /api/v1/rounds/{id}/needs/{needId}': {
    allow: ['coordinator-own'],
    status: 200,
    build: async (w) => {
      const round = await collectingRoundOfA(w);
      const need = await w.ctx.app.get(NeedService).create(TEST_ACTOR, round.id, needBody(w, `Behov ${w.unique()}`));
      return { params: { id: round.id, needId: need.id }, body: { title: 'Ändrat behov' }, effect: async () => (await w.ctx.app.get(NeedService).get(need.id)).title === 'Ändrat behov' };
    },
  },
  'DELETE /api/v1/rounds/{id}/needs/{needId}': {
    allow: ['coordinator-own'],
    status: 204,
    build: async (w) => {
      const round = await collectingRoundOfA(w);
      const need = await w.ctx.app.get(NeedService).create(TEST_ACTOR, round.id, needBody(w, `Behov ${w.unique()}`));
      return { params: { id: round.id, needId: need.id }, effect: () => gone(w.ctx.app.get(NeedService).get(need.id)) };
    },
  },
  'GET /api/v1/rounds/{id}/submissions': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await collectingRoundOfA(w)).id } }),
  },
  'POST /api/v1/rounds/{id}/submissions/{departmentId}/submit': {
    allow: ['coordinator-own'],
    status: 200,
    build: async (w) => {
      const round = await freshCollectingRoundOfA(w);
      await w.ctx.app.get(NeedService).create(TEST_ACTOR, round.id, needBody(w, 'Ett behov'));
      return { params: { id: round.id, departmentId: w.departmentA.id }, effect: async () => (await statusOfA(w, round.id)) === 'submitted' };
    },
  },
  'POST /api/v1/rounds/{id}/submissions/{departmentId}/nothing-to-report': {
    allow: ['coordinator-own'],
    status: 200,
    build: async (w) => {
      const round = await freshCollectingRoundOfA(w);
      return { params: { id: round.id, departmentId: w.departmentA.id }, body: { reason: 'Inga behov i år' }, effect: async () => (await statusOfA(w, round.id)) === 'nothingToReport' };
    },
  },
  'POST /api/v1/rounds/{id}/submissions/{departmentId}/endorse': {
    allow: ['management-own'],
    status: 200,
    build: async (w) => {
      const round = await submittedRoundOfA(w);
      return { params: { id: round.id, departmentId: w.departmentA.id }, effect: async () => (await statusOfA(w, round.id)) === 'endorsed' };
    },
  },
  'POST /api/v1/rounds/{id}/submissions/{departmentId}/return': {
    allow: ['management-own'],
    status: 200,
    build: async (w) => {
      const round = await submittedRoundOfA(w);
      return { params: { id: round.id, departmentId: w.departmentA.id }, body: { comment: 'Komplettera' }, effect: async () => (await statusOfA(w, round.id)) === 'returned' };
    },
  },
  'GET /api/v1/reference/{list}': { allow: 'signed-in', status: 200, build: () => ({ params: { list: 'channels' } }) },
  'POST /api/v1/reference/{list}': {
    allow: ['admin'],
    status: 201,
    build: (w) => {
      const code = `d_${w.unique().toLowerCase()}`;
      return {
        params: { list: 'districts' },
        body: { code, name: 'Nytt område' },
        effect: async () => (await w.ctx.app.get(ReferenceDataService).list('district', true)).some((d) => d.code === code),
      };
    },
  },
  'PATCH /api/v1/reference/{list}/{code}': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const code = `d_${w.unique().toLowerCase()}`;
      await w.ctx.app.get(ReferenceDataService).create(TEST_ACTOR, 'district', { code, name: 'Gammalt namn' });
      return {
        params: { list: 'districts', code },
        body: { name: 'Nytt namn' },
        effect: async () => (await w.ctx.app.get(ReferenceDataService).list('district', true)).some((d) => d.code === code && d.name === 'Nytt namn'),
      };
    },
  },
  // -- needs analysis (see the analysis section below) --
  'GET /api/v1/rounds/{id}/needs/analysis': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await collectingRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/needs.csv': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await collectingRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/needs.xlsx': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await collectingRoundOfA(w)).id } }),
  },

  // -- the responsibility allocation (ansvarsfördelning): round readers the versions, the department's own people its summary --
  'GET /api/v1/rounds/{id}/responsibilities': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/responsibilities.csv': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/responsibilities.xlsx': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/plan/versions/{n}/document.docx': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id, n: '1' } }),
  },
  'GET /api/v1/rounds/{id}/responsibilities/{departmentId}': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id, departmentId: w.departmentA.id } }),
  },
  'GET /api/v1/rounds/{id}/responsibilities/{departmentId}/document.docx': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await allocationRoundOfA(w)).id, departmentId: w.departmentA.id } }),
  },
  'POST /api/v1/rounds/{id}/responsibilities/{departmentId}/read': {
    allow: ['coordinator-own', 'management-own'],
    status: 204,
    build: async (w) => {
      const round = await allocationRoundOfA(w);
      const version = readVersion++;
      await new GivenPlan(w.ctx.app).freeze(round.id, new Date(), 'Åsa Öberg', version);
      return { params: { id: round.id, departmentId: w.departmentA.id }, body: { version }, effect: async () => (await summaryReads(w, round.id, version)) > 0 };
    },
  },
  // -- the plan: strategists edit the draft and freeze it; strategists and admins read the draft;
  //    whoever may read the round reads the frozen versions --
  'GET /api/v1/rounds/{id}/plan': {
    allow: [...CITY_WIDE_READERS],
    status: 200,
    build: async (w) => ({ params: { id: (await draftingRoundOfA(w)).id } }),
  },
  'POST /api/v1/rounds/{id}/plan': {
    allow: ['strategist'],
    status: 201,
    build: async (w, { caller }) => {
      const started = (roundId: string) => async () => (await w.ctx.app.get(PlanQueryService).draft(roundId)).state.started;
      if (caller !== 'strategist') {
        const shared = await unstartedRoundOfA(w);
        return { params: { id: shared.id }, body: { startFrom: 'empty' }, effect: started(shared.id) };
      }
      const round = await freshDraftingRoundOfA(w);
      return { params: { id: round.id }, body: { startFrom: 'empty' }, effect: checkThenRelease(w, round, started(round.id)) };
    },
  },
  'PATCH /api/v1/rounds/{id}/plan': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await draftingRoundOfA(w);
      const introduction = `Inledning ${w.unique()}`;
      return { params: { id: round.id }, body: { introduction }, effect: async () => (await w.ctx.app.get(PlanQueryService).draft(round.id)).document.texts.introduction === introduction };
    },
  },
  'POST /api/v1/rounds/{id}/plan/items': {
    allow: ['strategist'],
    status: 201,
    build: async (w) => {
      const round = await draftingRoundOfA(w);
      const title = `Insats ${w.unique()}`;
      return { params: { id: round.id }, body: { areaCode: 'LOKAL_SERVICE', title, description: 'Vägledning.' }, effect: async () => (await planItemsOf(w, round.id)).some((i) => i.title === title) };
    },
  },
  'PATCH /api/v1/rounds/{id}/plan/items/{itemId}': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await draftingRoundOfA(w);
      const item = await planItem(w, round.id);
      const title = `Ändrad ${w.unique()}`;
      return { params: { id: round.id, itemId: item.id }, body: { title }, effect: async () => (await planItemsOf(w, round.id)).some((i) => i.id === item.id && i.title === title) };
    },
  },
  'DELETE /api/v1/rounds/{id}/plan/items/{itemId}': {
    allow: ['strategist'],
    status: 204,
    build: async (w) => {
      const round = await draftingRoundOfA(w);
      const item = await planItem(w, round.id);
      return { params: { id: round.id, itemId: item.id }, effect: async () => !(await planItemsOf(w, round.id)).some((i) => i.id === item.id) };
    },
  },
  'PUT /api/v1/rounds/{id}/plan/items/{itemId}/responsibilities': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await draftingRoundOfA(w);
      const item = await planItem(w, round.id);
      return {
        params: { id: round.id, itemId: item.id },
        body: { responsibilities: [{ departmentId: w.departmentA.id, role: 'accountable', expectations: 'Leder arbetet under 2027.' }] },
        effect: async () => (await planItemsOf(w, round.id)).find((i) => i.id === item.id)!.responsibilities.length === 1,
      };
    },
  },
  'POST /api/v1/rounds/{id}/plan/freeze': {
    allow: ['strategist'],
    status: 201,
    build: async (w, { caller }) => {
      const frozen = (roundId: string) => async () => (await w.ctx.app.get(PlanQueryService).versions(roundId)).length === 1;
      if (caller !== 'strategist') {
        const shared = await unfrozenRoundOfA(w);
        return { params: { id: shared.id }, effect: frozen(shared.id) };
      }
      const round = await freshDraftingRoundOfA(w);
      await planItem(w, round.id);
      return { params: { id: round.id }, effect: checkThenRelease(w, round, frozen(round.id)) };
    },
  },
  'GET /api/v1/rounds/{id}/plan/versions': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await frozenRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/plan/versions/{n}': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await frozenRoundOfA(w)).id, n: '1' } }),
  },
  'GET /api/v1/rounds/{id}/plan/versions/{a}/diff/{b}': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await frozenRoundOfA(w)).id, a: '1', b: '2' } }),
  },

  // -- notifications: everyone their own preferences, admins the outbox --
  'GET /api/v1/me/notification-preferences': { allow: 'signed-in', status: 200, build: () => ({}) },
  'GET /api/v1/me/tasks': { allow: 'signed-in', status: 200, build: () => ({}) },
  // Everyone signed in may ask; a user without a management role gets an empty preview (test/e2e/digests.e2e.ts).
  'GET /api/v1/me/digest/preview': { allow: 'signed-in', status: 200, build: () => ({}) },
  // the city overview: strategists the city; coordinators and managers their own departments (any department: the answer is scoped)
  'GET /api/v1/overview': { allow: ['strategist', 'coordinator-own', 'coordinator-other', 'management-own', 'management-other'], status: 200, build: () => ({}) },
  'PUT /api/v1/me/notification-preferences': {
    allow: 'signed-in',
    status: 200,
    build: (w, { caller }) => ({
      body: { digestFrequency: 'monthly' },
      effect: async () =>
        caller !== 'anonymous' && (await w.ctx.app.get(NotificationPreferenceService).get(w.callers[caller].userId)).digestFrequency === 'monthly',
    }),
  },
  'GET /api/v1/admin/notifications': { allow: ['admin'], status: 200, build: () => ({ query: '?status=failed' }) },
  'GET /api/v1/admin/notifications/{id}/message': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const [row] = (await w.ctx.dataSource.query(
        `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at)
         values ('department.lacks_coordinator', $1, 'mottagare@malmo.example', 'Mottagare', $2::jsonb, 'pending', 0, now()) returning id`,
        [`access-test:${w.unique()}`, JSON.stringify({ departmentName: 'Förskoleförvaltningen', since: '2026-02-20', daysOpen: 0, reminder: false, departmentUrl: 'https://x.example/' })],
      )) as Array<{ id: string }>;
      return { params: { id: row.id } };
    },
  },
  'POST /api/v1/admin/notifications/{id}/retry': {
    allow: ['admin'],
    status: 200,
    build: async (w) => {
      const [row] = (await w.ctx.dataSource.query(
        `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at, last_error)
         values ('coordinator.appointed', $1, 'mottagare@malmo.example', 'Mottagare', '{}'::jsonb, 'failed', 5, now(), 'SMTP 550') returning id`,
        [`access-test:${w.unique()}`],
      )) as Array<{ id: string }>;
      const status = async () => ((await w.ctx.dataSource.query(`select status from notification where id = $1`, [row.id])) as Array<{ status: string }>)[0].status;
      return { params: { id: row.id }, effect: async () => (await status()) === 'pending' };
    },
  },

  // -- the plan: needs coverage (strategists and admins read; strategists defer) and questions per item --
  'GET /api/v1/rounds/{id}/plan/needs': {
    allow: CITY_WIDE_READERS,
    status: 200,
    build: async (w) => ({ params: { id: (await questionsRoundOfA(w)).roundId } }),
  },
  'PUT /api/v1/rounds/{id}/plan/needs/{needId}/deferral': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await questionsRoundOfA(w);
      const needId = await freshNeedOfA(w, round.roundId, round.needId);
      return { params: { id: round.roundId, needId }, body: { reason: 'Nästa planomgång' }, effect: () => deferralOf(w, needId) };
    },
  },
  'DELETE /api/v1/rounds/{id}/plan/needs/{needId}/deferral': {
    allow: ['strategist'],
    status: 204,
    build: async (w) => {
      const round = await questionsRoundOfA(w);
      const needId = await freshNeedOfA(w, round.roundId, round.needId);
      await w.ctx.dataSource.query(`insert into plan_need_deferral (need_id, round_id, reason) values ($1, $2, 'Nästa planomgång')`, [needId, round.roundId]);
      return { params: { id: round.roundId, needId }, effect: async () => !(await deferralOf(w, needId)) };
    },
  },
  'POST /api/v1/rounds/{id}/plan/items/{itemId}/questions': {
    allow: ['coordinator-own', 'management-own'],
    status: 201,
    build: async (w) => {
      const round = await questionsRoundOfA(w);
      const question = `Vad förväntas av oss? ${w.unique()}`;
      const asked = async () => ((await w.ctx.dataSource.query('select 1 from plan_item_question where question = $1', [question])) as unknown[]).length > 0;
      return { params: { id: round.roundId, itemId: round.itemId }, body: { departmentId: w.departmentA.id, question }, effect: asked };
    },
  },
  'GET /api/v1/rounds/{id}/plan/questions': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await questionsRoundOfA(w)).roundId }, query: `?departmentId=${w.departmentA.id}` }),
  },
  'POST /api/v1/rounds/{id}/plan/questions/{questionId}/answer': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await questionsRoundOfA(w);
      const [row] = (await w.ctx.dataSource.query(
        `insert into plan_item_question (round_id, item_id, item_code, item_title, department_id, question, asked_by_name) values ($1, $2, 'AT-1', 'Insats', $3, 'Fråga', 'Någon') returning id`,
        [round.roundId, round.itemId, w.departmentA.id],
      )) as Array<{ id: string }>;
      const answered = async () => ((await w.ctx.dataSource.query('select 1 from plan_item_question where id = $1 and answer is not null', [row.id])) as unknown[]).length > 0;
      return { params: { id: round.roundId, questionId: row.id }, body: { answer: 'Svaret' }, effect: answered };
    },
  },
  'GET /api/v1/rounds/{id}/decisions': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await roundOfA(w)).id } }),
  },

  // -- the follow-up: round readers read; strategists set the periods; a department's coordinator (or a strategist for the contact centre) reports --
  'GET /api/v1/rounds/{id}/follow-up': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await followUpRoundOfA(w)).roundId } }),
  },
  'GET /api/v1/rounds/{id}/follow-up/periods': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await followUpRoundOfA(w)).roundId } }),
  },
  'PUT /api/v1/rounds/{id}/follow-up/periods': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const { roundId } = await followUpRoundOfA(w);
      const label = `P ${w.unique()}`.slice(0, 40);
      const periods = (await followUpPeriodsOf(w, roundId)).slice(0, 20);
      return {
        params: { id: roundId },
        body: { periods: [...periods, { label, dueOn: '2040-01-15' }] },
        effect: async () => (await followUpPeriodsOf(w, roundId)).some((p) => p.label === label),
      };
    },
  },
  'POST /api/v1/rounds/{id}/plan/items/{itemId}/reports': {
    allow: ['coordinator-own', 'strategist'],
    status: 201,
    build: async (w, { caller }) => {
      const { roundId, itemId, periodId } = await followUpRoundOfA(w);
      const comment = `Läget ${w.unique()}`;
      const organisation = caller === 'strategist' ? { contactCentre: true } : { departmentId: w.departmentA.id };
      const reported = async () => ((await w.ctx.dataSource.query('select 1 from follow_up_report where comment = $1', [comment])) as unknown[]).length > 0;
      return { params: { id: roundId, itemId }, body: { periodId, ...organisation, status: 'on_track', progress: 10, comment }, effect: reported };
    },
  },
  'GET /api/v1/rounds/{id}/plan/items/{itemId}/reports': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => {
      const { roundId, itemId } = await followUpRoundOfA(w);
      return { params: { id: roundId, itemId } };
    },
  },

  // -- the consultation's compilation (round readers) and triage (strategists) --
  'GET /api/v1/rounds/{id}/consultation/compilation': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await compilationRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/consultation/compilation.csv': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await compilationRoundOfA(w)).id } }),
  },
  'GET /api/v1/rounds/{id}/consultation/compilation/document.docx': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: (await compilationRoundOfA(w)).id } }),
  },
  'PUT /api/v1/rounds/{id}/consultation/proposals/{proposalId}/triage': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const round = await compilationRoundOfA(w);
      const proposalId = await new GivenConsultation(w.ctx.app).proposal(round.id, w.committeeA.id, `Förslag ${w.unique()}`);
      const triaged = async () => ((await w.ctx.dataSource.query('select 1 from consultation_proposal where id = $1 and triage_decision is not null', [proposalId])) as unknown[]).length > 0;
      return { params: { id: round.id, proposalId }, body: { decision: 'noted', motivation: 'Noteras inför beslutet' }, effect: triaged };
    },
  },

  // -- the consultation (remiss): strategists prepare it and decide extensions; round readers read it; committee A's secretary asks for an extension --
  'PUT /api/v1/rounds/{id}/consultation': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const roundId = await remissDraftRoundOfA(w);
      const coverLetter = `Planen på remiss ${w.unique()}`;
      const prepared = async () => ((await w.ctx.dataSource.query('select 1 from consultation where round_id = $1 and cover_letter = $2', [roundId, coverLetter])) as unknown[]).length > 0;
      return { params: { id: roundId }, body: { planVersion: 1, replyBy: addDays(w.today, 60), committeeIds: [w.committeeA.id], coverLetter }, effect: prepared };
    },
  },
  'GET /api/v1/rounds/{id}/consultation': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: await remissSentRoundOfA(w) } }),
  },
  'POST /api/v1/rounds/{id}/consultation/recipients/{committeeId}/extensions': {
    allow: ['strategist', 'secretary-own'],
    status: 201,
    build: async (w, { caller }) => {
      // Cases run at once and a recipient has one open request at a time: the strategist asks for a recipient of its own
      // (any committee is theirs to ask for); everyone else asks for committee A, which only A's secretary may.
      const roundId = await remissSentRoundOfA(w);
      let committeeId = w.committeeA.id;
      if (caller === 'strategist') {
        committeeId = (await w.ctx.given.committee()).id;
        await w.ctx.dataSource.query(`insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)`, [roundId, committeeId, addDays(w.today, 60)]);
      }
      const reason = `Nämnden sammanträder senare ${w.unique()}`;
      const asked = async () => ((await w.ctx.dataSource.query('select 1 from consultation_extension where reason = $1', [reason])) as unknown[]).length > 0;
      return { params: { id: roundId, committeeId }, body: { requestedReplyBy: addDays(w.today, 400), reason }, effect: asked };
    },
  },
  'POST /api/v1/rounds/{id}/consultation/recipients/{committeeId}/extensions/{extensionId}/approve': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const open = await openExtensionOfA(w);
      return { params: { id: open.roundId, committeeId: open.committeeId, extensionId: open.extensionId }, body: {}, effect: async () => (await open.status()) === 'approved' };
    },
  },
  'POST /api/v1/rounds/{id}/consultation/recipients/{committeeId}/extensions/{extensionId}/decline': {
    allow: ['strategist'],
    status: 200,
    build: async (w) => {
      const open = await openExtensionOfA(w);
      return { params: { id: open.roundId, committeeId: open.committeeId, extensionId: open.extensionId }, body: { reason: 'Beslutet kan inte vänta' }, effect: async () => (await open.status()) === 'declined' };
    },
  },

  // -- the consultation: responses (yttranden) — the committee's secretaries and strategists write, its readers read --
  'POST /api/v1/rounds/{id}/consultation/responses': {
    allow: ['secretary-own', 'strategist'],
    status: 201,
    build: async (w, { caller }) => {
      const roundId = await responseRoundFor(w, caller);
      const summary = `Yttrande ${w.unique()}`;
      return {
        params: { id: roundId },
        body: { committeeId: w.committeeA.id, ...responseBody(summary) },
        effect: () => responseWith(w, `select 1 from consultation_response where summary = $1 and status = 'submitted'`, [summary]),
      };
    },
  },
  'POST /api/v1/rounds/{id}/consultation/responses/{committeeId}/revisions': {
    allow: ['secretary-own', 'strategist'],
    status: 201,
    build: async (w, { caller }) => {
      const roundId = await responseRoundFor(w, caller);
      if (RESPONSE_WRITERS.includes(caller)) await submittedResponseOf(w, roundId, w.committeeA.id);
      const summary = `Rättelse ${w.unique()}`;
      return {
        params: { id: roundId, committeeId: w.committeeA.id },
        body: responseBody(summary),
        effect: () => responseWith(w, `select 1 from consultation_response where summary = $1 and revision = 2`, [summary]),
      };
    },
  },
  'GET /api/v1/rounds/{id}/consultation/responses/{committeeId}': {
    allow: [...CITY_WIDE_READERS, 'secretary-own'],
    status: 200,
    build: async (w) => ({ params: { id: await consultationRoundOfA(w), committeeId: w.committeeA.id } }),
  },
  'PUT /api/v1/rounds/{id}/consultation/responses/{committeeId}/draft': {
    allow: ['secretary-own', 'strategist'],
    status: 200,
    build: async (w) => {
      const roundId = await consultationRoundOfA(w);
      const summary = `Utkast ${w.unique()}`;
      return {
        params: { id: roundId, committeeId: w.committeeA.id },
        body: { summary },
        effect: () => responseWith(w, `select 1 from consultation_response where summary = $1 and status = 'draft'`, [summary]),
      };
    },
  },
  // Not multipart here: an allowed caller gets as far as the handler, which asks for the file (400).
  'PUT /api/v1/rounds/{id}/consultation/responses/{committeeId}/draft/attachment': {
    allow: ['secretary-own', 'strategist'],
    status: 400,
    build: async (w) => ({ params: { id: await consultationRoundOfA(w), committeeId: w.committeeA.id }, body: { file: 'no file' } }),
  },
  // A submitted response's document is read by whoever reads the round. In a round whose remiss went to committee B
  // (consultationRoundOfA) B's secretary reads the round too, as a recipient: this case uses the sent round of A,
  // whose remiss went to committee A (and to the new committee of the case) only.
  'GET /api/v1/rounds/{id}/consultation/attachments/{attachmentId}': {
    allow: [...CITY_WIDE_READERS, 'coordinator-own', 'management-own', 'secretary-own'],
    status: 200,
    build: async (w) => {
      const roundId = await remissSentRoundOfA(w);
      const committee = await w.ctx.given.committee();
      await w.ctx.dataSource.query('insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)', [roundId, committee.id, '2026-06-30']);
      const responseId = await submittedResponseOf(w, roundId, committee.id);
      const [row] = (await w.ctx.dataSource.query(
        `insert into consultation_attachment (response_id, file_name, media_type, size_bytes, sha256, content, uploaded_by_name) values ($1, 'yttrande.pdf', 'application/pdf', 10, 'x', $2, 'Någon') returning id`,
        [responseId, pdfWith(['Yttrande'])],
      )) as Array<{ id: string }>;
      return { params: { id: roundId, attachmentId: row.id } };
    },
  },
  'POST /api/v1/rounds/{id}/consultation/proposal-suggestions': {
    allow: ['strategist', 'secretary-own', 'secretary-other'],
    status: 200,
    build: async (w) => ({ params: { id: await consultationRoundOfA(w) }, body: { text: 'Nämnden föreslår kontaktcenter att\n- öppna fler platser' } }),
  },

  // -- the follow-up's CSV round trip: a department's coordinators (their department), strategists reading any --
  'GET /api/v1/rounds/{id}/follow-up/periods/{periodId}/reports.csv': {
    allow: ['strategist', 'coordinator-own'],
    status: 200,
    build: async (w) => {
      const { roundId, periodId } = await followUpRoundOfA(w);
      return { params: { id: roundId, periodId }, query: `?departmentId=${w.departmentA.id}` };
    },
  },
  // Not CSV here: an allowed caller gets as far as reading the file (400). (With a file, a strategist imports only the contact centre's: 403 for a department, follow-up-csv.e2e.ts.)
  'POST /api/v1/rounds/{id}/follow-up/periods/{periodId}/reports.csv': {
    allow: ['coordinator-own', 'strategist'],
    status: 400,
    build: async (w) => {
      const { roundId, periodId } = await followUpRoundOfA(w);
      return { params: { id: roundId, periodId }, query: `?departmentId=${w.departmentA.id}&dryRun=true`, body: { file: 'no file' } };
    },
  },
};

// ---- reading the OpenAPI document ---------------------------------------------

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

interface Operation {
  key: string;
  access: string[] | undefined;
  security: unknown[] | undefined;
}

function operationsOf(doc: { paths: Record<string, Record<string, { 'x-access'?: string[]; security?: unknown[] }>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, access: op['x-access'], security: op.security })),
  );
}

/**
 * The round-reader rule: every round in the table has department A (of committee A) taking part; a round whose
 * remiss went to committee B (consultationRoundOfA) is read by B's secretary too, and no read case uses one.
 */
const ROUND_PARTICIPANT_RULE = 'coordinator, management or committee_secretary of a department taking part in the round, or committee_secretary of a committee its remiss was sent to';

/** The callers an `x-access` list lets in (descriptions from allow.decorator.ts). */
function callersDeclaredBy(access: string[]): Set<Caller> | string {
  const callers = new Set<Caller>();
  for (const rule of access) {
    const department = /^(.+) of the department$/.exec(rule);
    if (rule === 'anyone') CALLERS.forEach((c) => callers.add(c));
    else if (rule === 'any signed-in user') CALLERS.filter((c) => c !== 'anonymous').forEach((c) => callers.add(c));
    else if (rule === 'admin' || rule === 'strategist') callers.add(rule);
    else if (rule === 'committee_secretary of the committee') callers.add('secretary-own');
    else if (rule === 'committee_secretary of any committee') ['secretary-own', 'secretary-other'].forEach((c) => callers.add(c as Caller));
    else if (rule === 'the person concerned') callers.add('self');
    else if (rule === 'coordinator or management (their own departments)') ['coordinator-own', 'coordinator-other', 'management-own', 'management-other'].forEach((c) => callers.add(c as Caller));
    else if (rule === ROUND_PARTICIPANT_RULE) ['coordinator-own', 'management-own', 'secretary-own'].forEach((c) => callers.add(c as Caller));
    else if (department) {
      for (const role of department[1].split(' or ')) {
        const caller = `${role}-own` as Caller;
        if (!CALLERS.includes(caller)) return `unknown role "${role}" in x-access rule "${rule}"`;
        callers.add(caller);
      }
    } else return `unknown x-access rule "${rule}": teach callersDeclaredBy and the matrix about it`;
  }
  return callers;
}

const isAllowed = (allow: Allowed, caller: Caller) =>
  allow === 'everyone' || (allow === 'signed-in' ? caller !== 'anonymous' : (allow as readonly Caller[]).includes(caller));
const allowedSet = (allow: Allowed) => new Set(CALLERS.filter((c) => isAllowed(allow, c)));
const describeAllow = (allow: Allowed) => (typeof allow === 'string' ? allow : allow.join(', '));
const sorted = (s: Set<Caller>) => [...s].sort();

// ---- running a case ------------------------------------------------------------

interface Row {
  route: string;
  caller: Caller;
  expected: number;
  got: number;
  body: string;
  problem?: string;
}

const rows: Row[] = [];

function fill(template: string, params: Record<string, string> = {}): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${template}: the table gives no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  return path;
}

const brief = (res: ApiResponse) => {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body ?? '');
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
};

async function runCase(w: AccessWorld, key: string, spec: RouteSpec, caller: Caller): Promise<Row> {
  const [method, template] = key.split(' ');
  const token = caller === 'anonymous' ? undefined : spec.consumesToken ? await w.freshToken(caller) : w.callers[caller].token;
  const prepared = await spec.build(w, { caller, token });
  const path = fill(template, prepared.params) + (prepared.query ?? '');
  const res = await w.ctx.api(method, path, prepared.body, token ? { authorization: `Bearer ${token}` } : {});
  const allowed = isAllowed(spec.allow, caller);
  const expected = allowed ? spec.status : caller === 'anonymous' ? 401 : 403;
  const row: Row = { route: key, caller, expected, got: res.status, body: brief(res) };
  const problems: string[] = [];
  if (res.status !== expected) problems.push('wrong status');
  if (expected === 401 && res.status === 401) {
    if (res.body?.code !== 'UNAUTHENTICATED') problems.push(`code ${res.body?.code}, expected UNAUTHENTICATED`);
    if (!/^Bearer/.test(res.headers.get('www-authenticate') ?? '')) problems.push('no www-authenticate: Bearer');
  }
  if (expected === 403 && res.status === 403 && res.body?.code !== 'FORBIDDEN') problems.push(`code ${res.body?.code}, expected FORBIDDEN`);
  if (prepared.effect) {
    const wrote = await prepared.effect();
    if (allowed && !wrote) problems.push('allowed call did not take effect');
    if (!allowed && wrote) problems.push('REFUSED CALL CHANGED DATA');
  }
  if (problems.length) row.problem = problems.join('; ');
  rows.push(row);
  return row;
}

const formatRows = (list: Row[]) =>
  list.map((r) => `  ${r.route.padEnd(52)} ${r.caller.padEnd(18)} expected ${r.expected} got ${r.got}  ${r.problem ?? ''}  ${r.body}`).join('\n');

/** route × caller grid of statuses; `!` marks a case that failed. */
function matrixSummary(): string {
  const short = (c: Caller) => c.replace('coordinator', 'coord').replace('management', 'mgmt').replace('secretary', 'secr').replace('anonymous', 'anon');
  const header = `${'route'.padEnd(52)} ${CALLERS.map((c) => short(c).padStart(11)).join('')}`;
  const routes = [...new Set(rows.map((r) => r.route))];
  const lines = routes.map((route) => {
    const cells = CALLERS.map((caller) => {
      const row = rows.find((r) => r.route === route && r.caller === caller);
      return (row ? `${row.problem ? '!' : ''}${row.got}` : '-').padStart(11);
    });
    return `${route.padEnd(52)} ${cells.join('')}`;
  });
  return [header, ...lines].join('\n');
}

// ---- the tests -------------------------------------------------------------------

describe('access control', () => {
  let ctx: E2eContext;
  let w: AccessWorld;
  let operations: Operation[];

  beforeAll(async () => {
    ctx = await e2eContext();
    w = await buildAccessWorld(ctx);
    // The follow-up's round goes through the whole workflow (long): built first, and its view read once (the
    // working-day calendar of the years since its periods is counted once per process), so that its cases'
    // requests do not all start at once on a pool gone cold or a busy process (a connection not opened in time is a 503).
    await ctx.app.get(FollowUpQueryService).view((await followUpRoundOfA(w)).roundId);
    const doc = await ctx.api('GET', '/api/docs-json');
    expect(doc.status).toBe(200);
    operations = operationsOf(doc.body);
  });

  afterAll(async () => {
    const failed = rows.filter((r) => r.problem);
    if (failed.length) {
      const legend = CALLERS.map((c) => `  ${c}: ${CALLER_NOTES[c]}`).join('\n');
      console.log(`Access matrix (! = failed case)\n${matrixSummary()}\n\nFailed cases:\n${formatRows(failed)}\n\nCallers:\n${legend}`);
    }
    await ctx?.close();
  });

  describe('the OpenAPI document and the table', () => {
    it('declares every operation in the table, and the table lists no operation that is gone', () => {
      const inDoc = operations.map((o) => o.key);
      const missing = inDoc.filter((k) => !(k in ROUTES));
      const stale = Object.keys(ROUTES).filter((k) => !inDoc.includes(k));
      // A new route: add it to ROUTES with whom it allows and a request that succeeds for them.
      expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    });

    it('gives every operation an x-access rule list', () => {
      expect(operations.filter((o) => !Array.isArray(o.access) || o.access.length === 0).map((o) => o.key)).toEqual([]);
    });

    it('allows in the table exactly whom the x-access rules let in', () => {
      const mismatches = operations
        .filter((o) => o.key in ROUTES && Array.isArray(o.access))
        .flatMap((o) => {
          const declared = callersDeclaredBy(o.access!);
          if (typeof declared === 'string') return [`${o.key}: ${declared}`];
          const table = allowedSet(ROUTES[o.key].allow);
          const same = sorted(declared).join() === sorted(table).join();
          return same ? [] : [`${o.key}: x-access ${JSON.stringify(o.access)} lets in [${sorted(declared)}], the table says [${sorted(table)}]`];
        });
      expect(mismatches).toEqual([]);
    });

    it('marks every operation but the public ones as needing a Bearer token', () => {
      const wrong = operations.filter((o) => {
        const isPublic = (o.access ?? []).includes('anyone');
        const bearer = (o.security ?? []).some((s) => typeof s === 'object' && s !== null && 'bearer' in s);
        return isPublic === bearer;
      });
      expect(wrong.map((o) => `${o.key} security=${JSON.stringify(o.security)}`)).toEqual([]);
    });
  });

  describe('matrix: every operation × every caller', () => {
    const entries = Object.entries(ROUTES).map(([key, spec]) => [`${key} → ${describeAllow(spec.allow)}`, key] as const);

    it.each(entries)('%s', async (_title, key) => {
      const spec = ROUTES[key];
      // Every case has its own resources, so the callers of a route run side by side.
      const results = await Promise.all(CALLERS.map((caller) => runCase(w, key, spec, caller)));
      await recycleCaseYears(w);
      const failed = results.filter((r) => r.problem);
      if (failed.length) {
        throw new Error(
          `${failed.length} of ${results.length} cases failed for ${key}:\n${formatRows(failed)}\n\nAll callers: ${results.map((r) => `${r.caller}=${r.got}`).join(' ')}`,
        );
      }
    });
  });

  describe('credentials', () => {
    const me = (token: string) => ctx.withToken(token)('GET', '/api/v1/me');
    const expect401 = (res: ApiResponse, what: string) => {
      expect({ what, status: res.status, code: res.body?.code }).toEqual({ what, status: 401, code: 'UNAUTHENTICATED' });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    };

    it('refuses a malformed Authorization header with 401, even around a valid token', async () => {
      const valid = await w.freshToken('admin');
      const webSession = (await ctx.app.get(SessionService).create(w.callers.admin.userId, 'web', 'password', {})).token;
      const tampered = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A');
      const headers: Record<string, string> = {
        'scheme only': 'Bearer',
        'Basic credentials': `Basic ${Buffer.from(`${w.callers.admin.email}:${TEST_PASSWORD}`).toString('base64')}`,
        'another scheme': `Token ${valid}`,
        'no scheme': valid,
        'two tokens': `Bearer ${valid} ${valid}`,
        'a tampered token': `Bearer ${tampered}`,
        'an overlong token': `Bearer ${'A'.repeat(500)}`,
        'a browser session used as a Bearer token': `Bearer ${webSession}`,
      };
      for (const [what, authorization] of Object.entries(headers)) {
        expect401(await ctx.api('GET', '/api/v1/me', undefined, { authorization }), what);
        const refusedWrite = await ctx.api('POST', '/api/v1/committees', { code: `N${w.unique()}`, name: 'Ska inte finnas' }, { authorization });
        expect401(refusedWrite, `${what} (POST /api/v1/committees)`);
      }
      expect((await me(valid)).status).toBe(200);
    });

    it('refuses an expired access token with 401', async () => {
      const token = await w.freshToken('admin');
      expect((await me(token)).status).toBe(200);
      await ctx.dataSource.query(`update auth_session set expires_at = now() - interval '1 second' where token_hash = $1`, [hashToken(token)]);
      expect401(await me(token), 'expired, GET /me');
      expect401(await ctx.withToken(token)('GET', '/api/v1/admin/users'), 'expired, GET /admin/users');
      expect((await w.callers.admin.api('GET', '/api/v1/me')).status).toBe(200);
    });

    it('refuses a revoked access token with 401 at once, and only that token', async () => {
      const token = await w.freshToken('admin');
      const signOut = await ctx.withToken(token)('DELETE', '/api/v1/auth/token');
      expect(signOut.status).toBe(204);
      expect401(await me(token), 'revoked, GET /me');
      expect401(await ctx.withToken(token)('GET', '/api/v1/admin/users'), 'revoked, GET /admin/users');
      expect401(await ctx.withToken(token)('DELETE', '/api/v1/auth/token'), 'revoked, sign out again');
      expect((await w.callers.admin.api('GET', '/api/v1/admin/users')).status).toBe(200);
      // Public routes ignore the dead token: a probe still sees health, and the client can sign in again.
      expect((await ctx.withToken(token)('GET', '/health')).status).toBe(200);
    });

    it("refuses a disabled user's token with 401 immediately after the admin disables them", async () => {
      const user = await ctx.as([{ role: 'management', departmentId: w.departmentA.id }]);
      const coordinators = `/api/v1/departments/${w.departmentA.id}/coordinators`;
      expect((await user.api('GET', coordinators)).status).toBe(200);

      const disabled = await w.callers.admin.api('POST', `/api/v1/admin/users/${user.userId}/disable`);
      expect(disabled.status).toBe(200);
      expect401(await user.api('GET', coordinators), 'disabled, GET coordinators');
      expect401(await user.api('GET', '/api/v1/me'), 'disabled, GET /me');
      const signIn = await ctx.api('POST', '/api/v1/auth/token', { email: user.email, password: TEST_PASSWORD });
      expect({ status: signIn.status, code: signIn.body?.code }).toEqual({ status: 403, code: 'USER_DISABLED' });

      expect((await w.callers.admin.api('POST', `/api/v1/admin/users/${user.userId}/enable`)).status).toBe(200);
      expect401(await user.api('GET', '/api/v1/me'), 'old token after enabling again');
      const fresh = await ctx.tokenFor(user.email);
      expect((await ctx.withToken(fresh)('GET', coordinators)).status).toBe(200);
    });

    it('signs a user out everywhere when the admin sets a new password', async () => {
      const user = await ctx.as('nobody');
      expect((await user.api('GET', '/api/v1/me')).status).toBe(200);
      expect((await w.callers.admin.api('PUT', `/api/v1/admin/users/${user.userId}/password`, { password: NEW_PASSWORD })).status).toBe(204);
      expect401(await user.api('GET', '/api/v1/me'), 'token from before the password change');
    });

    it('applies the rule of a GET operation to HEAD as well', async () => {
      const results: string[] = [];
      const gets = Object.entries(ROUTES).filter(([k]) => k.startsWith('GET '));
      let checked = 0;
      for (const [key, spec] of gets) {
        const template = key.slice('GET '.length);
        for (const caller of ['anonymous', 'nobody'] as const) {
          const path = fill(template, (await spec.build(w, { caller })).params);
          const headers: Record<string, string> = caller === 'anonymous' ? {} : { authorization: `Bearer ${w.callers.nobody.token}` };
          const res = await fetch(ctx.baseUrl + path, { method: 'HEAD', headers });
          const expected = isAllowed(spec.allow, caller) ? spec.status : caller === 'anonymous' ? 401 : 403;
          checked++;
          if (res.status !== expected) results.push(`HEAD ${template} as ${caller}: expected ${expected}, got ${res.status}`);
        }
      }
      expect(results).toEqual([]);
      expect(gets.length).toBeGreaterThan(0);
      expect(checked).toBe(2 * gets.length);
    });

    it('takes a revoked or granted role into account on the next request', async () => {
      const user = await ctx.as([{ role: 'management', departmentId: w.departmentA.id }]);
      const coordinators = `/api/v1/departments/${w.departmentA.id}/coordinators`;
      expect((await user.api('GET', coordinators)).status).toBe(200);
      const grantId = (await w.callers.admin.api('GET', `/api/v1/admin/users/${user.userId}`)).body.roles[0].id as string;
      expect((await w.callers.admin.api('DELETE', `/api/v1/admin/users/${user.userId}/roles/${grantId}`)).status).toBe(204);
      expect((await user.api('GET', coordinators)).status).toBe(403);
      const grant = await w.callers.admin.api('POST', `/api/v1/admin/users/${user.userId}/roles`, { role: 'management', departmentId: w.departmentA.id });
      expect(grant.status).toBe(201);
      expect((await user.api('GET', coordinators)).status).toBe(200);
    });

    it('gives coordinator reach only for an assignment valid today', async () => {
      const user = await ctx.given.user();
      const personId = user.user.personId;
      const token = await ctx.tokenFor(user.email);
      const coordinators = `/api/v1/departments/${w.departmentA.id}/coordinators`;
      const list = () => ctx.withToken(token)('GET', coordinators);

      await ctx.given.coordinator(w.departmentA, { personId, kind: 'deputy', validFrom: '2019-01-01', validTo: '2019-12-31' });
      const day = w.futureDay();
      await ctx.given.coordinator(w.departmentA, { personId, kind: 'deputy', validFrom: day, validTo: day });
      expect({ endedAndScheduledOnly: (await list()).status }).toEqual({ endedAndScheduledOnly: 403 });

      const active = await ctx.given.coordinator(w.departmentA, { personId, kind: 'deputy', validFrom: '2020-01-01', validTo: addDays(w.today, 100) });
      expect({ active: (await list()).status }).toEqual({ active: 200 });
      expect({ otherDepartment: (await ctx.withToken(token)('GET', `/api/v1/departments/${w.departmentB.id}/coordinators`)).status }).toEqual({ otherDepartment: 403 });

      const ended = await w.callers.admin.api('POST', `/api/v1/coordinator-assignments/${active.id}/end`, { validTo: addDays(w.today, -1) });
      expect(ended.status).toBe(200);
      expect({ endedYesterday: (await list()).status }).toEqual({ endedYesterday: 403 });
    });

    it('refuses a handler without an access rule for everyone, admins included (default deny)', async () => {
      const guard = ctx.app.get(AccessGuard);
      class UndeclaredController {
        handler() {
          // no @Allow: what a new route looks like before anyone declares who may call it
        }
      }
      const contextFor = (headers: Record<string, string>) =>
        ({
          switchToHttp: () => ({ getRequest: () => ({ method: 'GET', url: '/undeclared', routeOptions: { url: '/undeclared' }, headers }) }),
          getHandler: () => UndeclaredController.prototype.handler,
          getClass: () => UndeclaredController,
        }) as unknown as ExecutionContext;
      for (const headers of [{}, { authorization: `Bearer ${w.callers.admin.token}` }] as Record<string, string>[]) {
        await expect(guard.canActivate(contextFor(headers))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    });
  });
});
