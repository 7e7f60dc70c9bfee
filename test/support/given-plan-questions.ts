import { DataSource } from 'typeorm';

/**
 * Plan rows for the tests of needs coverage and questions, inserted with SQL (the draft's services
 * belong to another part of the plan): a plan for a round, an item answering needs with the
 * departments' roles, and a frozen version of the draft as it stands.
 */
export interface ItemSpec {
  areaCode?: string;
  code: string;
  title?: string;
  needIds?: string[];
  roles?: Array<{ departmentId: string; role: 'responsible' | 'accountable' | 'consulted' | 'informed' }>;
}

let position = 0;

export class GivenPlanRows {
  constructor(private readonly db: DataSource) {}

  /** The round's plan (its draft), empty. */
  async plan(roundId: string): Promise<void> {
    await this.db.query('insert into plan (round_id) values ($1) on conflict do nothing', [roundId]);
  }

  /** An item of the round's draft (the plan is created if missing); its id. */
  async item(roundId: string, spec: ItemSpec): Promise<string> {
    await this.plan(roundId);
    const [row] = (await this.db.query(
      `insert into plan_item (round_id, area_code, code, title, description, position) values ($1, $2, $3, $4, $5, $6) returning id`,
      [roundId, spec.areaCode ?? 'LOKAL_SERVICE', spec.code, spec.title ?? `Insats ${spec.code}`, 'Beskrivning av insatsen', position++],
    )) as Array<{ id: string }>;
    for (const needId of spec.needIds ?? []) await this.db.query('insert into plan_item_need (item_id, need_id) values ($1, $2)', [row.id, needId]);
    let p = 0;
    for (const r of spec.roles ?? []) {
      await this.db.query('insert into plan_responsibility (item_id, department_id, contact_centre, role, expectations, position) values ($1, $2, false, $3, $4, $5)', [
        row.id,
        r.departmentId,
        r.role,
        'Förväntningar',
        p++,
      ]);
    }
    return row.id;
  }

  /** Links a need to an item. */
  async answer(itemId: string, needId: string): Promise<void> {
    await this.db.query('insert into plan_item_need (item_id, need_id) values ($1, $2)', [itemId, needId]);
  }

  /** Renames an item in the draft. */
  async rename(itemId: string, title: string): Promise<void> {
    await this.db.query('update plan_item set title = $2 where id = $1', [itemId, title]);
  }

  /** Freezes the draft as the next version (a minimal snapshot: the items' ids, codes and titles); its number. */
  async freeze(roundId: string): Promise<number> {
    const [row] = (await this.db.query(
      `with snap as (
         select json_build_object('roundId', $1::uuid, 'areas', coalesce((
                  select json_agg(json_build_object('code', a.area_code, 'items', a.items))
                    from (select i.area_code, json_agg(json_build_object('id', i.id, 'code', i.code, 'title', i.title) order by i.position) as items
                            from plan_item i where i.round_id = $1 group by i.area_code) a), '[]'::json), 'deferrals', '[]'::json)::jsonb as s),
       bumped as (update plan set latest_version = latest_version + 1, draft_changed = false where round_id = $1 returning latest_version)
       insert into plan_version (round_id, version, frozen_at, snapshot) select $1, b.latest_version, now(), snap.s from bumped b, snap returning version`,
      [roundId],
    )) as Array<{ version: number }>;
    return row.version;
  }

  /** The round's handed-in needs' ids, by title. */
  async needIds(roundId: string): Promise<Map<string, string>> {
    const rows = (await this.db.query('select id, title from need where round_id = $1', [roundId])) as Array<{ id: string; title: string }>;
    return new Map(rows.map((r) => [r.title, r.id]));
  }
}
