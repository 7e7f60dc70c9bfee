import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { LocalDate } from '@samverka/kernel';
import type { ReportStatus } from '../follow-up.model';

/** A roll-up as the statement returns it (numbers from numeric columns come as JSON numbers). */
export interface RollUpRow {
  weighted_progress: number | null;
  covered_effort: number;
  total_effort: number;
  reported: number;
  not_reported: number;
  counts: Record<ReportStatus | 'not_reported', number>;
}

export interface FollowUpViewRows {
  round: { id: string; title: string; year: number; state: string; areas: Array<{ code: string; name: string }> };
  selected_period_id: string | null;
  periods: Array<{ id: string; label: string; due_on: LocalDate; position: number }>;
  items: Array<{
    item_id: string;
    code: string;
    area_code: string;
    title: string;
    effort_hours: number | null;
    progress: number | null;
    status: ReportStatus | null;
    organisations: Array<{
      department_id: string | null;
      name: string;
      status: ReportStatus | null;
      progress: number | null;
      revision: number | null;
      comment: string | null;
      reported_at: string | null;
      reported_by: string | null;
    }>;
  }>;
  plan: RollUpRow;
  areas: Array<RollUpRow & { area_code: string }>;
  organisations: Array<RollUpRow & { department_id: string | null; name: string; obligations: number; reported_obligations: number; overdue: number }>;
  overdue: Array<{ department_id: string | null; name: string; item_id: string; code: string; title: string; period_id: string; label: string; due_on: LocalDate }>;
  chart: Array<{ period_id: string; label: string; due_on: LocalDate; counts: Record<ReportStatus | 'not_reported', number> }>;
}

/** The JSON of a roll-up over the rows of `x` (columns progress, effort_hours, status); an aggregate expression. */
const ROLL_UP = `
  round(sum(x.progress * x.effort_hours) filter (where x.progress is not null and x.effort_hours > 0)
        / nullif(sum(x.effort_hours) filter (where x.progress is not null and x.effort_hours > 0), 0), 1)::float8 as weighted_progress,
  coalesce(sum(x.effort_hours) filter (where x.progress is not null), 0)::float8 as covered_effort,
  coalesce(sum(x.effort_hours), 0)::float8 as total_effort,
  count(*) filter (where x.progress is not null)::int as reported,
  count(*) filter (where x.progress is null)::int as not_reported,
  jsonb_build_object(
    'not_started', count(*) filter (where x.status = 'not_started'),
    'on_track', count(*) filter (where x.status = 'on_track'),
    'at_risk', count(*) filter (where x.status = 'at_risk'),
    'delayed', count(*) filter (where x.status = 'delayed'),
    'done', count(*) filter (where x.status = 'done'),
    'cancelled', count(*) filter (where x.status = 'cancelled'),
    'not_reported', count(*) filter (where x.status is null)) as counts`;

/** Least favourable first: an item's status is its organisations' first in this order. */
const SEVERITY = `case s.status when 'delayed' then 0 when 'at_risk' then 1 when 'not_started' then 2 when 'on_track' then 3 when 'done' then 4 else 5 end`;

/**
 * The follow-up's read side: the whole view of a round for one period in **one** statement, whatever the
 * number of items, organisations and periods; the roll-ups are aggregates in SQL.
 */
@Injectable()
export class FollowUpViewRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The round's follow-up for a period (`periodId`, or by default the latest period due before `today`,
   * else the first); null when the round does not exist. An unknown `periodId` falls back to the default.
   */
  async view(roundId: string, periodId: string | null, today: LocalDate): Promise<FollowUpViewRows | null> {
    const rows: Array<{ view: FollowUpViewRows }> = await this.tx.manager.query(
      `with round as (
         select r.id, r.title, r.year, r.state,
                coalesce((select jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name) order by a.position) from plan_round_area a where a.round_id = r.id), '[]') as areas
           from plan_round r where r.id = $1),
       periods as (select id, label, due_on, position from follow_up_period where round_id = $1),
       selected as (
         select coalesce((select id from periods where id = $2::uuid),
                         (select id from periods where due_on < $3::date order by due_on desc, position desc limit 1),
                         (select id from periods order by position, due_on limit 1)) as id),
       latest as (
         select distinct on (r.period_id, r.item_id, r.department_id)
                r.period_id, r.item_id, r.department_id, r.status, r.progress, r.revision, r.comment, r.reported_at, r.reported_by_name
           from follow_up_report r where r.round_id = $1
          order by r.period_id, r.item_id, r.department_id, r.revision desc),
       obligations as (
         select o.item_id, o.department_id, coalesce(d.name, 'Kontaktcenter') as name
           from follow_up_obligation o left join department d on d.id = o.department_id where o.round_id = $1),
       items as (
         select i.item_id, i.code, i.area_code, i.title, i.position, i.effort_hours
           from follow_up_item i where i.round_id = $1),
       current as (
         select ob.item_id, ob.department_id, ob.name, l.status, l.progress, l.revision, l.comment, l.reported_at, l.reported_by_name
           from obligations ob
           left join latest l on l.period_id = (select id from selected) and l.item_id = ob.item_id and l.department_id is not distinct from ob.department_id),
       item_status as (
         select i.*, round(avg(s.progress), 1) as progress,
                (array_agg(s.status order by ${SEVERITY}) filter (where s.status is not null))[1] as status,
                coalesce(jsonb_agg(jsonb_build_object('department_id', s.department_id, 'name', s.name, 'status', s.status, 'progress', s.progress,
                           'revision', s.revision, 'comment', s.comment, 'reported_at', s.reported_at, 'reported_by', s.reported_by_name)
                           order by s.department_id is not null, s.name) filter (where s.item_id is not null), '[]') as organisations
           from items i left join current s on s.item_id = i.item_id
          group by i.item_id, i.code, i.area_code, i.title, i.position, i.effort_hours),
       rollups as (
         select x.area_code, grouping(x.area_code) = 1 as whole, ${ROLL_UP}
           from item_status x group by grouping sets ((x.area_code), ())),
       overdue as (
         select ob.department_id, ob.name, i.item_id, i.code, i.title, i.position, p.id as period_id, p.label, p.due_on
           from obligations ob join items i on i.item_id = ob.item_id cross join periods p
          where p.due_on < $3::date
            and not exists (select 1 from latest l where l.period_id = p.id and l.item_id = ob.item_id and l.department_id is not distinct from ob.department_id)),
       org_items as (
         select c.department_id, c.name, c.item_id, c.status, c.progress::numeric as progress, i.effort_hours
           from current c join items i on i.item_id = c.item_id),
       organisations as (
         select x.department_id, x.name, count(*)::int as obligations, count(x.status)::int as reported_obligations,
                (select count(*)::int from overdue o where o.department_id is not distinct from x.department_id) as overdue, ${ROLL_UP}
           from org_items x group by x.department_id, x.name),
       chart as (
         select p.id as period_id, p.label, p.due_on, p.position,
                jsonb_build_object(
                  'not_started', count(*) filter (where l.status = 'not_started'),
                  'on_track', count(*) filter (where l.status = 'on_track'),
                  'at_risk', count(*) filter (where l.status = 'at_risk'),
                  'delayed', count(*) filter (where l.status = 'delayed'),
                  'done', count(*) filter (where l.status = 'done'),
                  'cancelled', count(*) filter (where l.status = 'cancelled'),
                  'not_reported', count(*) filter (where l.status is null)) as counts
           from periods p cross join obligations ob
           left join latest l on l.period_id = p.id and l.item_id = ob.item_id and l.department_id is not distinct from ob.department_id
          group by p.id, p.label, p.due_on, p.position)
       select jsonb_build_object(
         'round', (select to_jsonb(round) from round),
         'selected_period_id', (select id from selected),
         'periods', coalesce((select jsonb_agg(jsonb_build_object('id', id, 'label', label, 'due_on', due_on, 'position', position) order by position, due_on) from periods), '[]'),
         'items', coalesce((select jsonb_agg(to_jsonb(x) - 'position' order by x.position) from item_status x), '[]'),
         'plan', (select to_jsonb(r) - 'area_code' - 'whole' from rollups r where r.whole),
         'areas', coalesce((select jsonb_agg(to_jsonb(r) - 'whole') from rollups r where not r.whole), '[]'),
         'organisations', coalesce((select jsonb_agg(to_jsonb(o) order by o.department_id is not null, o.name) from organisations o), '[]'),
         'overdue', coalesce((select jsonb_agg(to_jsonb(o) - 'position' order by o.due_on, o.name, o.position) from overdue o), '[]'),
         'chart', coalesce((select jsonb_agg(to_jsonb(c) - 'position' order by c.position, c.due_on) from chart c), '[]')
       ) as view
       from round`,
      [roundId, periodId, today],
    );
    return rows[0]?.view ?? null;
  }

  /** One item of the round's adopted plan with the names of those who report on it, the round's title, state and areas; null when either is missing. */
  async itemOf(roundId: string, itemId: string): Promise<{
    round: { title: string; state: string; areas: Array<{ code: string; name: string }> };
    item: { item_id: string; code: string; area_code: string; title: string; effort_hours: number | null };
    reporters: Array<{ department_id: string | null; name: string }>;
  } | null> {
    const rows: Array<{ view: { round: { title: string; state: string; areas: Array<{ code: string; name: string }> }; item: { item_id: string; code: string; area_code: string; title: string; effort_hours: number | null }; reporters: Array<{ department_id: string | null; name: string }> } }> =
      await this.tx.manager.query(
        `select jsonb_build_object(
           'round', jsonb_build_object('title', r.title, 'state', r.state, 'areas',
             coalesce((select jsonb_agg(jsonb_build_object('code', a.code, 'name', a.name) order by a.position) from plan_round_area a where a.round_id = r.id), '[]')),
           'item', jsonb_build_object('item_id', i.item_id, 'code', i.code, 'area_code', i.area_code, 'title', i.title, 'effort_hours', i.effort_hours::float8),
           'reporters', coalesce((select jsonb_agg(jsonb_build_object('department_id', o.department_id, 'name', coalesce(d.name, 'Kontaktcenter')) order by o.department_id is not null, d.name)
                                    from follow_up_obligation o left join department d on d.id = o.department_id
                                   where o.round_id = i.round_id and o.item_id = i.item_id), '[]')) as view
           from follow_up_item i join plan_round r on r.id = i.round_id
          where i.round_id = $1 and i.item_id = $2`,
        [roundId, itemId],
      );
    return rows[0]?.view ?? null;
  }
}
