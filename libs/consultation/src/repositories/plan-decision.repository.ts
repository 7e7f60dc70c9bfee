import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import type { DecisionOutcome } from '@samverka/workflow';

export interface NewPlanDecision {
  roundId: string;
  outcome: DecisionOutcome;
  decidedOn: string;
  body: string;
  minuteReference: string;
  reason: string | null;
  planVersion: number | null;
  recordedByName: string;
  recordedAt: Date;
}

export interface PlanDecisionRow extends NewPlanDecision {
  id: string;
}

/** The executive board's decisions (plan_decision), each one kept; and the plan version the round's remiss sent. */
@Injectable()
export class PlanDecisionRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Stores a decision; its id. */
  async insert(d: NewPlanDecision): Promise<string> {
    const rows: Array<{ id: string }> = await this.tx.manager.query(
      `insert into plan_decision (round_id, outcome, decided_on, body, minute_reference, reason, plan_version, recorded_by_name, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [d.roundId, d.outcome, d.decidedOn, d.body, d.minuteReference, d.reason, d.planVersion, d.recordedByName, d.recordedAt],
    );
    return rows[0].id;
  }

  /** The round's decisions, newest first (one statement). */
  async decisionsOf(roundId: string): Promise<PlanDecisionRow[]> {
    const rows: Array<Record<string, unknown>> = await this.tx.manager.query(
      `select id, round_id, outcome, to_char(decided_on, 'YYYY-MM-DD') as decided_on, body, minute_reference, reason, plan_version, recorded_by_name, recorded_at
         from plan_decision where round_id = $1 order by recorded_at desc, id desc`,
      [roundId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      roundId: r.round_id as string,
      outcome: r.outcome as DecisionOutcome,
      decidedOn: r.decided_on as string,
      body: r.body as string,
      minuteReference: r.minute_reference as string,
      reason: r.reason as string | null,
      planVersion: r.plan_version as number | null,
      recordedByName: r.recorded_by_name as string,
      recordedAt: new Date(r.recorded_at as string),
    }));
  }

  /** The frozen plan version the round's remiss sent (null: no remiss prepared). */
  async consultedPlanVersion(roundId: string): Promise<number | null> {
    const rows: Array<{ plan_version: number }> = await this.tx.manager.query('select plan_version from consultation where round_id = $1', [roundId]);
    return rows[0]?.plan_version ?? null;
  }
}
