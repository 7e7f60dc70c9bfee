import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { DeadlineKind } from '../entities/plan-round-event.entity';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { jsonTimestamp, RoundFactKind, RoundFactKinds } from '../facts/round-fact-provider';
import { RoundFactProviders } from '../facts/round-fact-providers';
import { ParticipantRow } from './plan-round.repository';
import { PreparedQuery, preparedQuery } from './prepared-query';

/** A coordinator or deputy of a participant whose assignment is valid today (the view lists them; the steps email them). */
export interface ActiveCoordinatorRow {
  departmentId: string;
  personId: string;
  name: string;
  email: string;
  kind: 'primary' | 'deputy';
  /** The assignment's last day (null: open-ended). */
  validTo: LocalDate | null;
}

/** A DEADLINE_REACHED entry of the round's history. */
export interface DeadlineReachedRow {
  deadline: DeadlineKind;
  deadlineDate: LocalDate;
  occurredAt: Date;
}

/** Everything a round's view and its steps start from, read in one statement. */
export interface RoundSource {
  round: PlanRoundEntity;
  participants: ParticipantRow[];
  coordinators: ActiveCoordinatorRow[];
  deadlinesReached: DeadlineReachedRow[];
  facts: { [K in RoundFactKind]: RoundFactKinds[K] };
}

interface Raw {
  round: Omit<PlanRoundEntity, 'createdAt' | 'updatedAt' | 'areas' | 'participants'> & { createdAt: string; updatedAt: string };
  areas: Array<{ code: string; name: string; position: number }>;
  participants: ParticipantRow[];
  coordinators: ActiveCoordinatorRow[];
  deadlines_reached: Array<{ deadline: DeadlineKind; deadlineDate: LocalDate; occurredAt: string }>;
  needs: unknown;
  plan: unknown;
  consultation: unknown;
  proposals: unknown;
}

/**
 * A round as its page, the API and its workflow steps read it: the row and its areas, the participants
 * with their coordinators valid today, the deadlines recorded as passed, and every kind of fact the
 * other contexts provide (their selects nested here): one prepared statement, whatever the number of
 * participants. `$1` is the round, `$2` the day the coordinators' assignments are judged on.
 */
@Injectable()
export class RoundViewRepository {
  private query?: PreparedQuery;

  constructor(
    private readonly tx: TransactionHost,
    private readonly providers: RoundFactProviders,
  ) {}

  /** The round's source, or null when there is no such round. */
  async sourceOf(roundId: string, today: LocalDate): Promise<RoundSource | null> {
    const { name, text } = (this.query ??= preparedQuery('rounds.view_source', this.text()));
    const row = (await this.tx.prepared<Raw>(name, text, [roundId, today]))[0];
    if (!row) return null;
    const { createdAt, updatedAt, ...rest } = row.round;
    const round = Object.assign(new PlanRoundEntity(), rest, {
      createdAt: new Date(createdAt),
      updatedAt: new Date(updatedAt),
      areas: row.areas.map((a) => ({ roundId, ...a })),
    }) as PlanRoundEntity;
    return {
      round,
      participants: row.participants,
      coordinators: row.coordinators,
      deadlinesReached: row.deadlines_reached.map((e) => ({ ...e, occurredAt: jsonTimestamp(e.occurredAt)! })),
      facts: {
        needs: this.providers.factsFrom('needs', row.needs),
        plan: this.providers.factsFrom('plan', row.plan),
        consultation: this.providers.factsFrom('consultation', row.consultation),
        proposals: this.providers.factsFrom('proposals', row.proposals),
      },
    };
  }

  private text(): string {
    return `select json_build_object(
              'id', r.id, 'title', r.title, 'year', r.year, 'caseNumber', r.case_number, 'state', r.state,
              'machineVersion', r.machine_version, 'snapshot', r.snapshot, 'version', r.version,
              'needsDeadline', r.needs_deadline, 'consultationReplyDeadline', r.consultation_reply_deadline, 'decisionDeadline', r.decision_deadline,
              'autoCloseNeeds', r.auto_close_needs, 'autoCloseConsultation', r.auto_close_consultation,
              'createdById', r.created_by_id, 'createdAt', r.created_at, 'updatedAt', r.updated_at) as round,
            (select coalesce(json_agg(json_build_object('code', a.code, 'name', a.name, 'position', a.position) order by a.position), '[]'::json)
               from plan_round_area a where a.round_id = r.id) as areas,
            (select coalesce(json_agg(json_build_object('departmentId', d.id, 'code', d.code, 'name', d.name, 'committeeId', d.committee_id, 'active', d.active) order by d.name, d.id), '[]'::json)
               from plan_round_participant p join department d on d.id = p.department_id where p.round_id = r.id) as participants,
            (select coalesce(json_agg(json_build_object('departmentId', ca.department_id, 'personId', ca.person_id, 'name', pe.name, 'email', pe.email, 'kind', ca.kind, 'validTo', ca.valid_to)
                                      order by ca.kind, ca.valid_from, pe.name), '[]'::json)
               from plan_round_participant p
               join coordinator_assignment ca on ca.department_id = p.department_id
               join person pe on pe.id = ca.person_id
              where p.round_id = r.id and ca.valid_from <= $2::date and (ca.valid_to is null or ca.valid_to >= $2::date)) as coordinators,
            (select coalesce(json_agg(json_build_object('deadline', e.deadline, 'deadlineDate', e.deadline_date, 'occurredAt', e.occurred_at) order by e.id), '[]'::json)
               from plan_round_event e where e.round_id = r.id and e.type = 'DEADLINE_REACHED') as deadlines_reached,
            ${this.providers.jsonOf('needs', '$1::uuid')} as needs,
            ${this.providers.jsonOf('plan', '$1::uuid')} as plan,
            ${this.providers.jsonOf('consultation', '$1::uuid')} as consultation,
            ${this.providers.jsonOf('proposals', '$1::uuid')} as proposals
       from plan_round r where r.id = $1::uuid`;
  }
}
