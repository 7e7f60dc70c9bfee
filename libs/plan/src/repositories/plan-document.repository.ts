import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { CONTACT_CENTRE_NAME, PlanDocument, PlanVersionSummary } from '../plan.model';

/** Where a round's plan stands: the draft's state beside its document. */
export interface PlanState {
  roundId: string;
  /** The number of the last frozen version (0: none yet). */
  latestVersion: number;
  /** The draft has changes since the last frozen version (or nothing was frozen yet). */
  draftChanged: boolean;
  startedFromRoundId: string | null;
  updatedAt: Date;
}

export interface DraftRead {
  state: PlanState;
  document: PlanDocument;
}

/**
 * The plan as documents, each read in ONE statement: the draft is assembled in SQL from the
 * tables (areas in order, items in order, their needs and responsibilities, the deferrals) into the
 * same `PlanDocument` shape a frozen version stores; a version is its stored snapshot.
 */
@Injectable()
export class PlanDocumentRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The draft and its state, or null when the round has no plan yet. */
  async draftOf(roundId: string): Promise<DraftRead | null> {
    const rows: Array<{ state: PlanState & { updatedAt: string }; document: PlanDocument }> = await this.tx.manager.query(DRAFT_SQL, [roundId, CONTACT_CENTRE_NAME]);
    const row = rows[0];
    if (!row) return null;
    return { state: { ...row.state, updatedAt: new Date(row.state.updatedAt) }, document: row.document };
  }

  /** A frozen version's document, or null. */
  async versionOf(roundId: string, version: number): Promise<PlanDocument | null> {
    const rows: Array<{ snapshot: PlanDocument }> = await this.tx.manager.query('select snapshot from plan_version where round_id = $1 and version = $2', [roundId, version]);
    return rows[0]?.snapshot ?? null;
  }

  /** The last frozen version's document, or null when none is frozen. */
  async latestVersionOf(roundId: string): Promise<PlanDocument | null> {
    const rows: Array<{ snapshot: PlanDocument }> = await this.tx.manager.query('select snapshot from plan_version where round_id = $1 order by version desc limit 1', [roundId]);
    return rows[0]?.snapshot ?? null;
  }

  /** The frozen versions, oldest first. */
  async versionsOf(roundId: string): Promise<PlanVersionSummary[]> {
    const rows: Array<{ version: number; frozen_at: Date; frozen_by_name: string | null; item_count: number }> = await this.tx.manager.query(
      `select version, frozen_at, frozen_by_name,
              (select count(*)::int from jsonb_array_elements(snapshot->'areas') a, jsonb_array_elements(a->'items')) as item_count
         from plan_version where round_id = $1 order by version`,
      [roundId],
    );
    return rows.map((r) => ({ version: r.version, frozenAt: new Date(r.frozen_at).toISOString(), frozenBy: r.frozen_by_name, itemCount: r.item_count }));
  }
}

const DRAFT_SQL = `
select json_build_object(
         'roundId', p.round_id, 'latestVersion', p.latest_version, 'draftChanged', p.draft_changed,
         'startedFromRoundId', p.started_from_round_id, 'updatedAt', p.updated_at) as state,
       json_build_object(
         'roundId', p.round_id, 'version', null, 'frozenAt', null, 'frozenBy', null,
         'texts', json_build_object('introduction', p.introduction, 'contactCentreMandate', p.contact_centre_mandate,
                                    'departmentResponsibility', p.department_responsibility),
         'areas', (
           select coalesce(json_agg(json_build_object(
                    'code', a.code, 'name', a.name, 'introduction', coalesce(t.introduction, ''),
                    'items', (
                      select coalesce(json_agg(json_build_object(
                               'id', i.id, 'code', i.code, 'areaCode', i.area_code, 'title', i.title,
                               'description', i.description, 'expectedEffect', i.expected_effect, 'indicator', i.indicator,
                               'startsOn', i.starts_on, 'endsOn', i.ends_on, 'status', i.status,
                               'carriedOverFrom', case when i.carried_over_from_round_id is null then null
                                 else json_build_object('roundId', i.carried_over_from_round_id, 'code', i.carried_over_from_code) end,
                               'needs', (
                                 select coalesce(json_agg(json_build_object(
                                          'id', n.id, 'title', n.title, 'departmentId', n.department_id,
                                          'departmentName', nd.name, 'areaCode', n.area_code) order by nd.name, n.title, n.id), '[]'::json)
                                   from plan_item_need l join need n on n.id = l.need_id join department nd on nd.id = n.department_id
                                  where l.item_id = i.id),
                               'responsibilities', (
                                 select coalesce(json_agg(json_build_object(
                                          'organisation', case when r.contact_centre
                                            then json_build_object('kind', 'contactCentre', 'name', $2::text)
                                            else json_build_object('kind', 'department', 'departmentId', r.department_id, 'name', rd.name) end,
                                          'role', r.role, 'expectations', r.expectations,
                                          'effortHours', r.effort_hours::float8) order by r.position), '[]'::json)
                                   from plan_responsibility r left join department rd on rd.id = r.department_id
                                  where r.item_id = i.id)
                             ) order by i.position, i.code), '[]'::json)
                        from plan_item i where i.round_id = a.round_id and i.area_code = a.code)
                  ) order by a.position), '[]'::json)
             from plan_round_area a
             left join plan_area_text t on t.round_id = a.round_id and t.area_code = a.code
            where a.round_id = p.round_id),
         'deferrals', (
           select coalesce(json_agg(json_build_object('needId', d.need_id, 'reason', d.reason) order by d.deferred_at, d.need_id), '[]'::json)
             from plan_need_deferral d where d.round_id = p.round_id)
       ) as document
  from plan p
 where p.round_id = $1`;
