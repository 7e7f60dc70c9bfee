import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '@samverka/audit';
import { addDays, Clock, localDateInCity } from '@samverka/kernel';
import { PlanRoundRepository } from '../repositories/plan-round.repository';
import { PlanRoundView } from '../plan-round.model';
import { PlanRoundCommandService } from '../services/plan-round-command.service';
import { PlanRoundStepService } from '../services/plan-round-step.service';

/**
 * The demo city's plan round: next year's plan, every active department taking part, launched
 * today with six weeks to submit needs (so the round page, the launch emails under var/mail and
 * the guards' reasons can be seen at once). Loaded only into a database without rounds.
 */
@Injectable()
export class DemoRoundSeeder {
  constructor(
    private readonly commands: PlanRoundCommandService,
    private readonly steps: PlanRoundStepService,
    private readonly repository: PlanRoundRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async seed(actor: Actor): Promise<PlanRoundView | null> {
    if ((await this.repository.list({ all: true, departmentIds: [], committeeIds: [] })).length > 0) return null;
    const today = localDateInCity(this.clock.now());
    const year = Number(today.slice(0, 4)) + 1;
    const round = await this.commands.create(actor, {
      title: `Utvecklingsplan för kontaktcenter ${year} och framåt`,
      year,
      caseNumber: `STK-${year - 1}-1400`,
      deadlines: { needs: addDays(today, 42), consultationReply: addDays(today, 120), decision: addDays(today, 180) },
    });
    return this.steps.transition(actor, round.id, { type: 'LAUNCH' });
  }
}
