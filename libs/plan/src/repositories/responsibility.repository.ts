import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { SqlSelect } from '@samverka/kernel';

/** What the allocation's documents, pages and emails name of a round: its heading and its participants. */
export interface AllocationRound {
  id: string;
  title: string;
  caseNumber: string;
  year: number;
  state: string;
  /** The participating departments, by name. */
  participants: Array<{ departmentId: string; name: string }>;
}

/** A department with a summary its person has not marked as read (the latest frozen version of a running round). */
export interface UnreadSummaryRow {
  roundId: string;
  roundTitle: string;
  version: number;
  departmentId: string;
  departmentName: string;
  committeeId: string;
}

/** Rounds whose plan is read (from drafting on) and not over. */
const PLAN_READ_STATES = ['draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp'];

/** The responsibility allocation's own reads and writes: the round it belongs to, who has read which summary. */
@Injectable()
export class ResponsibilityRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The round with its participants (one statement), or null. */
  async roundOf(roundId: string): Promise<AllocationRound | null> {
    const rows: AllocationRound[] = await this.tx.manager.query(
      `select r.id, r.title, r.case_number as "caseNumber", r.year, r.state,
              (select coalesce(json_agg(json_build_object('departmentId', d.id, 'name', d.name) order by d.name, d.id), '[]'::json)
                 from plan_round_participant p join department d on d.id = p.department_id where p.round_id = r.id) as participants
         from plan_round r where r.id = $1`,
      [roundId],
    );
    return rows[0] ?? null;
  }

  /** Records that the user read the department's summary of that version; reading it again changes nothing. */
  async markRead(roundId: string, version: number, departmentId: string, userId: string, at: Date): Promise<void> {
    await this.tx.manager.query(
      `insert into plan_summary_read (round_id, version, department_id, user_id, read_at) values ($1, $2, $3, $4, $5)
       on conflict (round_id, version, department_id, user_id) do nothing`,
      [roundId, version, departmentId, userId, at],
    );
  }

  /**
   * A new version that leaves these departments' parts as they were: whoever had read their summary of
   * the version before has read this one too (their "read the summary" task does not come back).
   */
  async carryReadMarks(roundId: string, fromVersion: number, toVersion: number, departmentIds: string[]): Promise<void> {
    if (departmentIds.length === 0) return;
    await this.tx.manager.query(
      `insert into plan_summary_read (round_id, version, department_id, user_id, read_at)
       select round_id, $3, department_id, user_id, read_at from plan_summary_read
        where round_id = $1 and version = $2 and department_id = any($4::uuid[])
       on conflict (round_id, version, department_id, user_id) do nothing`,
      [roundId, fromVersion, toVersion, departmentIds],
    );
  }

  /** When the user read the department's summary of that version (null: not yet). */
  async readAt(roundId: string, version: number, departmentId: string, userId: string): Promise<Date | null> {
    const rows: Array<{ read_at: Date }> = await this.tx.manager.query(
      'select read_at from plan_summary_read where round_id = $1 and version = $2 and department_id = $3 and user_id = $4',
      [roundId, version, departmentId, userId],
    );
    return rows[0] ? new Date(rows[0].read_at) : null;
  }

  /**
   * The departments (of those given) whose summary of their round's latest frozen version the user has
   * not read, in rounds drafting the plan or later and neither closed nor cancelled: a select for the task composer.
   */
  selectUnreadSummaries(departmentIds: readonly string[], userId: string): SqlSelect<UnreadSummaryRow> {
    type Raw = { round_id: string; round_title: string; version: number; department_id: string; department_name: string; committee_id: string };
    return {
      sql: `select r.id as round_id, r.title as round_title, v.version, d.id as department_id, d.name as department_name, d.committee_id
         from plan_round r
         join lateral (select max(pv.version) as version from plan_version pv where pv.round_id = r.id) v on v.version is not null
         join plan_round_participant p on p.round_id = r.id
         join department d on d.id = p.department_id
        where r.state = any($3::text[])
          and p.department_id = any($1::uuid[])
          and not exists (select 1 from plan_summary_read s
                           where s.round_id = r.id and s.version = v.version and s.department_id = p.department_id and s.user_id = $2)
        order by r.title, d.name`,
      values: [departmentIds, userId, PLAN_READ_STATES],
      rowsFrom: (rows) =>
        (rows as unknown as Raw[]).map((r) => ({
          roundId: r.round_id,
          roundTitle: r.round_title,
          version: Number(r.version),
          departmentId: r.department_id,
          departmentName: r.department_name,
          committeeId: r.committee_id,
        })),
    };
  }
}
