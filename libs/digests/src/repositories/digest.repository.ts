import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { DigestDeliveryKind } from '../entities/digest-delivery.entity';

/** A management user with their departments, frequency and the end of their last digest. */
export interface ManagerRow {
  userId: string;
  personId: string;
  email: string;
  name: string;
  frequency: string;
  departmentIds: string[];
  lastPeriodicEnd: Date | null;
  lastEnd: Date | null;
}

export interface DepartmentRoundRow {
  departmentId: string;
  departmentName: string;
  roundId: string;
  title: string;
  state: string;
  needsDeadline: LocalDate;
  consultationReplyDeadline: LocalDate | null;
  decisionDeadline: LocalDate | null;
}

export type OwedKind = 'needs' | 'endorsement' | 'response' | 'report';

export interface OwedRow {
  departmentId: string;
  roundId: string;
  kind: OwedKind;
  dueOn: LocalDate | null;
  itemCode: string | null;
  itemTitle: string | null;
  periodLabel: string | null;
  committeeId: string | null;
  committeeName: string | null;
  questionCount: number;
}

export interface ItemRow {
  departmentId: string;
  roundId: string;
  code: string;
  title: string;
  status: string | null;
  progress: number | null;
  /** When each report on the item (any period, any revision) since the earliest window asked about was made. */
  reportedAt: Date[];
}

export interface CityRoundRow {
  roundId: string;
  title: string;
  state: string;
  participants: number;
  handedIn: number;
  recipients: number;
  responded: number;
  reportsDue: number;
  reportsDone: number;
}

/** The latest periodic digest sweep, as the city overview shows it. */
export interface DigestSweepFigures {
  windowStart: Date;
  windowEnd: Date;
  /** Management users whose digest was due. */
  due: number;
  /** Emails queued (a digest with something new or owed). */
  queued: number;
  /** Of those, the ones the outbox has sent. */
  sent: number;
  /** Digests left out: nothing new and nothing owed. */
  skippedAsEmpty: number;
}

export interface NewDelivery {
  userId: string;
  kind: DigestDeliveryKind;
  windowStart: Date;
  windowEnd: Date;
  sent: boolean;
  owedCount: number;
  overdueCount: number;
  changeCount: number;
}

/** Round states in which a department is told about the round (launched, not finished). */
const OPEN_STATES = ['collectingNeeds', 'draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp'];

/**
 * The digests' set-based reads. Every method is ONE statement over an array of departments, so a
 * sweep's statement count does not grow with the number of departments or users.
 *
 * The digests context sits above rounds, needs, plan, consultation, follow-up, organisation and
 * identity and reads their tables here, read-only, in plain SQL: per-user service calls would make
 * the sweep N+1. This repository is the one place that does so (the follow-up tables included), and
 * it never writes to them; its own table is `digest_delivery`.
 */
@Injectable()
export class DigestRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every active management user with their active departments (all, or only `userIds`), their frequency and their last digests. */
  async managers(defaultFrequency: string, userIds: string[] | null = null): Promise<ManagerRow[]> {
    const rows: Array<{ user_id: string; person_id: string; email: string; name: string; frequency: string; department_ids: string[]; last_periodic_end: Date | null; last_end: Date | null }> =
      await this.tx.manager.query(
        `select u.id as user_id, p.id as person_id, p.email, p.name,
                coalesce(np.digest_frequency::text, $1) as frequency,
                array_agg(distinct g.department_id) as department_ids,
                (select max(dd.window_end) from digest_delivery dd where dd.user_id = u.id and dd.kind = 'periodic') as last_periodic_end,
                (select max(dd.window_end) from digest_delivery dd where dd.user_id = u.id) as last_end
           from role_grant g
           join department d on d.id = g.department_id and d.active
           join app_user u on u.id = g.user_id and u.disabled_at is null
           join person p on p.id = u.person_id
           left join notification_preference np on np.user_id = u.id
          where g.role = 'management' and g.revoked_at is null
            and ($2::uuid[] is null or u.id = any($2::uuid[]))
          group by u.id, p.id, np.digest_frequency
          order by u.id`,
        [defaultFrequency, userIds],
      );
    return rows.map((r) => ({
      userId: r.user_id,
      personId: r.person_id,
      email: r.email,
      name: r.name,
      frequency: r.frequency,
      departmentIds: r.department_ids,
      lastPeriodicEnd: r.last_periodic_end,
      lastEnd: r.last_end,
    }));
  }

  /** The open rounds the departments take part in, one row per department and round. */
  async departmentRounds(departmentIds: string[]): Promise<DepartmentRoundRow[]> {
    if (departmentIds.length === 0) return [];
    const rows: Array<Record<string, string | null>> = await this.tx.manager.query(
      `select d.id as department_id, d.name as department_name, r.id as round_id, r.title, r.state,
              r.needs_deadline::text as needs_deadline, r.consultation_reply_deadline::text as consultation_reply_deadline, r.decision_deadline::text as decision_deadline
         from plan_round_participant rp
         join plan_round r on r.id = rp.round_id and r.state = any($2::text[])
         join department d on d.id = rp.department_id
        where rp.department_id = any($1::uuid[])
        order by d.name, d.id, r.year, r.id`,
      [departmentIds, OPEN_STATES],
    );
    return rows.map((r) => ({
      departmentId: r.department_id!,
      departmentName: r.department_name!,
      roundId: r.round_id!,
      title: r.title!,
      state: r.state!,
      needsDeadline: r.needs_deadline!,
      consultationReplyDeadline: r.consultation_reply_deadline,
      decisionDeadline: r.decision_deadline,
    }));
  }

  /**
   * What the departments owe now in their open rounds: the needs (not handed in, or sent back) and
   * their endorsement while needs are collected; their committee's response while the consultation
   * runs; each follow-up report due by `horizon` (a period due soon or passed) not yet made.
   */
  async owed(departmentIds: string[], horizon: LocalDate): Promise<OwedRow[]> {
    if (departmentIds.length === 0) return [];
    const rows: Array<Record<string, string | number | null>> = await this.tx.manager.query(
      `with parts as (
         select rp.round_id, rp.department_id, r.state, r.needs_deadline, d.committee_id
           from plan_round_participant rp
           join plan_round r on r.id = rp.round_id and r.state = any($3::text[])
           join department d on d.id = rp.department_id
          where rp.department_id = any($1::uuid[])
       )
       select x.department_id, x.round_id, case when s.status = 'submitted' then 'endorsement' else 'needs' end as kind,
              x.needs_deadline::text as due_on, null as item_code, null as item_title, null as period_label,
              null::uuid as committee_id, null as committee_name, 0 as question_count
         from parts x
         left join needs_submission s on s.round_id = x.round_id and s.department_id = x.department_id
        where x.state = 'collectingNeeds' and coalesce(s.status, 'draft') in ('draft', 'returned', 'submitted')
       union all
       select x.department_id, x.round_id, 'response', cr.reply_by::text, null, null, null, cr.committee_id, c.name,
              (select count(*) from consultation_question q where q.round_id = x.round_id)::int
         from parts x
         join consultation_recipient cr on cr.round_id = x.round_id and cr.committee_id = x.committee_id
         join committee c on c.id = cr.committee_id
        where x.state = 'consultation'
          and not exists (select 1 from consultation_response resp
                           where resp.round_id = cr.round_id and resp.committee_id = cr.committee_id and resp.status = 'submitted' and resp.superseded_at is null)
       union all
       select x.department_id, x.round_id, 'report', fp.due_on::text, i.code, i.title, fp.label, null, null, 0
         from parts x
         join follow_up_obligation o on o.round_id = x.round_id and o.department_id = x.department_id
         join follow_up_item i on i.round_id = o.round_id and i.item_id = o.item_id
         join follow_up_period fp on fp.round_id = o.round_id and fp.due_on <= $2::date
        where x.state = 'followUp'
          and not exists (select 1 from follow_up_report fr where fr.period_id = fp.id and fr.item_id = o.item_id and fr.department_id = o.department_id)
       order by 1, 2, 4, 5`,
      [departmentIds, horizon, OPEN_STATES],
    );
    return rows.map((r) => ({
      departmentId: r.department_id as string,
      roundId: r.round_id as string,
      kind: r.kind as OwedKind,
      dueOn: (r.due_on as string | null) ?? null,
      itemCode: r.item_code as string | null,
      itemTitle: r.item_title as string | null,
      periodLabel: r.period_label as string | null,
      committeeId: r.committee_id as string | null,
      committeeName: r.committee_name as string | null,
      questionCount: Number(r.question_count ?? 0),
    }));
  }

  /** The departments' items in the adopted plans of their open rounds, with the latest report and the reports made since `since`. */
  async items(departmentIds: string[], since: Date): Promise<ItemRow[]> {
    if (departmentIds.length === 0) return [];
    const rows: Array<{ department_id: string; round_id: string; code: string; title: string; status: string | null; progress: number | null; reported_at: Date[] }> =
      await this.tx.manager.query(
        `select o.department_id, o.round_id, i.code, i.title, lr.status, lr.progress,
                coalesce((select array_agg(fr.reported_at order by fr.reported_at) from follow_up_report fr
                           where fr.round_id = o.round_id and fr.item_id = o.item_id and fr.department_id = o.department_id and fr.reported_at >= $2), '{}') as reported_at
           from follow_up_obligation o
           join plan_round r on r.id = o.round_id and r.state = any($3::text[])
           join follow_up_item i on i.round_id = o.round_id and i.item_id = o.item_id
           left join lateral (
             select fr.status, fr.progress from follow_up_report fr
              where fr.round_id = o.round_id and fr.item_id = o.item_id and fr.department_id = o.department_id
              order by fr.reported_at desc, fr.revision desc limit 1) lr on true
          where o.department_id = any($1::uuid[])
          order by o.department_id, o.round_id, i.position`,
        [departmentIds, since, OPEN_STATES],
      );
    return rows.map((r) => ({
      departmentId: r.department_id,
      roundId: r.round_id,
      code: r.code,
      title: r.title,
      status: r.status,
      progress: r.progress,
      reportedAt: r.reported_at.map((d) => new Date(d)),
    }));
  }

  /** How the city stands in each open round: submissions, committee responses, follow-up reports due by `today` and made. */
  async cityRounds(today: LocalDate): Promise<CityRoundRow[]> {
    const rows: Array<Record<string, string | number>> = await this.tx.manager.query(
      `select r.id as round_id, r.title, r.state,
              (select count(*) from plan_round_participant rp where rp.round_id = r.id)::int as participants,
              (select count(*) from needs_submission s where s.round_id = r.id and s.status in ('submitted', 'endorsed', 'nothingToReport'))::int as handed_in,
              (select count(*) from consultation_recipient cr where cr.round_id = r.id)::int as recipients,
              (select count(*) from consultation_recipient cr where cr.round_id = r.id
                  and exists (select 1 from consultation_response resp where resp.round_id = cr.round_id and resp.committee_id = cr.committee_id
                                 and resp.status = 'submitted' and resp.superseded_at is null))::int as responded,
              (select count(*) from follow_up_obligation o join follow_up_period fp on fp.round_id = o.round_id and fp.due_on <= $1::date
                where o.round_id = r.id)::int as reports_due,
              (select count(*) from follow_up_obligation o join follow_up_period fp on fp.round_id = o.round_id and fp.due_on <= $1::date
                where o.round_id = r.id
                  and exists (select 1 from follow_up_report fr where fr.round_id = o.round_id and fr.period_id = fp.id and fr.item_id = o.item_id
                                 and fr.department_id is not distinct from o.department_id and fr.contact_centre = o.contact_centre))::int as reports_done
         from plan_round r
        where r.state = any($2::text[])
        order by r.year, r.id`,
      [today, OPEN_STATES],
    );
    return rows.map((r) => ({
      roundId: r.round_id as string,
      title: r.title as string,
      state: r.state as string,
      participants: Number(r.participants),
      handedIn: Number(r.handed_in),
      recipients: Number(r.recipients),
      responded: Number(r.responded),
      reportsDue: Number(r.reports_due),
      reportsDone: Number(r.reports_done),
    }));
  }

  /** Active departments, and those with a primary coordinator whose assignment is valid `today`. */
  async coverage(today: LocalDate): Promise<{ covered: number; total: number }> {
    const [row]: Array<{ covered: number; total: number }> = await this.tx.manager.query(
      `select (select count(*) from department d where d.active)::int as total,
              (select count(distinct a.department_id) from coordinator_assignment a join department d on d.id = a.department_id and d.active
                where a.kind = 'primary' and a.valid_from <= $1::date and (a.valid_to is null or a.valid_to >= $1::date))::int as covered`,
      [today],
    );
    return { covered: Number(row.covered), total: Number(row.total) };
  }

  /** Records the deliveries (one statement); returns the keys `userId|windowStart` recorded now (the others were recorded by an earlier or concurrent sweep). */
  async record(deliveries: NewDelivery[]): Promise<Set<string>> {
    if (deliveries.length === 0) return new Set();
    const rows: Array<{ user_id: string; window_start: Date }> = await this.tx.manager.query(
      `insert into digest_delivery (user_id, kind, window_start, window_end, sent, owed_count, overdue_count, change_count)
       select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::boolean[], $6::int[], $7::int[], $8::int[])
       on conflict on constraint digest_delivery_pkey do nothing
       returning user_id, window_start`,
      [
        deliveries.map((d) => d.userId),
        deliveries.map((d) => d.kind),
        deliveries.map((d) => d.windowStart),
        deliveries.map((d) => d.windowEnd),
        deliveries.map((d) => d.sent),
        deliveries.map((d) => d.owedCount),
        deliveries.map((d) => d.overdueCount),
        deliveries.map((d) => d.changeCount),
      ],
    );
    return new Set(rows.map((r) => deliveryKey(r.user_id, new Date(r.window_start))));
  }

  /** Each management user's latest recorded digest (one statement): the figures of the latest digests, for an overview. */
  async latestDeliveries(): Promise<NewDelivery[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `select distinct on (user_id) user_id, kind, window_start, window_end, sent, owed_count, overdue_count, change_count
         from digest_delivery order by user_id, window_end desc, kind desc`,
    );
    return rows.map(toDelivery);
  }

  /**
   * The latest periodic sweep's figures for the managers of these departments (all: every manager), in
   * one statement: the window, how many digests were due, how many emails were queued and how many of
   * those the outbox has sent, and how many were left out as empty. Null before the first sweep.
   */
  async latestSweepFigures(all: boolean, departmentIds: readonly string[]): Promise<DigestSweepFigures | null> {
    const rows: Array<{ window_start: Date; window_end: Date; due: number; queued: number; sent: number; empty: number }> = await this.tx.manager.query(
      `with scoped as (
         select d.* from digest_delivery d
          where d.kind = 'periodic'
            and ($1 or exists (select 1 from role_grant g where g.user_id = d.user_id and g.role = 'management' and g.revoked_at is null
                                  and g.department_id = any($2::uuid[])))
       ), latest as (select max(window_end) as window_end from scoped)
       select min(s.window_start) as window_start, l.window_end, count(*)::int as due,
              count(*) filter (where s.sent)::int as queued,
              count(n.id) filter (where n.status = 'sent')::int as sent,
              count(*) filter (where not s.sent)::int as empty
         from scoped s
         join latest l on s.window_end = l.window_end
         left join notification n on s.sent and n.dedup_key = 'digest.status:' || s.user_id || ':' || to_char(s.window_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        group by l.window_end`,
      [all, departmentIds],
    );
    const r = rows[0];
    return r ? { windowStart: r.window_start, windowEnd: r.window_end, due: r.due, queued: r.queued, sent: r.sent, skippedAsEmpty: r.empty } : null;
  }

  /** A user's recorded digests, newest first. */
  async deliveriesOf(userId: string): Promise<NewDelivery[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `select user_id, kind, window_start, window_end, sent, owed_count, overdue_count, change_count
         from digest_delivery where user_id = $1 order by window_end desc, kind`,
      [userId],
    );
    return rows.map(toDelivery);
  }
}

const toDelivery = (r: Record<string, unknown>): NewDelivery => ({
  userId: r.user_id as string,
  kind: r.kind as DigestDeliveryKind,
  windowStart: r.window_start as Date,
  windowEnd: r.window_end as Date,
  sent: r.sent as boolean,
  owedCount: Number(r.owed_count),
  overdueCount: Number(r.overdue_count),
  changeCount: Number(r.change_count),
});

export const deliveryKey = (userId: string, windowStart: Date): string => `${userId}|${windowStart.toISOString()}`;
