import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { PlanEntity } from '../entities/plan.entity';
import { PlanItemEntity } from '../entities/plan-item.entity';
import { PlanDocument, PlanItemStatus, ResponsibilityRole } from '../plan.model';

/** The plan row as locked for a write. */
export interface LockedPlan {
  roundId: string;
  latestVersion: number;
  draftChanged: boolean;
}

export interface NewPlanItem {
  roundId: string;
  areaCode: string;
  code: string;
  title: string;
  description: string;
  expectedEffect: string | null;
  indicator: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: PlanItemStatus;
  carriedOverFromRoundId: string | null;
  carriedOverFromCode: string | null;
}

export interface ResponsibilityRow {
  departmentId: string | null;
  contactCentre: boolean;
  role: ResponsibilityRole;
  expectations: string;
  effortHours: number | null;
}

/** A code in use in the plan: by the draft's item, or by an item of a frozen version. */
export interface CodeInUse {
  code: string;
  itemId: string;
}

/**
 * The draft's writes. Every write runs inside a service transaction that first locks the plan row
 * (`lockPlan`), so writers of one plan take turns: code numbers, freezing and the "changed" flag
 * are never decided on a stale read.
 */
@Injectable()
export class PlanDraftRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Locks the plan's row until the transaction ends; null when the round has no plan. */
  async lockPlan(roundId: string): Promise<LockedPlan | null> {
    const rows: Array<{ latest_version: number; draft_changed: boolean }> = await this.tx.manager.query(
      'select latest_version, draft_changed from plan where round_id = $1 for update',
      [roundId],
    );
    return rows[0] ? { roundId, latestVersion: rows[0].latest_version, draftChanged: rows[0].draft_changed } : null;
  }

  /** Creates the plan; false when the round already has one (another writer may have just created it). */
  async createPlan(roundId: string, startedFromRoundId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      'insert into plan (round_id, started_from_round_id) values ($1, $2) on conflict (round_id) do nothing returning round_id',
      [roundId, startedFromRoundId],
    );
    return rows.length === 1;
  }

  async markChanged(roundId: string): Promise<void> {
    await this.tx.manager.query('update plan set draft_changed = true, updated_at = now() where round_id = $1', [roundId]);
  }

  async updateTexts(roundId: string, texts: Partial<Pick<PlanEntity, 'introduction' | 'contactCentreMandate' | 'departmentResponsibility'>>): Promise<void> {
    if (Object.keys(texts).length === 0) return;
    await this.tx.repository(PlanEntity).update({ roundId }, texts);
  }

  async setAreaIntroductions(roundId: string, introductions: Array<{ areaCode: string; introduction: string }>): Promise<void> {
    if (introductions.length === 0) return;
    await this.tx.manager.query(
      `insert into plan_area_text (round_id, area_code, introduction)
       select $1, t.area_code, t.introduction from unnest($2::text[], $3::text[]) as t(area_code, introduction)
       on conflict (round_id, area_code) do update set introduction = excluded.introduction`,
      [roundId, introductions.map((a) => a.areaCode), introductions.map((a) => a.introduction)],
    );
  }

  /** Every code used in the plan: the draft's items and those of every frozen version (with the item each belongs to). */
  async codesInUse(roundId: string): Promise<CodeInUse[]> {
    return this.tx.manager.query(
      `select code, id::text as "itemId" from plan_item where round_id = $1
       union
       select i->>'code', i->>'id'
         from plan_version v, jsonb_array_elements(v.snapshot->'areas') a, jsonb_array_elements(a->'items') i
        where v.round_id = $1`,
      [roundId],
    );
  }

  findItem(roundId: string, itemId: string): Promise<PlanItemEntity | null> {
    return this.tx.repository(PlanItemEntity).findOneBy({ roundId, id: itemId });
  }

  /** Inserts items at the end of their areas, in the order given; returns their ids in that order. */
  async insertItems(items: NewPlanItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const col = <K extends keyof NewPlanItem>(k: K) => items.map((i) => i[k]);
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `with given as (
         select t.*, row_number() over (partition by t.area_code order by t.ord) as n
           from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::uuid[], $12::text[])
                with ordinality as t(round_id, area_code, code, title, description, expected_effect, indicator, starts_on, ends_on, status, carried_round, carried_code, ord))
       insert into plan_item (round_id, area_code, code, title, description, expected_effect, indicator, starts_on, ends_on, status, carried_over_from_round_id, carried_over_from_code, position)
       select g.round_id, g.area_code, g.code, g.title, g.description, g.expected_effect, g.indicator, g.starts_on, g.ends_on, g.status, g.carried_round, g.carried_code,
              coalesce((select max(position) from plan_item p where p.round_id = g.round_id and p.area_code = g.area_code), 0) + g.n
         from given g order by g.ord
       returning id`,
      [
        col('roundId'), col('areaCode'), col('code'), col('title'), col('description'), col('expectedEffect'), col('indicator'),
        col('startsOn'), col('endsOn'), col('status'), col('carriedOverFromRoundId'), col('carriedOverFromCode'),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Changes an item's fields; a move to another area puts it last there. */
  async updateItem(item: PlanItemEntity, changes: Partial<NewPlanItem>): Promise<void> {
    const values: Partial<NewPlanItem> & { position?: number } = { ...changes };
    if (changes.areaCode !== undefined && changes.areaCode !== item.areaCode) {
      const rows: Array<{ position: number }> = await this.tx.manager.query(
        'select coalesce(max(position), 0) + 1 as position from plan_item where round_id = $1 and area_code = $2',
        [item.roundId, changes.areaCode],
      );
      values.position = rows[0].position;
    }
    if (Object.keys(values).length > 0) await this.tx.repository(PlanItemEntity).update({ id: item.id }, values);
  }

  async deleteItem(itemId: string): Promise<void> {
    await this.tx.manager.query('delete from plan_item where id = $1', [itemId]);
  }

  /**
   * Replaces the needs an item answers. A need an item now answers is no longer deferred: its
   * deferral goes in the same statement, so the plan never holds a need as both answered and deferred.
   */
  async setItemNeeds(itemId: string, needIds: string[]): Promise<void> {
    await this.tx.manager.query('delete from plan_item_need where item_id = $1 and not (need_id = any($2::uuid[]))', [itemId, needIds]);
    if (needIds.length > 0) {
      await this.tx.manager.query(
        `with linked as (insert into plan_item_need (item_id, need_id) select $1, unnest($2::uuid[]) on conflict do nothing returning need_id)
         delete from plan_need_deferral where need_id = any($2::uuid[])`,
        [itemId, needIds],
      );
    }
  }

  /** Of the given ids, those that are handed-in needs (submitted or endorsed) of the round. */
  async handedInNeeds(roundId: string, needIds: string[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `select n.id from need n
         join needs_submission s on s.round_id = n.round_id and s.department_id = n.department_id
        where n.round_id = $1 and n.id = any($2::uuid[]) and s.status in ('submitted', 'endorsed')`,
      [roundId, needIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Replaces an item's whole list of responsibilities (in the order given). */
  async replaceResponsibilities(itemId: string, list: ResponsibilityRow[]): Promise<void> {
    await this.tx.manager.query('delete from plan_responsibility where item_id = $1', [itemId]);
    await this.insertResponsibilities(list.map((r) => ({ ...r, itemId })));
  }

  /** Inserts responsibilities of several items at once (positions in the order given per item). */
  async insertResponsibilities(list: Array<ResponsibilityRow & { itemId: string }>): Promise<void> {
    if (list.length === 0) return;
    await this.tx.manager.query(
      `insert into plan_responsibility (item_id, department_id, contact_centre, role, expectations, effort_hours, position)
       select t.item_id, t.department_id, t.contact_centre, t.role, t.expectations, t.effort_hours,
              row_number() over (partition by t.item_id order by t.ord)
         from unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::text[], $5::text[], $6::numeric[]) with ordinality
              as t(item_id, department_id, contact_centre, role, expectations, effort_hours, ord)`,
      [list.map((r) => r.itemId), list.map((r) => r.departmentId), list.map((r) => r.contactCentre), list.map((r) => r.role), list.map((r) => r.expectations), list.map((r) => r.effortHours)],
    );
  }

  /** Stores a frozen version and moves the plan's state on (latest version, nothing changed since). */
  async insertVersion(roundId: string, document: PlanDocument, frozenAt: Date, frozenById: string | null, frozenByName: string | null): Promise<void> {
    await this.tx.manager.query(
      'insert into plan_version (round_id, version, frozen_at, frozen_by_id, frozen_by_name, snapshot) values ($1, $2, $3, $4, $5, $6::jsonb)',
      [roundId, document.version, frozenAt, frozenById, frozenByName, JSON.stringify(document)],
    );
    await this.tx.manager.query('update plan set latest_version = $2, draft_changed = false, updated_at = now() where round_id = $1', [roundId, document.version]);
  }

  /**
   * The most recent earlier round (by year) that reached follow-up or closed, with the document of the
   * version its decision adopted (`plan.adopted_version`), or else (a round decided before decisions
   * were recorded) its latest frozen version: the adopted plan a new round may start from. Null when there is none.
   */
  async previousAdoptedPlan(roundId: string): Promise<{ roundId: string; document: PlanDocument } | null> {
    const rows: Array<{ round_id: string; snapshot: PlanDocument }> = await this.tx.manager.query(
      `select prev.id as round_id, v.snapshot
         from plan_round this
         join plan_round prev on prev.year < this.year and prev.state in ('followUp', 'closed')
         left join plan p on p.round_id = prev.id
         join lateral (select snapshot from plan_version
                        where round_id = prev.id and (p.adopted_version is null or version = p.adopted_version)
                        order by version desc limit 1) v on true
        where this.id = $1
        order by prev.year desc, prev.created_at desc
        limit 1`,
      [roundId],
    );
    return rows[0] ? { roundId: rows[0].round_id, document: rows[0].snapshot } : null;
  }

  /**
   * The document of the version a round's decision adopted (`plan.adopted_version`), or else (a round
   * decided before decisions were recorded, once it reached follow-up or closed) its latest frozen
   * version. Null when the round has no adopted plan.
   */
  async adoptedPlanOf(roundId: string): Promise<PlanDocument | null> {
    const rows: Array<{ snapshot: PlanDocument }> = await this.tx.manager.query(
      `select v.snapshot
         from plan_round r
         join plan p on p.round_id = r.id
         join lateral (select snapshot from plan_version
                        where round_id = r.id and (p.adopted_version is null or version = p.adopted_version)
                        order by version desc limit 1) v on true
        where r.id = $1 and (p.adopted_version is not null or r.state in ('followUp', 'closed'))`,
      [roundId],
    );
    return rows[0]?.snapshot ?? null;
  }

  /** The frozen version becomes the round's adopted plan; false when the round has no such frozen version. */
  async setAdoptedVersion(roundId: string, version: number): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.tx.manager.query(
      `update plan set adopted_version = $2, updated_at = now()
        where round_id = $1 and exists (select 1 from plan_version where round_id = $1 and version = $2)`,
      [roundId, version],
    );
    return affected > 0;
  }

  /** The number of the round's last frozen version; null when none is frozen (or there is no plan). */
  async latestVersionNumber(roundId: string): Promise<number | null> {
    const rows: Array<{ latest_version: number }> = await this.tx.manager.query('select latest_version from plan where round_id = $1', [roundId]);
    return rows[0] && rows[0].latest_version > 0 ? rows[0].latest_version : null;
  }
}
