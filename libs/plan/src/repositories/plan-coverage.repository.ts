import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { NeedPriority } from '@samverka/needs';

/** An item of the draft that answers a need. */
export interface AnsweringItem {
  id: string;
  code: string;
  title: string;
}

/** A handed-in need of the round and what the plan does with it. */
export interface CoverageRow {
  needId: string;
  title: string;
  areaCode: string;
  priority: NeedPriority;
  departmentId: string;
  departmentName: string;
  /** The draft's items that answer it (by code). */
  items: AnsweringItem[];
  /** Its deferral, when deferred. */
  deferral: { reason: string; deferredBy: string | null; deferredAt: Date } | null;
}

/** What a deferral must know about a need, read in one statement. */
export interface NeedForDeferral {
  roundId: string;
  departmentId: string;
  /** The department's submission status (null: none). */
  submissionStatus: string | null;
  /** The codes of the draft's items that answer it. */
  answeredBy: string[];
  deferred: boolean;
}

const HANDED_IN = ['submitted', 'endorsed'];

/** Where a handed-in need stands in the plan: answered by an item, deferred, or neither. */
export type CoverageSection = 'unanswered' | 'deferred' | 'answered';

const COVERAGE_PAGE_SQL = `
with b as (
  select n.id as need_id, n.title, n.area_code, n.priority, n.department_id, d.name as department_name,
         f.reason, f.deferred_by_name, f.deferred_at,
         case when exists (select 1 from plan_item_need l join plan_item i on i.id = l.item_id and i.round_id = n.round_id where l.need_id = n.id) then 'answered'
              when f.need_id is not null then 'deferred'
              else 'unanswered' end as section,
         a.position as area_position, case n.priority when 'high' then 0 when 'medium' then 1 else 2 end as priority_rank
    from need n
    join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id and s.status = any($4::text[])
    join department d on d.id = n.department_id
    left join plan_round_area a on a.round_id = n.round_id and a.code = n.area_code
    left join plan_need_deferral f on f.need_id = n.id and f.round_id = n.round_id
   where n.round_id = $1::uuid
),
c as (select b.*, row_number() over (partition by b.section order by b.department_name, b.area_position nulls last, b.priority_rank, b.title, b.need_id) as ord from b)
select c.need_id, c.title, c.area_code, c.priority, c.department_id, c.department_name, c.reason, c.deferred_by_name, c.deferred_at, c.section,
       case when c.need_id is null then null else
         coalesce((select json_agg(json_build_object('id', i.id, 'code', i.code, 'title', i.title) order by i.code)
                     from plan_item_need l join plan_item i on i.id = l.item_id and i.round_id = $1::uuid
                    where l.need_id = c.need_id), '[]'::json) end as items,
       t.counts
  from (select coalesce(json_object_agg(x.section, x.n), '{}'::json) as counts from (select section, count(*)::int as n from c group by section) x) t
  left join c on c.ord > $3::int and c.ord <= $3::int + $2::int
 order by c.section, c.ord`;

interface CoveragePageRow {
  need_id: string | null;
  title: string | null;
  area_code: string | null;
  priority: NeedPriority | null;
  department_id: string | null;
  department_name: string | null;
  reason: string | null;
  deferred_by_name: string | null;
  deferred_at: Date | null;
  section: CoverageSection | null;
  items: AnsweringItem[] | null;
  counts: Partial<Record<CoverageSection, number>>;
}

/**
 * Needs coverage: each handed-in need of a round (its department's submission submitted or endorsed),
 * the draft's items that answer it and its deferral, each read in ONE statement.
 */
@Injectable()
export class PlanCoverageRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Every handed-in need of the round (optionally of one department) with its answering items and deferral. */
  async coverageOf(roundId: string, departmentId: string | null = null): Promise<CoverageRow[]> {
    const rows: Array<{
      need_id: string;
      title: string;
      area_code: string;
      priority: NeedPriority;
      department_id: string;
      department_name: string;
      items: AnsweringItem[];
      reason: string | null;
      deferred_by_name: string | null;
      deferred_at: Date | null;
    }> = await this.tx.manager.query(
      `select n.id as need_id, n.title, n.area_code, n.priority, n.department_id, d.name as department_name,
              coalesce((select json_agg(json_build_object('id', i.id, 'code', i.code, 'title', i.title) order by i.code)
                          from plan_item_need l join plan_item i on i.id = l.item_id and i.round_id = n.round_id
                         where l.need_id = n.id), '[]'::json) as items,
              f.reason, f.deferred_by_name, f.deferred_at
         from need n
         join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id and s.status = any($3::text[])
         join department d on d.id = n.department_id
         left join plan_round_area a on a.round_id = n.round_id and a.code = n.area_code
         left join plan_need_deferral f on f.need_id = n.id and f.round_id = n.round_id
        where n.round_id = $1 and ($2::uuid is null or n.department_id = $2)
        order by d.name, a.position nulls last, case n.priority when 'high' then 0 when 'medium' then 1 else 2 end, n.title, n.id`,
      [roundId, departmentId, HANDED_IN],
    );
    return rows.map((r) => ({
      needId: r.need_id,
      title: r.title,
      areaCode: r.area_code,
      priority: r.priority,
      departmentId: r.department_id,
      departmentName: r.department_name,
      items: r.items,
      deferral: r.reason === null ? null : { reason: r.reason, deferredBy: r.deferred_by_name, deferredAt: new Date(r.deferred_at!) },
    }));
  }

  /**
   * One page of each section of the round's coverage (answered by an item, deferred, unanswered: rows
   * $3+1 … $3+$2 of each, in the sections' order) and each section's size, in ONE prepared statement.
   * The answering items are read for the page's rows only. A row with no section carries the counts
   * when no section has a row in the page (a `limit` of 0 reads the counts alone).
   */
  async coveragePage(roundId: string, limit: number, offset: number): Promise<{ rows: Array<CoverageRow & { section: CoverageSection }>; counts: Record<CoverageSection, number> }> {
    const rows = await this.tx.prepared<CoveragePageRow>('plan.coverage_page', COVERAGE_PAGE_SQL, [roundId, limit, offset, HANDED_IN]);
    const counts = rows[0]?.counts ?? {};
    return {
      rows: rows
        .filter((r): r is CoveragePageRow & { section: CoverageSection; need_id: string } => r.section !== null && r.need_id !== null)
        .map((r) => ({
          section: r.section,
          needId: r.need_id,
          title: r.title!,
          areaCode: r.area_code!,
          priority: r.priority!,
          departmentId: r.department_id!,
          departmentName: r.department_name!,
          items: r.items ?? [],
          deferral: r.reason === null ? null : { reason: r.reason, deferredBy: r.deferred_by_name, deferredAt: new Date(r.deferred_at!) },
        })),
      counts: { unanswered: counts.unanswered ?? 0, deferred: counts.deferred ?? 0, answered: counts.answered ?? 0 },
    };
  }

  /** The need (of any round) with its submission status, the draft items answering it and whether it is deferred; null when there is no such need. */
  async needForDeferral(needId: string): Promise<NeedForDeferral | null> {
    const rows: Array<{ round_id: string; department_id: string; status: string | null; answered_by: string[]; deferred: boolean }> = await this.tx.manager.query(
      `select n.round_id, n.department_id, s.status,
              array(select i.code from plan_item_need l join plan_item i on i.id = l.item_id and i.round_id = n.round_id
                     where l.need_id = n.id order by i.code) as answered_by,
              exists(select 1 from plan_need_deferral f where f.need_id = n.id) as deferred
         from need n
         left join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id
        where n.id = $1`,
      [needId],
    );
    const r = rows[0];
    return r ? { roundId: r.round_id, departmentId: r.department_id, submissionStatus: r.status, answeredBy: r.answered_by, deferred: r.deferred } : null;
  }

  /** Defers the need, or rewrites the reason of its deferral. */
  async upsertDeferral(roundId: string, needId: string, reason: string, by: { personId: string | null; name: string | null }, at: Date): Promise<void> {
    await this.tx.manager.query(
      `insert into plan_need_deferral (need_id, round_id, reason, deferred_by_id, deferred_by_name, deferred_at)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (need_id) do update set reason = excluded.reason, deferred_by_id = excluded.deferred_by_id,
              deferred_by_name = excluded.deferred_by_name, deferred_at = excluded.deferred_at`,
      [needId, roundId, reason, by.personId, by.name, at],
    );
  }

  /** Undoes the need's deferral: the reason it had, or null when it was not deferred. */
  async deleteDeferral(roundId: string, needId: string): Promise<{ reason: string } | null> {
    const rows: Array<{ reason: string }> = await this.tx.manager.query('with removed as (delete from plan_need_deferral where need_id = $1 and round_id = $2 returning reason) select reason from removed', [needId, roundId]);
    return rows[0] ?? null;
  }
}
