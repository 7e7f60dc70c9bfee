import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';

/** A need of the round as the item form offers it: handed in (or already chosen). */
export interface OfferableNeed {
  id: string;
  title: string;
  departmentId: string;
  departmentName: string;
  areaCode: string;
  /** The codes of the draft's other items that already answer it (not the item being edited), in order. */
  answeredBy: string[];
  /** Still handed in: a chosen need whose submission went back to draft is not (the plan refuses to keep it). */
  handedIn: boolean;
}

/** Which of the round's handed-in needs to offer: those chosen, and one page of the others matching a search. */
export interface NeedPickerQuery {
  /** The needs the form has chosen (shown whatever the search, never in the page). */
  selected: readonly string[];
  /** Part of the title, any case; null: every title. */
  search: string | null;
  /** One department's needs only; null: every department's. */
  departmentId: string | null;
  limit: number;
  offset: number;
  /** The item being edited (its own links are not "answered by another item"); null for a new item. */
  itemId: string | null;
}

/** The chosen needs, one page of the others that match, how many match, how many there are to choose from at all, and the departments that have some. */
export interface NeedPicker {
  selected: OfferableNeed[];
  page: OfferableNeed[];
  /** The needs, not chosen, that match the search: the page is `limit` of them from `offset`. */
  matching: number;
  /** The needs not chosen, whatever the search. */
  unselected: number;
  /** The departments with handed-in needs in the round, by name (the search's department choice). */
  departments: Array<{ id: string; name: string }>;
}

/**
 * The round's needs in parts, in ONE prepared statement: the `selected` rows (whether still handed in
 * or not), one `page` of the matching others that are handed in (submitted or endorsed; by department
 * name, title, id), a `counts` row and the `department` rows (those with handed-in needs). Each row
 * carries its part; the unused columns are null.
 */
const NEED_PICKER_SQL = `
with round_needs as (
  select n.id, n.title, n.department_id, d.name as department_name, n.area_code::text as area_code,
         coalesce(s.status in ('submitted', 'endorsed'), false) as handed_in,
         coalesce((select array_agg(i.code order by i.code) from plan_item_need l join plan_item i on i.id = l.item_id
                    where l.need_id = n.id and i.round_id = n.round_id and i.id is distinct from $7::uuid), '{}') as answered_by
    from need n
    left join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id
    join department d on d.id = n.department_id
   where n.round_id = $1::uuid
),
others as (select * from round_needs r where r.handed_in and not (r.id = any($2::uuid[]))),
matching as (
  select * from others o
   where ($3::text is null or o.title ilike $3::text escape '\\')
     and ($4::uuid is null or o.department_id = $4::uuid)
)
select 'selected'::text as part, r.id, r.title, r.department_id, r.department_name, r.area_code, r.answered_by, r.handed_in, null::int as matching, null::int as unselected
  from round_needs r where r.id = any($2::uuid[])
union all
(select 'page', m.id, m.title, m.department_id, m.department_name, m.area_code, m.answered_by, true, null::int, null::int
   from matching m order by m.department_name, m.title, m.id limit $5::int offset $6::int)
union all
select 'counts', null::uuid, null::text, null::uuid, null::text, null::text, null::text[], null::boolean, (select count(*) from matching)::int, (select count(*) from others)::int
union all
select distinct 'department', null::uuid, null::text, r.department_id, r.department_name, null::text, null::text[], null::boolean, null::int, null::int from round_needs r where r.handed_in`;

interface NeedPickerRow {
  part: 'selected' | 'page' | 'counts' | 'department';
  id: string | null;
  title: string | null;
  department_id: string | null;
  department_name: string | null;
  area_code: string | null;
  answered_by: string[] | null;
  handed_in: boolean | null;
  matching: number | null;
  unselected: number | null;
}

const collator = new Intl.Collator('sv');

/** The needs an item form offers (the plan's reads of the needs context's tables, like `handedInNeeds`). */
@Injectable()
export class NeedPickerRepository {
  constructor(private readonly tx: TransactionHost) {}

  async pick(roundId: string, q: NeedPickerQuery): Promise<NeedPicker> {
    const pattern = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await this.tx.prepared<NeedPickerRow>('plan.need_picker', NEED_PICKER_SQL, [roundId, [...q.selected], pattern, q.departmentId, q.limit, q.offset, q.itemId]);
    const need = (r: NeedPickerRow): OfferableNeed => ({
      id: r.id!,
      title: r.title!,
      departmentId: r.department_id!,
      departmentName: r.department_name!,
      areaCode: r.area_code!,
      answeredBy: r.answered_by ?? [],
      handedIn: r.handed_in ?? false,
    });
    const counts = rows.find((r) => r.part === 'counts');
    const byDepartmentAndTitle = (a: OfferableNeed, b: OfferableNeed) => collator.compare(a.departmentName, b.departmentName) || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : 1);
    return {
      selected: rows.filter((r) => r.part === 'selected').map(need).sort(byDepartmentAndTitle),
      page: rows.filter((r) => r.part === 'page').map(need),
      matching: counts?.matching ?? 0,
      unselected: counts?.unselected ?? 0,
      departments: rows
        .filter((r) => r.part === 'department')
        .map((r) => ({ id: r.department_id!, name: r.department_name! }))
        .sort((a, b) => collator.compare(a.name, b.name)),
    };
  }
}
