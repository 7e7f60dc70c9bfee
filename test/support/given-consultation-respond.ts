import { DataSource } from 'typeorm';
import { GivenPlanRows } from './given-plan-questions';

/**
 * A consultation (remiss) for the response tests, inserted with SQL (preparing and sending it belongs
 * to another part of the consultation): the round's plan with an item, frozen as version 1, the
 * consultation of that version with its questions, the recipient committees, and the round moved to
 * `consultation` (its state column, which the services read).
 */
export interface GivenConsultation {
  roundId: string;
  planVersion: number;
  questionIds: string[];
  itemCode: string;
}

export class GivenConsultationRows {
  private readonly plan: GivenPlanRows;

  constructor(private readonly db: DataSource) {
    this.plan = new GivenPlanRows(db);
  }

  async consultation(
    roundId: string,
    committeeIds: string[],
    values: Partial<{ replyBy: string; questions: string[]; itemCode: string; areaCode: string; state: string }> = {},
  ): Promise<GivenConsultation> {
    const itemCode = values.itemCode ?? 'LS-1';
    await this.plan.item(roundId, { code: itemCode, areaCode: values.areaCode ?? 'LOKAL_SERVICE', title: 'Vägledning på biblioteken' });
    const planVersion = await this.plan.freeze(roundId);
    const replyBy = values.replyBy ?? '2026-06-30';
    await this.db.query(`insert into consultation (round_id, plan_version, reply_by, cover_letter, sent_at) values ($1, $2, $3, $4, now())`, [
      roundId,
      planVersion,
      replyBy,
      'Kommunstyrelsen remitterar utvecklingsplanen.',
    ]);
    const questionIds: string[] = [];
    for (const [position, text] of (values.questions ?? ['Hur vill ni delta i samarbetsprocessen?']).entries()) {
      const [row] = (await this.db.query('insert into consultation_question (round_id, text, position) values ($1, $2, $3) returning id', [roundId, text, position])) as Array<{ id: string }>;
      questionIds.push(row.id);
    }
    for (const committeeId of committeeIds) {
      await this.db.query('insert into consultation_recipient (round_id, committee_id, reply_by) values ($1, $2, $3)', [roundId, committeeId, replyBy]);
    }
    await this.state(roundId, values.state ?? 'consultation');
    return { roundId, planVersion, questionIds, itemCode };
  }

  /** Moves the round's state column (the workflow's own steps are another part's). */
  async state(roundId: string, state: string): Promise<void> {
    await this.db.query('update plan_round set state = $2 where id = $1', [roundId, state]);
  }
}
