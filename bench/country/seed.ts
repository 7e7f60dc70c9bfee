import { inTransaction } from '../bench-database';
import { generatedNeedsSql } from '../generated-needs';
import { Actor } from '@samverka/audit';
import { DEFAULT_RESPONSIBILITIES } from '@samverka/organisation';
import { addDays, addWorkingDays, LocalDate } from '@samverka/kernel';
import { PlanRoundCommandService } from '@samverka/rounds';
import { Client } from 'pg';

/**
 * The country-scale data set: `municipalities` × `perMunicipality` departments (290 × 15 ≈ 4,400:
 * "290 municipalities' worth"), loaded set-based into the app's own tables. Reproducible: every
 * choice is arithmetic on a department's number n (1 … departments), its municipality m and its
 * place j (1 … perMunicipality) in it, never a random draw; only the uuids differ between runs.
 *
 * At 1× (`seedCountry`):
 *  - one committee per municipality; its departments; per department a primary coordinator (none
 *    when n % 25 = 0: a coverage gap), a deputy unless n % 3 = 0, one ended primary (history); a
 *    management user (digest frequency by n % 10: 0 off, 1–2 weekly, 3 monthly, else the default
 *    biweekly); the primaries have user accounts too;
 *  - the round that collects needs (`needsPerDepartment` needs per department; needs deadline two
 *    working days ahead, so the "3 working days before" reminder is due; n % 10 = 0 have not handed
 *    in: the ones reminded, 10 %; n % 10 in 1–3 await endorsement; the rest are endorsed);
 *  - the round in follow-up: a plan with one item per department (accountable: that department,
 *    responsible: the next one in its municipality, consulted: the one after), the items' needs, the
 *    remiss (every committee a recipient with a submitted response), the follow-up items and
 *    obligations, three periods: T0 long past (every report made), T1 due in two working days
 *    (reported except the accountable item of departments with n % 10 = 5: those are owed and
 *    reminded), T2 half a year ahead;
 *  - one closed round of last year with all of the above done (`addClosedRounds`);
 *  - four past periodic digests per management user, and five sent emails per management user.
 *
 * `addCountryHistory` grows the same city to a factor of that (10×: 27 more closed rounds, nine
 * more ended primaries per department, 36 more past digests and 45 more sent emails per management
 * user), all of it in the past: what is due now (reminders, digests, tasks) stays exactly the same.
 */
export interface CountryShape {
  municipalities: number;
  perMunicipality: number;
  /** Needs per department in the round that collects needs (the analysis reads them). */
  needsPerDepartment: number;
  /** Needs per department in each other round. */
  pastNeedsPerDepartment: number;
}

export const COUNTRY_SHAPE: CountryShape = { municipalities: 290, perMunicipality: 15, needsPerDepartment: 5, pastNeedsPerDepartment: 3 };

/** Closed rounds, ended primaries per department, past digests and sent emails per management user at 1×; a factor multiplies each. */
const PER_FACTOR = { closedRounds: 3, endedPrimaries: 1, pastDigests: 4, sentEmails: 5 };

export interface CountryData {
  departments: number;
  collectingRoundId: string;
  followUpRoundId: string;
  /** Today as the seed saw it (the sweeps must run on the same day). */
  today: LocalDate;
  /** The due dates the seed chose. */
  needsDeadline: LocalDate;
  reportsDueOn: LocalDate;
}

/** The seed's departments: code C<mmm>-<jj>. */
const DEPARTMENT_CODE = `'^C[0-9]{3}-[0-9]{2}$'`;

/** A temporary map of the seed's departments to their numbers (n, m, j), for the statements below. */
async function departmentMap(client: Client, shape: CountryShape): Promise<void> {
  await client.query('drop table if exists country_dept');
  await client.query(
    `create temp table country_dept as
     select d.id, d.committee_id, m, j, (m - 1) * $1::int + j as n
       from department d
       cross join lateral (select substring(d.code::text from 2 for 3)::int as m, substring(d.code::text from 6 for 2)::int as j) x
      where d.code::text ~ ${DEPARTMENT_CODE}`,
    [shape.perMunicipality],
  );
  await client.query('create unique index on country_dept (n)');
  await client.query('analyze country_dept');
}

/** A round created through the service (a real round, with its areas and history), then moved by SQL to its phase and dates. */
async function createRound(
  client: Client,
  rounds: PlanRoundCommandService,
  actor: Actor,
  today: LocalDate,
  values: { title: string; year: number; state: string; needsDeadline: LocalDate; consultationReply?: LocalDate; decision?: LocalDate },
): Promise<string> {
  const { rows: first } = await client.query<{ id: string }>(`select id from country_dept where n = 1`);
  const round = await rounds.create(actor, {
    title: values.title,
    year: values.year,
    caseNumber: `KS-${values.year}-${values.title.length}-${Math.abs(hashCode(values.title))}`,
    participantDepartmentIds: [first[0].id],
    deadlines: { needs: addDays(today, 30) },
  });
  await client.query(
    `update plan_round
        set state = $2, needs_deadline = $3, consultation_reply_deadline = $4, decision_deadline = $5,
            snapshot = jsonb_set(jsonb_set(snapshot, '{value}', to_jsonb($2::text)), '{status}', to_jsonb(case when $2 in ('closed', 'cancelled') then 'done' else 'active' end))
      where id = $1`,
    [round.id, values.state, values.needsDeadline, values.consultationReply ?? null, values.decision ?? null],
  );
  await client.query(`insert into plan_round_participant (round_id, department_id) select $1, id from country_dept on conflict do nothing`, [round.id]);
  return round.id;
}

function hashCode(s: string): number {
  let h = 0;
  for (const c of s) h = (Math.imul(31, h) + c.charCodeAt(0)) | 0;
  return h;
}

/** `perDepartment` needs per department in the round, spread over its areas and the reference data. */
async function addNeeds(client: Client, roundId: string, perDepartment: number): Promise<void> {
  await client.query(
    generatedNeedsSql('select id, n from country_dept', ''),
    [roundId, perDepartment],
  );
}

/**
 * A round past its plan: endorsed needs, the plan (one item per department, its responsibilities and
 * needs), the remiss with every committee's submitted response, the follow-up items, obligations and
 * periods. Reports: every obligation for the periods due before `reportedBefore`.
 */
async function addPlanAndFollowUp(
  client: Client,
  roundId: string,
  values: { closed: boolean; needsPerDepartment: number; periods: Array<{ label: string; dueOn: LocalDate }>; replyBy: LocalDate; today: LocalDate },
): Promise<void> {
  await addNeeds(client, roundId, values.needsPerDepartment);
  await client.query(
    `insert into needs_submission (round_id, department_id, status, submitted_at, endorsed_at, version)
     select $1, id, 'endorsed', now() - interval '200 days', now() - interval '190 days', 3 from country_dept`,
    [roundId],
  );
  await client.query(`insert into plan (round_id, introduction, latest_version, draft_changed) values ($1, 'Handlingsplan för samverkan kring service.', 0, false)`, [roundId]);
  await client.query(
    `with a as (select array_agg(code order by position) as codes from plan_round_area where round_id = $1)
     insert into plan_item (round_id, area_code, code, title, description, expected_effect, indicator, status, position)
     select $1, a.codes[1 + d.n % cardinality(a.codes)], 'P-' || lpad(d.n::text, 5, '0'), 'Insats ' || d.n,
            'Förvaltningarna samordnar sin service kring ärendet; insatsen beskrivs i ett par meningar som i en vanlig plan.',
            'Kortare väntetid', 'Andel ärenden lösta vid första kontakt', $2, d.n
       from country_dept d cross join a`,
    [roundId, values.closed ? 'completed' : 'ongoing'],
  );
  await client.query(
    `create temp table country_item on commit drop as
     select i.id as item_id, i.area_code, i.code, i.title, i.position, substring(i.code from 3)::int as n from plan_item i where i.round_id = $1`,
    [roundId],
  );
  await client.query(
    `insert into plan_responsibility (item_id, department_id, role, expectations, effort_hours, position)
     select i.item_id, d.id, r.role, 'Förvaltningen bidrar enligt planen.', r.hours, r.position
       from country_item i
       join country_dept a on a.n = i.n
       cross join lateral (values ('accountable', a.n, 40.0, 1),
                                  ('responsible', (a.m - 1) * 15 + a.j % 15 + 1, 20.0, 2),
                                  ('consulted', (a.m - 1) * 15 + (a.j + 1) % 15 + 1, null, 3)) as r(role, n, hours, position)
       join country_dept d on d.n = r.n`,
  );
  await client.query(
    `insert into plan_item_need (item_id, need_id)
     select i.item_id, (select id from need where round_id = $1 and department_id = d.id order by id limit 1)
       from country_item i join country_dept d on d.n = i.n`,
    [roundId],
  );
  // The remiss: every committee a recipient, each with its submitted response.
  await client.query(
    `insert into consultation (round_id, plan_version, reply_by, cover_letter, sent_at) values ($1, 1, $2, 'Planen skickas på remiss till nämnderna.', now() - interval '150 days')`,
    [roundId, values.replyBy],
  );
  await client.query(
    `insert into consultation_recipient (round_id, committee_id, reply_by) select $1, c.id, $2 from committee c where c.code::text ~ '^C[0-9]{3}-N$'`,
    [roundId, values.replyBy],
  );
  await client.query(
    `insert into consultation_response (round_id, committee_id, revision, status, stance, summary, text, adopted_on, minute_reference, created_by_name, submitted_by_name, submitted_at)
     select round_id, committee_id, 1, 'submitted', 'approve_with_remarks', 'Nämnden tillstyrker med synpunkter.',
            'Nämnden ställer sig bakom planen och lämnar synpunkter på genomförandet.', reply_by - 3, '§ ' || (row_number() over ()), 'Nämndsekreterare', 'Nämndsekreterare', now() - interval '140 days'
       from consultation_recipient where round_id = $1`,
    [roundId],
  );
  await client.query(
    `insert into follow_up_item (round_id, item_id, code, area_code, title, position, effort_hours) select $1, item_id, code, area_code, title, position, 60 from country_item`,
    [roundId],
  );
  await client.query(
    `insert into follow_up_obligation (round_id, item_id, department_id, contact_centre)
     select $1, r.item_id, r.department_id, false from plan_responsibility r join country_item i on i.item_id = r.item_id where r.role in ('accountable', 'responsible')`,
    [roundId],
  );
  for (const [index, p] of values.periods.entries()) {
    await client.query(`insert into follow_up_period (round_id, label, due_on, position) values ($1, $2, $3, $4)`, [roundId, p.label, p.dueOn, index + 1]);
  }
  // Every period due before today is reported (the open round's T1 is completed apart from what is owed, below).
  await client.query(
    `insert into follow_up_report (round_id, period_id, item_id, department_id, contact_centre, revision, status, progress, comment, source, reported_by_name, reported_at)
     select o.round_id, p.id, o.item_id, o.department_id, false, 1, $3, $4, 'Arbetet går enligt plan.', 'form', 'Samordnare', p.due_on - 2
       from follow_up_obligation o join follow_up_period p on p.round_id = o.round_id
      where o.round_id = $1 and p.due_on < $2::date`,
    [roundId, values.today, values.closed ? 'done' : 'on_track', values.closed ? 100 : 60],
  );
}

/** 1×: the organisation, the round collecting needs, the round in follow-up, and last year's closed round (see the file's comment). */
export async function seedCountry(client: Client, rounds: PlanRoundCommandService, actor: Actor, today: LocalDate, shape: CountryShape = COUNTRY_SHAPE): Promise<CountryData> {
  const departments = shape.municipalities * shape.perMunicipality;
  await inTransaction(client, async () => {
    await client.query(
      `insert into committee (code, name) select 'C' || lpad(m::text, 3, '0') || '-N', 'Kommun ' || m || ': kommunstyrelsen' from generate_series(1, $1::int) m`,
      [shape.municipalities],
    );
    await client.query(
      `insert into department (code, name, committee_id, active)
       select 'C' || lpad(m::text, 3, '0') || '-' || lpad(j::text, 2, '0'), 'Kommun ' || m || ': förvaltning ' || j, c.id, true
         from generate_series(1, $1::int) m cross join generate_series(1, $2::int) j
         join committee c on c.code = 'C' || lpad(m::text, 3, '0') || '-N'`,
      [shape.municipalities, shape.perMunicipality],
    );
    await departmentMap(client, shape);
    // People: a primary (none when n % 25 = 0), a deputy unless n % 3 = 0, a manager per department.
    await client.query(
      `insert into person (name, email, title)
       select initcap(r.role) || ' ' || d.n, r.role || '.' || d.n || '@country.example', r.title
         from country_dept d
         cross join lateral (values ('primary', 'Samordnare', d.n % 25 <> 0), ('deputy', 'Ersättare', d.n % 3 <> 0), ('chef', 'Förvaltningschef', true)) as r(role, title, wanted)
        where r.wanted`,
    );
    await client.query(
      `insert into coordinator_assignment (department_id, person_id, kind, mandate, responsibilities, valid_from, acknowledged_at)
       select d.id, p.id, r.kind::coordinator_kind, 'Mandat att företräda förvaltningen.', $2::text[], $1::date - (30 + d.n % 300), now() - interval '20 days'
         from country_dept d
         cross join lateral (values ('primary'), ('deputy')) as r(kind)
         join person p on p.email = r.kind || '.' || d.n || '@country.example'`,
      [today, [...DEFAULT_RESPONSIBILITIES]],
    );
    await client.query(
      `insert into app_user (person_id) select id from person where email::text ~ '^(primary|chef)\\.[0-9]+@country\\.example$'`,
    );
    await client.query(
      `insert into role_grant (user_id, role, department_id)
       select u.id, 'management', d.id from country_dept d join person p on p.email = 'chef.' || d.n || '@country.example' join app_user u on u.person_id = p.id`,
    );
    await client.query(
      `insert into notification_preference (user_id, digest_frequency)
       select u.id, (case when d.n % 10 = 0 then 'off' when d.n % 10 in (1, 2) then 'weekly' else 'monthly' end)::digest_frequency
         from country_dept d join person p on p.email = 'chef.' || d.n || '@country.example' join app_user u on u.person_id = p.id
        where d.n % 10 in (0, 1, 2, 3)`,
    );
  });

  const needsDeadline = addWorkingDays(today, 2);
  const collectingRoundId = await createRound(client, rounds, actor, today, {
    title: `Behovsinsamling ${Number(today.slice(0, 4)) + 1}`,
    year: Number(today.slice(0, 4)) + 1,
    state: 'collectingNeeds',
    needsDeadline,
  });
  await inTransaction(client, async () => {
    await addNeeds(client, collectingRoundId, shape.needsPerDepartment);
    await client.query(
      `insert into needs_submission (round_id, department_id, status, submitted_at, endorsed_at, version)
       select $1, id, s.status, case when s.status <> 'draft' then now() - interval '2 days' end, case when s.status = 'endorsed' then now() - interval '1 day' end, 2
         from country_dept d
         cross join lateral (select case when d.n % 10 = 0 then 'draft' when d.n % 10 in (1, 2, 3) then 'submitted' else 'endorsed' end as status) s`,
      [collectingRoundId],
    );
  });

  const reportsDueOn = addWorkingDays(today, 2);
  const year = Number(today.slice(0, 4));
  const followUpRoundId = await createRound(client, rounds, actor, today, {
    title: `Handlingsplan ${year}`,
    year,
    state: 'followUp',
    needsDeadline: addDays(today, -300),
    consultationReply: addDays(today, -200),
    decision: addDays(today, -170),
  });
  await inTransaction(client, async () => {
    await addPlanAndFollowUp(client, followUpRoundId, {
      closed: false,
      needsPerDepartment: shape.pastNeedsPerDepartment,
      periods: [
        { label: 'T0', dueOn: addDays(today, -120) },
        { label: 'T1', dueOn: reportsDueOn },
        { label: 'T2', dueOn: addDays(today, 180) },
      ],
      replyBy: addDays(today, -200),
      today,
    });
    // T1: everything reported ahead of time except the accountable item of departments with n % 10 = 5.
    await client.query(
      `insert into follow_up_report (round_id, period_id, item_id, department_id, contact_centre, revision, status, progress, comment, source, reported_by_name, reported_at)
       select o.round_id, p.id, o.item_id, o.department_id, false, 1, 'on_track', 70, 'Arbetet går enligt plan.', 'form', 'Samordnare', now() - interval '3 days'
         from follow_up_obligation o
         join follow_up_period p on p.round_id = o.round_id and p.label = 'T1'
         join country_dept d on d.id = o.department_id
         join plan_item i on i.id = o.item_id
        where o.round_id = $1 and not (d.n % 10 = 5 and substring(i.code from 3)::int = d.n)`,
      [followUpRoundId],
    );
  });
  await addHistory(client, rounds, actor, today, shape, 0, 1);
  await client.query('vacuum analyze');
  return { departments, collectingRoundId, followUpRoundId, today, needsDeadline, reportsDueOn };
}

/** Grows the history from `fromFactor` to `toFactor` (1 → 10): more closed rounds, ended primaries, past digests and sent emails; nothing due. */
export async function addCountryHistory(client: Client, rounds: PlanRoundCommandService, actor: Actor, today: LocalDate, fromFactor: number, toFactor: number, shape: CountryShape = COUNTRY_SHAPE): Promise<void> {
  await departmentMap(client, shape);
  await addHistory(client, rounds, actor, today, shape, fromFactor, toFactor);
  await client.query('vacuum analyze');
}

async function addHistory(client: Client, rounds: PlanRoundCommandService, actor: Actor, today: LocalDate, shape: CountryShape, fromFactor: number, toFactor: number): Promise<void> {
  const year = Number(today.slice(0, 4));
  // Closed rounds, newest first: three a year (the one-active-round-per-year rule leaves closed rounds alone).
  for (let k = fromFactor * PER_FACTOR.closedRounds; k < toFactor * PER_FACTOR.closedRounds; k++) {
    const roundYear = year - 1 - Math.floor(k / PER_FACTOR.closedRounds);
    const yearStart: LocalDate = `${roundYear}-01-15`;
    const roundId = await createRound(client, rounds, actor, today, {
      title: `Handlingsplan ${roundYear} (${(k % PER_FACTOR.closedRounds) + 1})`,
      year: roundYear,
      state: 'closed',
      needsDeadline: yearStart,
      consultationReply: addDays(yearStart, 90),
      decision: addDays(yearStart, 120),
    });
    await inTransaction(client, () =>
      addPlanAndFollowUp(client, roundId, {
        closed: true,
        needsPerDepartment: shape.pastNeedsPerDepartment,
        periods: [
          { label: 'T1', dueOn: addDays(yearStart, 200) },
          { label: 'T2', dueOn: addDays(yearStart, 340) },
        ],
        replyBy: addDays(yearStart, 90),
        today,
      }),
    );
  }
  await inTransaction(client, async () => {
    // Ended primaries: the k-th one before the current primary held the post for a year, ending before the next began.
    await client.query(
      `insert into person (name, email, title)
       select 'Tidigare samordnare ' || d.n || '.' || k, 'primary.' || d.n || '.h' || k || '@country.example', 'Samordnare'
         from country_dept d cross join generate_series($1::int + 1, $2::int) k`,
      [fromFactor * PER_FACTOR.endedPrimaries, toFactor * PER_FACTOR.endedPrimaries],
    );
    await client.query(
      `insert into coordinator_assignment (department_id, person_id, kind, mandate, responsibilities, valid_from, valid_to, acknowledged_at, end_reason)
       select d.id, p.id, 'primary', 'Mandat att företräda förvaltningen.', $4::text[], $3::date - 400 - 365 * k, $3::date - 400 - 365 * (k - 1) - 1,
              ($3::date - 400 - 365 * k)::timestamptz, 'Avslutat'
         from country_dept d cross join generate_series($1::int + 1, $2::int) k
         join person p on p.email = 'primary.' || d.n || '.h' || k || '@country.example'`,
      [fromFactor * PER_FACTOR.endedPrimaries, toFactor * PER_FACTOR.endedPrimaries, today, [...DEFAULT_RESPONSIBILITIES]],
    );
    // Past digests: weekly windows ending two weeks ago and earlier (the current one stays due).
    await client.query(
      `insert into digest_delivery (user_id, kind, window_start, window_end, sent, owed_count, overdue_count, change_count, created_at)
       select g.user_id, 'periodic', w.window_end - interval '7 days', w.window_end, true, 2, 0, 3, w.window_end
         from role_grant g
         join country_dept d on d.id = g.department_id
         cross join generate_series($1::int, $2::int - 1) k
         cross join lateral (select ($3::date - 14 - 7 * k)::timestamptz + interval '6 hours' as window_end) w
        where g.role = 'management'`,
      [fromFactor * PER_FACTOR.pastDigests, toFactor * PER_FACTOR.pastDigests, today],
    );
    // Sent emails: status digests of those weeks (the outbox keeps what it sent).
    await client.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, recipient_person_id, data, status, attempts, next_attempt_at, sent_at, message_id, created_at, updated_at)
       select 'digest.status', 'country-history:' || u.id || ':' || k, p.email, p.name, p.id,
              jsonb_build_object('summary', 'Två saker att göra', 'owedCount', 2, 'overdueCount', 0, 'changeCount', 3),
              'sent', 1, t.at, t.at + interval '3 seconds', '<history-' || u.id || '-' || k || '@country.example>', t.at, t.at
         from role_grant g
         join app_user u on u.id = g.user_id
         join person p on p.id = u.person_id
         join country_dept d on d.id = g.department_id
         cross join generate_series($1::int, $2::int - 1) k
         cross join lateral (select ($3::date - 14 - 7 * k)::timestamptz + interval '6 hours' as at) t
        where g.role = 'management'`,
      [fromFactor * PER_FACTOR.sentEmails, toFactor * PER_FACTOR.sentEmails, today],
    );
  });
}

/** Row counts of the tables the seed fills (what "1×" and "10×" hold). */
export async function countryCounts(client: Client): Promise<Record<string, number>> {
  const tables = [
    'department',
    'person',
    'coordinator_assignment',
    'app_user',
    'role_grant',
    'plan_round',
    'plan_round_participant',
    'need',
    'needs_submission',
    'plan_item',
    'plan_responsibility',
    'consultation_response',
    'follow_up_obligation',
    'follow_up_report',
    'digest_delivery',
    'notification',
  ];
  const { rows } = await client.query<Record<string, string>>(`select ${tables.map((t) => `(select count(*) from ${t}) as ${t}`).join(', ')}`);
  return Object.fromEntries(tables.map((t) => [t, Number(rows[0][t])]));
}
