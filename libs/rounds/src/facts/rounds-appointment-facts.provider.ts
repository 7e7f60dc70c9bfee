import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { LocalDate } from '@samverka/kernel';
import { AppointmentFactsProvider, ProvidesAppointmentFacts, RunningRoundFact } from '@samverka/organisation';

/**
 * What the rounds tell the appointment email: the running round (launched, not yet closed or
 * cancelled) the department takes part in, and its needs deadline while needs are collected.
 */
@Injectable()
@ProvidesAppointmentFacts(true)
export class RoundsAppointmentFacts implements AppointmentFactsProvider {
  constructor(private readonly tx: TransactionHost) {}

  async runningRoundFor(departmentId: string, day: LocalDate): Promise<RunningRoundFact | null> {
    const rows: Array<{ title: string; state: string; needs_deadline: string }> = await this.tx.manager.query(
      `select r.title, r.state, to_char(r.needs_deadline, 'YYYY-MM-DD') as needs_deadline
         from plan_round r join plan_round_participant p on p.round_id = r.id
        where p.department_id = $1 and r.state not in ('preparing', 'closed', 'cancelled')
        order by r.year desc limit 1`,
      [departmentId],
    );
    const row = rows[0];
    if (!row) return null;
    return { roundTitle: row.title, needsDeadline: row.state === 'collectingNeeds' && row.needs_deadline >= day ? row.needs_deadline : null };
  }
}
